import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * A chart's data as drawn: the latest while the chart is in or near the view, the data it was last drawn
 * with while it is scrolled away (an edit does not pay for a picture no one sees); it catches up as it
 * comes near, or when focus enters it. `stale` says the picture is behind the data.
 */
export function useDrawnWhenNear<Data>(data: Data): { ref: RefObject<HTMLDivElement | null>; drawn: Data; stale: boolean } {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(true);
  const [drawn, setDrawn] = useState(data);
  useEffect(() => {
    const slot = ref.current;
    if (!slot || typeof IntersectionObserver === 'undefined') return;
    // Half a screen ahead: a chart scrolled toward is drawn before it is seen.
    const observer = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), {
      rootMargin: '50% 0px',
    });
    observer.observe(slot);
    const onFocus = () => setNear(true);
    slot.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      slot.removeEventListener('focusin', onFocus);
    };
  }, []);
  // Derived from the previous render (React's pattern for it): the data drawn follows the data while near.
  if (near && drawn !== data) setDrawn(data);
  return { ref, drawn: near ? data : drawn, stale: !near && drawn !== data };
}
