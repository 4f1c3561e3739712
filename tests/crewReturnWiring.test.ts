import { describe, expect, it } from 'vitest';
import { createActor, createMachine, initialTransition, transition } from 'xstate';
import type { CrewReturnContext, CrewReturnEvent } from '../machines/statechart/context';
import { crewReturnMachine } from '../machines/statechart/crewReturnMachine';
import { guards } from '../machines/statechart/guards';
import { ev, modelInput } from './support';

const context: CrewReturnContext = createActor(crewReturnMachine, { input: modelInput }).getSnapshot().context;

/** Each guard and action that reads its event, with the event it is wired to. */
const guardEvents = {
  recommends: 'decision.confirm',
  overridesTo: 'decision.override',
  voteCounts: 'poll.vote',
  dispositionValid: 'poll.disposition',
  thresholdChangeValid: 'thresholds.change',
  seatFree: 'seats.relocate',
} as const;

const actionEvents = {
  departDamagedVehicle: 'damagedVehicle.returnUncrewed',
  recordQuantity: 'inspection.finding',
  recordSystemStatus: 'assessment.report',
  changeThreshold: 'thresholds.change',
  relocateSeat: 'seats.relocate',
  raiseCommonCause: 'commonCause.raise',
  openPoll: 'poll.open',
  recordVote: 'poll.vote',
  recordDisposition: 'poll.disposition',
  withdrawPoll: 'inspection.finding',
  closePollDecided: 'decision.confirm',
  recordConfirmation: 'decision.confirm',
  recordOverride: 'decision.override',
  recordEmergencyDecision: 'station.emergency',
} as const;

const wrongEvent: CrewReturnEvent = ev('return.land');
const assertion = /^Expected event .* to have (one of )?types? matching/;

/** A one-state machine with the chart's own actions, one of them wired to `eventType`. */
function wiredTo(action: string, eventType: CrewReturnEvent['type']) {
  const machine = createMachine(
    {
      types: { context: {} as CrewReturnContext, events: {} as CrewReturnEvent },
      context,
      on: { [eventType]: { actions: action } },
    },
    { actions: crewReturnMachine.implementations.actions },
  );
  return (event: CrewReturnEvent) => transition(machine, initialTransition(machine)[0], event);
}

describe('the crew-return chart, wired wrong, throws instead of doing nothing', () => {
  it.each(Object.entries(guardEvents))('guard %s asserts its event (%s)', (name, eventType) => {
    const guard = guards[name as keyof typeof guardEvents] as (args: unknown, params: unknown) => boolean;
    const params = { outcome: 'launch-replacement' };
    expect(() => guard({ context, event: wrongEvent }, params)).toThrow(`to have type matching "${eventType}"`);
  });

  it('names every guard that reads its event, and no other guard reads one', () => {
    const readers = Object.entries(guards).filter(([, guard]) => {
      try {
        (guard as (args: unknown, params: unknown) => boolean)({ context, event: wrongEvent }, { outcome: 'launch-replacement' });
        return false;
      } catch {
        return true;
      }
    });
    expect(readers.map(([name]) => name).sort()).toEqual(Object.keys(guardEvents).sort());
  });

  it.each(Object.entries(actionEvents))('action %s asserts its event (%s)', (name, eventType) => {
    const action = name as keyof typeof actionEvents;
    expect(() => wiredTo(action, 'return.land')(wrongEvent)).toThrow(assertion);
    // Wired to its own event it runs (the event is sent bare: the assertion is on its type alone).
    expect(() => wiredTo(action, eventType)({ ...wrongEvent, type: eventType } as CrewReturnEvent)).not.toThrow(/Expected event/);
  });
});
