/**
 * A schema's complaints about a scenario in plain words: what was expected (the field's own description
 * where it has one), what was found, and for a misspelt name the closest valid ones.
 */

import { closestNames } from '../machines/closestNames';
import { crewReturnEventTypes } from '../machines/statechart/events';
import type { z } from '../machines/zod';

const longestFoundText = 40;
/** Control and format characters (the bidirectional overrides among them) and line separators. */
const unshowable = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** What a value found in a file is, in a few words: text quoted, cut short, every control character spelled out. */
export function foundWords(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value === '') return 'an empty text';
    const chars = Array.from(value);
    const shown = chars.length > longestFoundText ? `${chars.slice(0, longestFoundText - 1).join('')}…` : value;
    return JSON.stringify(shown).replace(unshowable, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** ` (closest: a, b)` for a misspelt name; ` (one of: …)` when none is close and the names are few; else nothing. */
export function closestWords(found: string, names: readonly string[]): string {
  const closest = closestNames(found, names);
  if (closest.length) return ` (closest: ${closest.join(', ')})`;
  return names.length <= 8 ? ` (one of: ${names.join(', ')})` : '';
}

const typeWords: Readonly<Record<string, string>> = {
  array: 'a list',
  object: 'an object (fields in braces)',
  record: 'an object (fields in braces)',
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** Passed to the parse: what was expected, in words, where the schema gives none of its own. */
export const scenarioIssueWords: z.core.$ZodErrorMap = (issue) => {
  const description = (issue.inst as { description?: string } | undefined)?.description;
  switch (issue.code) {
    case 'invalid_type':
      return description ?? typeWords[issue.expected] ?? issue.expected;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'a text, not empty';
      return sizeWords(issue.origin, description, `${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`);
    case 'too_big':
      return sizeWords(issue.origin, description, `${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`);
    case 'invalid_value':
      return issue.values.length === 1
        ? `${JSON.stringify(issue.values[0])}`
        : issue.values.length <= 8
          ? `one of ${issue.values.join(', ')}`
          : (description ?? 'a known value (schema.json lists them)');
    default:
      return undefined;
  }
};

/** `a list of at most 7 items (the crew, …)`, `a text of at least 3 characters`, `a number at most 7`. */
function sizeWords(origin: string, description: string | undefined, bound: string): string {
  const what = description ? ` (${description})` : '';
  if (origin === 'string') return `a text of ${bound} character${bound.endsWith(' 1') ? '' : 's'}${what}`;
  if (origin === 'array') return `a list of ${bound} item${bound.endsWith(' 1') ? '' : 's'}${what}`;
  return `a number ${bound}${what}`;
}

type ReportedIssue = z.core.$ZodIssue & { input?: unknown };

/** An issue's message with what was found: `missing; expected …` for an absent field, else `…, got …` and the closest names. */
export function plainIssueMessage(issue: ReportedIssue): string {
  const { message } = issue;
  if (issue.code === 'invalid_union' && issue.discriminator === 'type') {
    if (typeof issue.input !== 'object' || issue.input === null || Array.isArray(issue.input))
      return `an event: an object with its type, at, by, description and sources, got ${foundWords(issue.input)}`;
    const found = (issue.input as { type?: unknown }).type;
    if (found === undefined) return 'missing; expected an event type such as inspection.finding (schema.json lists them)';
    const closest = typeof found === 'string' ? closestWords(found, crewReturnEventTypes) : '';
    return `a known event type, got ${foundWords(found)}${closest || ' (schema.json lists them)'}`;
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined)
    return `missing; expected ${message}`;
  if (message.includes(', got ')) return message;
  switch (issue.code) {
    case 'invalid_type':
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
      return `${message}, got ${foundWords(issue.input)}`;
    case 'invalid_value': {
      const names = issue.values.filter((v): v is string => typeof v === 'string');
      const closest = typeof issue.input === 'string' && names.length > 8 ? closestWords(issue.input, names) : '';
      return `${message}, got ${foundWords(issue.input)}${closest}`;
    }
    case 'custom': {
      // A refinement over a vocabulary carries its names: offer the closest ones to what was found.
      const names = (issue.params as { names?: readonly string[] } | undefined)?.names;
      if (!names || typeof issue.input !== 'string') return message;
      const closest = closestNames(issue.input, names);
      return `${message.replace(/ \(schema\.json lists them\)$/, '')}, got ${foundWords(issue.input)}${closest.length ? ` (closest: ${closest.join(', ')})` : ' (schema.json lists them)'}`;
    }
    default:
      return message;
  }
}
