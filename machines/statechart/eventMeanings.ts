/** What each event type says happened: the JSON Schema's description of each `type`, so an editor shows it as it completes. */
export const eventMeanings = {
  'anomaly.detect': 'an anomaly is detected on the damaged vehicle: the case begins',
  'safing.complete': 'the vehicle is made safe after the anomaly',
  'station.emergency': 'the station itself is unsafe (fire, depressurisation, debris): the crew must leave now',
  'inspection.finding':
    'an inspection finds something: a quantity with its value (quantity, value, crewCount or thrusterGroup) and/or a system status (module, system, status)',
  'inspection.complete': 'the inspection is over: the engineering assessment begins',
  'assessment.report':
    'an engineering report: a quantity with its value and/or a system status, as a finding has, from analysis rather than inspection',
  'assessment.complete': 'the assessment is over: the decision is due',
  'decision.confirm': 'the decision authority confirms the recommendation in force (rationale optional)',
  'decision.override': 'the decision authority chooses another outcome, with a rationale',
  'thresholds.change': 'an acceptance threshold is changed (key, value): the recommendation is recomputed',
  'seats.relocate': 'a crew member moves to another docked vehicle (crewId, vehicleId)',
  'campaign.interimPlanInPlace': 'the interim plan (lifeboat and seats while a replacement comes) is in place',
  'commonCause.raise': 'a common-cause question is raised (a sister ship shows the same fault): the replacement launch is held',
  'commonCause.clear': 'the common-cause question is cleared: the replacement launch may go ahead',
  'replacement.launch': 'the replacement vehicle launches',
  'replacement.dock': 'the replacement vehicle docks',
  'seats.transfer': "the crew's seat liners move to the replacement",
  'damagedVehicle.returnUncrewed': 'the damaged vehicle returns without crew',
  'return.undock': 'the crew vehicle undocks for return',
  'return.deorbit': 'the deorbit burn',
  'return.land': 'landing: the crew is home',
  'poll.open': 'the decision authority polls positions GO/NO-GO on one outcome before deciding',
  'poll.vote': "one position's vote in the open poll (GO, NO-GO or abstain, with any dissent)",
  'poll.disposition': "the decision authority's disposition of a poll's formal dissent: escalated or risk accepted",
  'odds.attach': 'a Monte Carlo result attached to the record (seed, samples, ranges, shares)',
  'session.note': 'a free-text note for the record',
  'operator.handover': 'one operator hands the console to the next',
} as const;

export type DescribedEventType = keyof typeof eventMeanings;
