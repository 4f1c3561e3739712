import { problemExpectation, problemPath } from '../../reports/format';
import type { InputProblem } from '../../session/inputProblem';

export function ProblemList({ problems, title }: { problems: InputProblem[]; title: string }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="problems">
      <p>
        <strong>{title}</strong> {problems.length} problem{problems.length === 1 ? '' : 's'} in {problems[0]?.file}:
      </p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}:${p.expected}`}>
            <code>{problemPath(p)}</code>: {problemExpectation(p)}
          </li>
        ))}
      </ul>
    </div>
  );
}
