import { memo, useEffect } from 'react';
import { changeSentence } from '../../reports/answerWords';
import { signatureMeaning } from '../../reports/eventWords';
import { utcMinute } from '../../reports/format';
import { outcomeLabels } from '../../reports/outcomeWords';
import type { StatusLine as Status } from '../../session/statusLine';
import { afterTheDetailFrame } from '../shared/afterTheDetailFrame';
import { OutcomeBadge } from '../shared/OutcomeBadge';
import { ThinnestMargin } from '../shared/ThinnestMargin';
import { displayValue, type TemperatureUnit } from '../shared/units';
import { useKeptHeight } from '../shared/useKeptHeight';

const appTitle = 'Crew-return decision support';

interface Props {
  status: Status;
  scenarioTitle: string;
  step: number;
  /** Explore mode: what the line shows is tried, not in force, and it says so first. */
  exploring: boolean;
  temperatureUnit: TemperatureUnit;
  /** Where the session stands (its step): the line keeps the room it has needed there (useKeptHeight). */
  place: string;
}

/**
 * The line that never scrolls away: what is in force now, and whether the latest event changed the
 * recommendation (said here, announced to a screen reader, and carried in the page title).
 */
export const StatusLine = memo(function StatusLine({ status, scenarioTitle, step, exploring, temperatureUnit, place }: Props) {
  const room = useKeptHeight<HTMLElement>(place);
  const { decision, headline, thinnest, lastChange, changed } = status;
  const lead = headline ? `${outcomeLabels[headline]}${decision ? '' : ' (recommended)'}` : 'No anomaly';
  const title = `${exploring ? 'Exploring, not recorded: ' : ''}${lead} · step ${step} · ${scenarioTitle} — ${appTitle}`;
  // Setting the title costs milliseconds in Chromium (~2 ms a change in the page, more in the browser); it is
  // not drawn on the page, so it follows the frames that show the change instead of competing with them.
  useEffect(
    () =>
      afterTheDetailFrame(() => {
        document.title = title;
      }, 200),
    [title],
  );
  useEffect(
    () => () => {
      document.title = appTitle;
    },
    [],
  );
  const shown = (value: number, unit: string, isDifference?: boolean) => displayValue(value, unit, temperatureUnit, isDifference);
  const changedWords =
    changed && status.recommendation
      ? `Recommendation now ${outcomeLabels[status.recommendation]}. ${changeSentence(changed.from, changed.cause, shown)}.`
      : '';
  return (
    <section ref={room} className="status-line" aria-label="In force now" data-testid="status-line">
      <div className="status-now">
        {exploring && <strong data-testid="status-exploring">Exploring, not recorded:</strong>}
        <span data-testid="in-force">
          {decision ? (
            <>
              Decision in force: <OutcomeBadge outcome={decision.outcome} />{' '}
              <span className="muted">
                ({decision.scripted ? 'scripted, ' : ''}
                {decision.kind} by {decision.by.name})
              </span>
            </>
          ) : (
            <>No decision yet</>
          )}
        </span>
        {status.recommendation && status.recommendationDiffers && (
          <span data-testid="status-recommended">
            Recommended{status.provisional ? ' (provisional)' : ''}: <OutcomeBadge outcome={status.recommendation} />
          </span>
        )}
        <span>
          Phase: <code>{status.phase}</code>
        </span>
        {status.decidingRow && (
          <span>
            Row {status.decidingRow.index}: <code>{status.decidingRow.id}</code>
          </span>
        )}
        {thinnest && thinnest.evaluation.margin !== null && (
          <span data-testid="status-thinnest">
            <ThinnestMargin thinnest={thinnest} temperatureUnit={temperatureUnit} />
          </span>
        )}
      </div>
      <div className="status-last">
        {lastChange && (
          <span className="muted" data-testid="status-last-change">
            Last: {signatureMeaning(lastChange.step.event)}, {lastChange.by.name}, {utcMinute(lastChange.step.wallClockUtc)} UTC
          </span>
        )}
        {changed && (
          <strong className="status-changed" data-testid="status-changed">
            <span aria-hidden="true">⟳ </span>Recommendation changed
          </strong>
        )}
      </div>
      <span className="visually-hidden" role="status">
        {changedWords}
      </span>
    </section>
  );
});
