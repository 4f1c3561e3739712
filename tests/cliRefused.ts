import { expect } from 'vitest';

/** Refused as invalid input: exit 2, nothing on standard output, no stack trace, and each line said. */
export function expectInvalid(result: { code: number | null; stdout: string; stderr: string }, ...lines: RegExp[]) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  for (const line of lines) expect(result.stderr).toMatch(line);
}
