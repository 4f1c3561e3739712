import type { ReactNode } from 'react';

/** What is wrong with what was entered, announced as it appears; `id` for the field's aria-describedby. */
export function FieldProblem({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} role="alert" className="field-error">
      {children}
    </p>
  );
}
