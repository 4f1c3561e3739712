/**
 * The version of the decision logic (statechart, flight rules, policy) that audit entries record.
 * Bump it whenever the same events could derive a different record: an entry is replayed only by
 * the logic that wrote it. 1: first release. 2: policy rows list every crew option they tried.
 * 3: vehicle catalogue; vehicle-relative rules, seat rules and descent modes. 4: operator handover is an event.
 * 5: GO/NO-GO polls; a decision waits for an open poll's answers and names it.
 * 6: a descent-thermal estimate where no report exists.
 * 7: vehicle classes as data; system findings and status rules; lifeboat allowance; emergency-only
 *    places; the contingency row; crew swaps and a period without a lifeboat accepted on record.
 * 8: a formal dissent holds the decision until its disposition is recorded; no override to the
 *    recommended outcome; fixed readings shared by threshold sets that agree on what they read.
 */
export const decisionLogicVersion = 8;
