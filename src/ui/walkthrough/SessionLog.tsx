import { memo } from 'react';
import { describeEvent } from '../../reports/eventWords';
import { utcTimeOfDay } from '../../reports/format';
import { explorer } from '../../session/exploration';
import { thresholdDefinitionByKey } from '../../session/model';
import type { Walkthrough } from '../../session/walkthrough';
import { displayValue, type TemperatureUnit } from '../shared/units';

/** The latest few only: the whole record is the audit trail's, and a short list keeps edits fast. */
const shownCount = 6;

export const SessionLog = memo(function SessionLog({
  walkthrough,
  temperatureUnit,
}: {
  walkthrough: Walkthrough;
  temperatureUnit: TemperatureUnit;
}) {
  let step = 0;
  const operatorEvents = walkthrough.events.flatMap((e) => {
    if (e.scriptedStep !== undefined) step = e.scriptedStep + 1;
    // What Explore mode tried is not recorded, so it is not in this log either.
    const recorded = e.scriptedStep === undefined && !('by' in e.event && e.event.by.name === explorer.name);
    return recorded ? [{ ...e, afterStep: step }] : [];
  });
  const earlier = Math.max(0, operatorEvents.length - shownCount);
  return (
    <section aria-labelledby="session-log-title" className="session-log">
      <h3 id="session-log-title">Recorded by operators ({operatorEvents.length})</h3>
      {operatorEvents.length === 0 && <p className="muted">Nothing recorded yet.</p>}
      {earlier > 0 && <p className="muted">{earlier} earlier: see the audit trail.</p>}
      <ol start={earlier + 1}>
        {operatorEvents.slice(earlier).map(({ event, wallClockUtc, afterStep }) => {
          const unit = event.type === 'thresholds.change' ? (thresholdDefinitionByKey.get(event.key)?.unit ?? '') : '';
          const show = (v: number | undefined) => (v === undefined ? '—' : displayValue(v, unit, temperatureUnit));
          return (
            <li
              key={`${wallClockUtc}-${event.type}-${afterStep}-${JSON.stringify(event)}`}
              className={`log-${event.type.replace('.', '-')}`}
            >
              <span className="muted">
                after step {afterStep} · {utcTimeOfDay(wallClockUtc)} UTC · {event.by.name} ({event.by.role})
              </span>{' '}
              {event.type === 'thresholds.change' && (
                <>
                  <code>{event.key}</code> {show(event.previousValue)} → {show(event.value)}
                  {event.reason && <> — {event.reason}</>}
                </>
              )}
              {event.type === 'decision.confirm' && (
                <>confirmed the recommendation{event.rationale && <>: {event.rationale}</>}</>
              )}
              {event.type === 'decision.override' && (
                <strong>
                  OVERRIDE to {event.outcome}: {event.rationale}
                </strong>
              )}
              {event.type === 'session.note' && <>note: {event.text}</>}
              {event.type === 'operator.handover' && <>{describeEvent(event)}</>}
            </li>
          );
        })}
      </ol>
    </section>
  );
});
