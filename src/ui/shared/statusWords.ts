import type { RuleStatus } from '../../session/model';

/** A result in a mark and a word, so it never rests on colour. */
export const statusWords: Record<RuleStatus, { mark: string; text: string }> = {
  pass: { mark: '✔', text: '✔ PASS' },
  fail: { mark: '✘', text: '✘ FAIL' },
  unknown: { mark: '?', text: '? UNKNOWN' },
};
