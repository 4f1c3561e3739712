/**
 * The crew-return decision statechart: which events it takes in which state. Its guards, actions and
 * tags are set up in crewReturnSetup.ts; why a guarded event is refused is in guards.ts.
 */
import type { DecidableOutcome } from '../types';
import { crewReturnSetup } from './crewReturnSetup';

const outcomeTargets: Record<DecidableOutcome, string> = {
  'return-on-damaged-vehicle': '#crewReturn.returnOnDamagedVehicle',
  'return-reduced-crew': '#crewReturn.returnReducedCrew',
  'launch-replacement': '#crewReturn.replacementCampaign',
  'emergency-return': '#crewReturn.emergencyReturn',
  'continue-with-contingency': '#crewReturn.contingency',
};

export const crewReturnMachine = crewReturnSetup.createMachine({
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
