import type { ScenarioRun } from '../session/runScenario';

const number = (x: number) => String(Math.round(x * 100) / 100);

export function RunReport({ run }: { run: ScenarioRun }) {
  const recommendation = run.recommendation;
  return (
    <section aria-labelledby="run-title" className="run-report">
      <h2 id="run-title">{run.title}</h2>
      <dl className="outcome">
        <dt>Outcome</dt>
        <dd data-testid="outcome">{run.outcome}</dd>
        <dt>Final state</dt>
        <dd>{run.finalState}</dd>
        {run.decision && (
          <>
            <dt>Decision</dt>
            <dd>
              {run.decision.kind} by {run.decision.by.name} ({run.decision.by.role}), {run.decision.atUtc}
            </dd>
          </>
        )}
        {recommendation && (
          <>
            <dt>Policy row</dt>
            <dd>{recommendation.decidingRow}</dd>
          </>
        )}
      </dl>

      {run.evaluations.length > 0 && (
        <table className="rules">
          <caption>Rules behind the recommendation</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Crew</th>
              <th scope="col">Tier</th>
              <th scope="col">Value</th>
              <th scope="col">Threshold</th>
              <th scope="col">Margin</th>
              <th scope="col">Result</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {run.evaluations.map((e) => (
              <tr key={`${e.ruleId}-${e.tier}-${e.crewCount ?? ''}`} className={`status-${e.status}`}>
                <td>{e.ruleId}</td>
                <td>{e.crewCount ?? ''}</td>
                <td>{e.tier}</td>
                <td>{e.value === null ? 'unknown' : `${number(e.value)} ${e.unit}`}</td>
                <td>{`${e.comparator} ${number(e.threshold)} ${e.unit}`}</td>
                <td>{e.margin === null ? '—' : number(e.margin)}</td>
                <td>{e.status.toUpperCase()}</td>
                <td>{e.valueSource}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <table className="steps">
        <caption>Steps</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Scenario time (UTC)</th>
            <th scope="col">Event</th>
            <th scope="col">State after</th>
          </tr>
        </thead>
        <tbody>
          {run.steps.map((s) => (
            <tr key={s.seq}>
              <td>{s.seq}</td>
              <td>{s.scenarioTimeUtc.replace('T', ' ').slice(0, 16)}</td>
              <td>{s.type}</td>
              <td>{s.accepted ? s.stateAfter : `${s.stateAfter} (ignored)`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
