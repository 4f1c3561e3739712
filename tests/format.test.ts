import { describe, expect, it } from 'vitest';
import { parsePartialProfile } from '../src/files/profileFile';
import {
  countText,
  filedProblemWords,
  problemLine,
  problemWords,
  utcDate,
  utcDay,
  utcMinute,
  utcMonthDayMinute,
  utcSecond,
  utcTimeOfDay,
} from '../src/reports/format';

describe('one formatting module: the app and the CLI write a problem, a date and a count alike', () => {
  const problems = (text: string) => {
    const parsed = parsePartialProfile('profile.json', text);
    if (parsed.ok) throw new Error('expected the profile to be refused');
    return parsed.problems;
  };

  it('a wrong value: the app says what was expected, the CLI prints it as an error line', () => {
    const [problem] = problems('{"thresholds": []}');
    expect(problem && filedProblemWords(problem)).toBe('profile.json: thresholds: expected an object of threshold key → number');
    expect(problem && problemLine(problem)).toBe('error: profile.json: thresholds: an object of threshold key → number');
  });

  it('a problem with the whole file is at (root), in the app as in the CLI', () => {
    const [problem] = problems('[1, 2]');
    expect(problem && problemWords(problem)).toBe('(root): expected an object with "thresholds"');
    expect(problem && problemLine(problem)).toBe('error: profile.json: (root): an object with "thresholds"');
  });

  it('an unknown field is named as such, not as a value "expected unknown field"', () => {
    const [problem] = problems('{"thresholds": {}, "colour": "red"}');
    expect(problem && problemWords(problem)).toBe(
      'colour: unknown field; expected one of id, version, thresholds, pollPositions',
    );
  });

  it('times are UTC as recorded, cut at the precision each place shows', () => {
    const iso = '2022-12-15T00:45:07.250Z';
    expect([utcSecond(iso), utcMinute(iso), utcMonthDayMinute(iso), utcTimeOfDay(iso), utcDate(iso), utcDay(iso)]).toEqual([
      '2022-12-15 00:45:07',
      '2022-12-15 00:45',
      '12-15 00:45',
      '00:45:07',
      '2022-12-15',
      '15 Dec 2022',
    ]);
    // A time just before midnight UTC stays on its UTC day wherever the reader is.
    expect(utcDay('2023-01-11T23:59:59Z')).toBe('11 Jan 2023');
  });

  it('counts group their thousands', () => {
    expect([countText(7), countText(20_000), countText(1_234_567)]).toEqual(['7', '20,000', '1,234,567']);
  });
});
