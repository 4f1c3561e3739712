import type { AuditEntry } from '../../record/ledger';
import { describeEvent } from '../../reports/eventWords';

/** What the reviewer narrows the entries to: `all` ('') leaves a field open. */
export interface EntryFilters {
  eventType: string;
  actor: string;
  rule: string;
  /** Free text: every word must occur somewhere in the entry. */
  text: string;
}

export const all = '';
export const noFilters: EntryFilters = { eventType: all, actor: all, rule: all, text: '' };

export const actorLabel = (entry: AuditEntry) => `${entry.event.by.name} (${entry.event.by.role})`;

export function matchesFilters(entry: AuditEntry, filters: EntryFilters): boolean {
  return (
    (filters.eventType === all || entry.event.type === filters.eventType) &&
    (filters.actor === all || actorLabel(entry) === filters.actor) &&
    (filters.rule === all || entry.derived.evaluations.some((ev) => ev.rule === filters.rule)) &&
    matchesText(entry, filters.text)
  );
}

function matchesText(entry: AuditEntry, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchableText(entry);
  return words.every((word) => haystack.includes(word));
}

/** Entries never change once recorded, so each is flattened once. */
const textByEntry = new WeakMap<AuditEntry, string>();

/** Every text the entry holds (event, actor, payload, states, outcomes, rules, hashes) and its description as shown. */
function searchableText(entry: AuditEntry): string {
  let text = textByEntry.get(entry);
  if (text === undefined) {
    text = [describeEvent(entry.event), ...leaves(entry)].join('\n').toLowerCase();
    textByEntry.set(entry, text);
  }
  return text;
}

function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [String(value)];
}
