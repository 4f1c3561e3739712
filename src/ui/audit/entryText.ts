import { createElement, type ReactNode } from 'react';
import type { AuditEntry } from '../../record/ledger';
import type { RecordedEvaluation } from '../../session/fold';

/** The event's own fields beyond its type, time and actor (which the details pane shows on their own lines). */
export function payloadFields(entry: AuditEntry): [string, string][] {
  const { type: _type, at: _at, by: _by, ...payload } = entry.event;
  return Object.entries(payload).map(([field, value]) => [field, fieldText(value)]);
}

function fieldText(value: unknown): string {
  if (Array.isArray(value)) return value.map(fieldText).join(', ');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${fieldText(v)}`)
      .join(', ');
  }
  return String(value);
}

/** Whom an evaluation was made for: a crew option, a vehicle, a descent mode. */
export function evaluationSubject(e: RecordedEvaluation): string {
  return [e.crew === undefined ? '' : `${e.crew} crew`, e.vehicle ?? '', e.mode ?? ''].filter(Boolean).join(', ');
}

/** The thresholds in force that differ from the session's base profile, as `key: base → now`. */
export function thresholdChanges(base: Readonly<Record<string, number>>, inForce: Readonly<Record<string, number>>): string[] {
  return Object.entries(inForce)
    .filter(([key, value]) => base[key] !== value)
    .map(([key, value]) => `${key}: ${base[key] ?? '—'} → ${value}`);
}

/** `thermal.peak-cabin-temp` with a line-break opportunity after each dot, so a narrow pane wraps it between words. */
export function breakableId(id: string): ReactNode[] {
  return id.split('.').flatMap((part, i) => (i === 0 ? [part] : [createElement('wbr', { key: i }), `.${part}`]));
}
