/**
 * What a finding says of a system: its status. A rule reads a status as a severity against the tier's
 * limit, so statuses go through the one evaluator, with margins and flip points, like any quantity.
 */

export const systemStatuses = ['nominal', 'suspect', 'degraded', 'failed', 'uncleared'] as const;
export type SystemStatus = (typeof systemStatuses)[number];

/** Worse is higher. `uncleared` has a severity for the record, but a rule reads it as unknown: it never passes. */
export const statusSeverity: Readonly<Record<SystemStatus, number>> = {
  nominal: 0,
  suspect: 1,
  degraded: 2,
  failed: 3,
  uncleared: 4,
};

export const unclearedSeverity = statusSeverity.uncleared;

export function statusOfSeverity(severity: number): SystemStatus | undefined {
  return systemStatuses.find((s) => statusSeverity[s] === severity);
}

/** The assessed-value key of a system's status: `status.<module>.<system>`. */
export const statusKey = (moduleId: string, systemId: string) => `status.${moduleId}.${systemId}`;

export function parseStatusKey(key: string): { moduleId: string; systemId: string } | undefined {
  const match = /^status\.([^.]+)\.([^.]+)$/.exec(key);
  return match ? { moduleId: match[1] as string, systemId: match[2] as string } : undefined;
}
