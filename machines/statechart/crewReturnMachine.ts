/**
 * The crew-return decision statechart: which events it takes in which state. What each event does to
 * the context is in contextUpdates.ts; why a guarded event is refused, in guards.ts.
 */
import { assertEvent, assign, setup } from 'xstate';
import type { DecidableOutcome } from '../types';
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
export type CrewReturnTag = 'assessing' | 'deciding' | 'leftStation';

const outcomeTargets: Record<DecidableOutcome, string> = {
  'return-on-damaged-vehicle': '#crewReturn.returnOnDamagedVehicle',
  'return-reduced-crew': '#crewReturn.returnReducedCrew',
  'launch-replacement': '#crewReturn.replacementCampaign',
  'emergency-return': '#crewReturn.emergencyReturn',
  'continue-with-contingency': '#crewReturn.contingency',
};

const reports = ['inspection.finding', 'assessment.report'] as const;

export const crewReturnMachine = setup({
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
}).createMachine({
  id: 'crewReturn',
  context: ({ input }) => ({
    setup: input.setup,
    thresholds: input.thresholds,
    values: input.values ?? {},
    nowUtc: input.startUtc,
    anomalyDetected: false,
    stationUnsafe: false,
    seatByCrewId: Object.fromEntries(input.setup.crew.map((c) => [c.id, input.setup.damagedVehicle.id])),
    decision: null,
    polls: [],
    damagedVehicleDepartedUtc: null,
  }),
  initial: 'docked',
  on: {
    'thresholds.change': { guard: 'thresholdChangeValid', actions: ['stamp', 'changeThreshold'] },
  },
  states: {
    docked: {
      on: {
        'anomaly.detect': { target: 'anomaly', actions: ['stamp', 'detectAnomaly'] },
        'station.emergency': {
          target: 'emergencyReturn',
          actions: ['stamp', 'declareStationUnsafe', 'detectAnomaly', 'recordEmergencyDecision', 'withdrawPoll'],
        },
        'return.undock': { target: 'nominalReturn', actions: 'stamp' },
      },
    },
    anomaly: {
      initial: 'safing',
      on: {
        'station.emergency': {
          target: 'emergencyReturn',
          actions: ['stamp', 'declareStationUnsafe', 'detectAnomaly', 'recordEmergencyDecision', 'withdrawPoll'],
        },
      },
      states: {
        safing: {
          tags: 'assessing',
          on: { 'safing.complete': { target: 'inspection', actions: 'stamp' } },
        },
        inspection: {
          tags: 'assessing',
          on: {
            'inspection.finding': { actions: ['stamp', 'recordQuantity', 'recordSystemStatus'] },
            'inspection.complete': { target: 'assessment', actions: 'stamp' },
          },
        },
        assessment: {
          tags: 'assessing',
          on: {
            'assessment.report': { actions: ['stamp', 'recordQuantity', 'recordSystemStatus'] },
            'inspection.finding': { target: 'inspection', actions: ['stamp', 'recordQuantity', 'recordSystemStatus'] },
            'assessment.complete': { target: 'decision', actions: 'stamp' },
          },
        },
        decision: {
          tags: 'deciding',
          on: {
            'inspection.finding': {
              target: 'inspection',
              actions: ['stamp', 'recordQuantity', 'recordSystemStatus', 'withdrawPoll'],
            },
            'poll.open': { actions: ['stamp', 'openPoll'] },
            'poll.vote': { guard: 'voteCounts', actions: ['stamp', 'recordVote'] },
            'poll.disposition': { guard: 'dispositionValid', actions: ['stamp', 'recordDisposition'] },
            'decision.confirm': decidableTransitions('recommends'),
            'decision.override': decidableTransitions('overridesTo'),
          },
        },
      },
    },
    // The crew stays and keeps the vehicle while a rescue is prepared: a finding reopens the assessment,
    // a new decision (the rescue launched, or the return once cleared) leaves.
    contingency: {
      on: {
        'inspection.finding': {
          target: '#crewReturn.anomaly.inspection',
          actions: ['stamp', 'recordQuantity', 'recordSystemStatus'],
        },
        'assessment.report': { actions: ['stamp', 'recordQuantity', 'recordSystemStatus'] },
        'decision.confirm': decidableTransitions('recommends'),
        'decision.override': decidableTransitions('overridesTo'),
      },
    },
    returnOnDamagedVehicle: {
      initial: 'awaitingUndock',
      states: returnSequence('awaitingUndock'),
    },
    returnReducedCrew: {
      initial: 'relocatingSeats',
      states: {
        relocatingSeats: {
          on: {
            'seats.relocate': { guard: 'seatFree', actions: ['stamp', 'relocateSeat'] },
            'return.undock': { guard: 'reducedCrewAboard', target: 'undocked', actions: 'stamp' },
          },
        },
        ...returnSequence(null),
      },
    },
    replacementCampaign: {
      initial: 'interimPlan',
      on: {
        'station.emergency': {
          target: 'emergencyReturn',
          actions: ['stamp', 'declareStationUnsafe', 'recordEmergencyDecision', 'withdrawPoll'],
        },
        'damagedVehicle.returnUncrewed': { guard: 'damagedVehicleEmpty', actions: ['stamp', 'departDamagedVehicle'] },
      },
      states: {
        interimPlan: {
          on: {
            'seats.relocate': { guard: 'seatFree', actions: ['stamp', 'relocateSeat'] },
            // A crew swap: this crew leaves now in the vehicle whose own crew waits for the replacement.
            'return.undock': { guard: 'swapCrewAboard', target: 'undocked', actions: 'stamp' },
            'campaign.interimPlanInPlace': { guard: 'interimPlanInPlace', target: 'preparingReplacement', actions: 'stamp' },
          },
        },
        preparingReplacement: {
          on: {
            'commonCause.raise': { target: 'launchHeld', actions: ['stamp', 'raiseCommonCause'] },
            'replacement.launch': { guard: 'commonCauseCleared', target: 'replacementInFlight', actions: 'stamp' },
          },
        },
        launchHeld: {
          on: {
            'commonCause.raise': { actions: ['stamp', 'raiseCommonCause'] },
            'commonCause.clear': [
              { guard: 'lastCommonCauseCleared', target: 'preparingReplacement', actions: ['stamp', 'clearCommonCause'] },
              { actions: ['stamp', 'clearCommonCause'] },
            ],
          },
        },
        replacementInFlight: { on: { 'replacement.dock': { target: 'replacementDocked', actions: 'stamp' } } },
        replacementDocked: {
          on: { 'seats.transfer': { target: 'seatLinersMoved', actions: ['stamp', 'transferSeatsToReplacement'] } },
        },
        seatLinersMoved: {
          on: {
            'damagedVehicle.returnUncrewed': {
              guard: 'damagedVehicleStillDocked',
              target: 'awaitingUndock',
              actions: ['stamp', 'departDamagedVehicle'],
            },
            'return.undock': { guard: 'damagedVehicleDeparted', target: 'undocked', actions: 'stamp' },
          },
        },
        ...returnSequence('awaitingUndock'),
      },
    },
    emergencyReturn: {
      initial: 'awaitingUndock',
      states: {
        ...returnSequence('awaitingUndock'),
        awaitingUndock: {
          on: {
            'seats.relocate': { guard: 'seatFree', actions: ['stamp', 'relocateSeat'] },
            'return.undock': { target: 'undocked', actions: 'stamp' },
          },
        },
      },
    },
    nominalReturn: {
      initial: 'undocked',
      states: returnSequence(null),
    },
    crewHome: { type: 'final', tags: 'leftStation' },
  },
});

/** Undock → deorbit → landed, shared by every way home. `start` waits for the undock command. */
function returnSequence(start: 'awaitingUndock' | null) {
  return {
    ...(start ? { [start]: { on: { 'return.undock': { target: 'undocked', actions: 'stamp' as const } } } } : {}),
    undocked: { tags: 'leftStation' as const, on: { 'return.deorbit': { target: 'descending', actions: 'stamp' as const } } },
    descending: {
      tags: 'leftStation' as const,
      on: { 'return.land': { target: '#crewReturn.crewHome', actions: 'stamp' as const } },
    },
  };
}

function decidableTransitions(guard: 'recommends' | 'overridesTo') {
  const record = guard === 'recommends' ? 'recordConfirmation' : 'recordOverride';
  return (Object.entries(outcomeTargets) as [DecidableOutcome, string][]).map(([outcome, target]) => ({
    guard: { type: guard, params: { outcome } },
    target,
    actions: ['stamp', record, 'closePollDecided'] as const,
  }));
}
