import { memo, useEffect, useRef } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { utcMinute } from '../../reports/format';
import { isDecisionEvent } from '../../session/history';
import { daysSince } from '../../session/model';
import { SourceRefList } from '../shared/SourceRef';

interface Props {
  scenario: Scenario;
  cursor: number;
  appliedByStep: (boolean | undefined)[];
  onJump: (cursor: number) => void;
}

export const Timeline = memo(function Timeline({ scenario, cursor, appliedByStep, onJump }: Props) {
  const current = useRef<HTMLLIElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the cursor when it moves
  useEffect(() => {
    current.current?.scrollIntoView?.({ block: 'nearest' });
  }, [cursor]);

  return (
    <section aria-labelledby="timeline-title" className="timeline">
      <h3 id="timeline-title">Timeline</h3>
      <ol>
        {scenario.events.map((event, index) => {
          const step = index + 1;
          const applied = appliedByStep[index];
          const status = step > cursor ? 'upcoming' : applied ? 'applied' : 'not applied in this state';
          const day = Math.floor(daysSince(scenario.setup.damagedVehicle.launchedUtc, event.at));
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: scripted events are fixed and ordered
              key={index}
              ref={step === cursor ? current : undefined}
              className={`timeline-item status-${status.split(' ')[0]}`}
              aria-current={step === cursor ? 'step' : undefined}
            >
              <button type="button" onClick={() => onJump(step)} title={`Jump to step ${step}`}>
                <span className="timeline-when">
                  {step}. {utcMinute(event.at)} · day {day}
                </span>
                <span className="timeline-event">
                  <code>{event.type}</code> <span className="timeline-status">{status}</span>
                </span>
                <span className="timeline-description">{event.description}</span>
                {isDecisionEvent(event) && (
                  <span className="timeline-history">
                    {scenario.kind === 'historical' ? 'History' : 'Scripted'}, not your decision: {event.by.name}
                  </span>
                )}
              </button>
              <span className="timeline-sources">
                Sources: <SourceRefList keys={event.sources} />
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
