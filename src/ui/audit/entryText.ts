import { createElement, type ReactNode } from 'react';
import type { AuditEntry } from '../../record/ledger';
import { evaluationSubject } from '../../session/decisionRecord';
import type { RecordedEvaluation } from '../../session/derivedRecord';
import type { MissionSetup, ThresholdValues } from '../../session/model';
import { changedFrom } from '../../session/profile';

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

/** Whom a recorded evaluation was made for, in the words the rule tables and the record use. */
export function recordedSubject(e: RecordedEvaluation, setup: MissionSetup): string {
  return evaluationSubject({ crewCount: e.crew, vehicleId: e.vehicle, descentModeId: e.mode }, setup);
}

/** The thresholds in force that differ from the session's base profile, as `key: base → now`. */
export function thresholdChanges(base: ThresholdValues, inForce: ThresholdValues): string[] {
  return changedFrom(base, inForce).map(([key, value]) => `${key}: ${base[key] ?? '—'} → ${value}`);
}

/** `thermal.peak-cabin-temp` with a line-break opportunity after each dot, so a narrow pane wraps it between words. */
export function breakableId(id: string): ReactNode[] {
  return id.split('.').flatMap((part, i) => (i === 0 ? [part] : [createElement('wbr', { key: i }), `.${part}`]));
}
