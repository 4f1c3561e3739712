/**
 * What the crew-return chart is made of: its types, its tags, its guards (guards.ts) and one named
 * action per job; each action that reads its event asserts the event's type, so one wired to the wrong
 * transition throws instead of doing nothing. What each does to the context is in contextUpdates.ts.
 */
import { assertEvent, assign, setup } from 'xstate';
import { type CrewReturnContext, type CrewReturnEvent, type CrewReturnInput, replacementVehicleId } from './context';
import {
  confirmation,
  emergencyDecision,
  override,
  withCommonCauseCleared,
  withCommonCauseRaised,
  withDisposition,
  withOpenPollClosed,
  withPollOpened,
  withQuantity,
  withSystemStatus,
  withVote,
} from './contextUpdates';
import { guards } from './guards';

/**
 * The phases the app and the record ask about, as tags on the states that are in them: `assessing`
 * before a decision can be asked for, `deciding` while the authority is asked to decide, `leftStation`
 * once the crew has undocked (and home).
 */
type CrewReturnTag = 'assessing' | 'deciding' | 'leftStation';

const reports = ['inspection.finding', 'assessment.report'] as const;

export const crewReturnSetup = setup({
  types: {
    context: {} as CrewReturnContext,
    events: {} as CrewReturnEvent,
    input: {} as CrewReturnInput,
    tags: {} as CrewReturnTag,
  },
  guards,
  actions: {
    /** Every event carries its scenario time; the context's clock is the last event's. */
    stamp: assign({ nowUtc: ({ event }) => event.at }),
    detectAnomaly: assign({ anomalyDetected: true }),
    declareStationUnsafe: assign({ stationUnsafe: true }),
    departDamagedVehicle: assign({
      damagedVehicleDepartedUtc: ({ event }) => {
        assertEvent(event, 'damagedVehicle.returnUncrewed');
        return event.at;
      },
    }),
    recordQuantity: assign({
      values: ({ context, event }) => {
        assertEvent(event, reports);
        return withQuantity(context, event);
      },
    }),
    recordSystemStatus: assign({
      values: ({ context, event }) => {
        assertEvent(event, reports);
        return withSystemStatus(context, event);
      },
    }),
    changeThreshold: assign({
      thresholds: ({ context, event }) => {
        assertEvent(event, 'thresholds.change');
        return { ...context.thresholds, [event.key]: event.value };
      },
    }),
    relocateSeat: assign({
      seatByCrewId: ({ context, event }) => {
        assertEvent(event, 'seats.relocate');
        return { ...context.seatByCrewId, [event.crewId]: event.vehicleId };
      },
    }),
    transferSeatsToReplacement: assign({
      seatByCrewId: ({ context }) => Object.fromEntries(context.setup.crew.map((c) => [c.id, replacementVehicleId])),
    }),
    raiseCommonCause: assign({
      values: ({ context, event }) => {
        assertEvent(event, 'commonCause.raise');
        return withCommonCauseRaised(context, event);
      },
    }),
    clearCommonCause: assign({ values: ({ context }) => withCommonCauseCleared(context) }),
    openPoll: assign({
      polls: ({ context, event }) => {
        assertEvent(event, 'poll.open');
        return withPollOpened(context, event);
      },
    }),
    recordVote: assign({
      polls: ({ context, event }) => {
        assertEvent(event, 'poll.vote');
        return withVote(context, event);
      },
    }),
    recordDisposition: assign({
      polls: ({ context, event }) => {
        assertEvent(event, 'poll.disposition');
        return withDisposition(context, event);
      },
    }),
    /** New data or an emergency ends an open poll: its answers were given on what was known before. */
    withdrawPoll: assign({
      polls: ({ context, event }) => {
        assertEvent(event, ['inspection.finding', 'station.emergency']);
        return withOpenPollClosed(context, 'withdrawn', event.at);
      },
    }),
    /** A decision closes the poll taken before it (after the decision has recorded the poll's number). */
    closePollDecided: assign({
      polls: ({ context, event }) => {
        assertEvent(event, ['decision.confirm', 'decision.override']);
        return withOpenPollClosed(context, 'decided', event.at);
      },
    }),
    recordConfirmation: assign({
      decision: ({ context, event }) => {
        assertEvent(event, 'decision.confirm');
        return confirmation(context, event);
      },
    }),
    recordOverride: assign({
      decision: ({ context, event }) => {
        assertEvent(event, 'decision.override');
        return override(context, event);
      },
    }),
    recordEmergencyDecision: assign({
      decision: ({ context, event }) => {
        assertEvent(event, 'station.emergency');
        return emergencyDecision(context, event);
      },
    }),
  },
});
