import type { ReactNode } from 'react';
import { useCaughtUpAfterFrame, useOnScreen } from './frames';

interface Props<T> {
  /** Must keep its identity while unchanged (a memoized object), or it is never "caught up". */
  value: T;
  className?: string;
  children: (value: T) => ReactNode;
}

/** Renders `value` at once while this box is in view; while it is out of view, one frame late. */
export function InView<T>({ value, className, children }: Props<T>) {
  const [ref, onScreen] = useOnScreen<HTMLDivElement>();
  const shown = useCaughtUpAfterFrame(value, { urgent: onScreen });
  return (
    <div ref={ref} className={className}>
      {children(shown)}
    </div>
  );
}
