import { escapeControls } from '../reports/controlCharacters';
import { problemLine } from '../reports/format';
import type { InputProblem } from '../session/inputProblem';
import type { CliIo } from './cliIo';

export const maxProblemLines = 50;
export const maxLineLength = 300;

/** One line whatever the text holds, at most `maxLineLength` characters (code points, so no pair is split). */
export function oneLine(text: string): string {
  const chars = Array.from(escapeControls(text));
  return chars.length > maxLineLength ? `${chars.slice(0, maxLineLength - 1).join('')}…` : chars.join('');
}

/** One line per problem, the first `maxProblemLines` of them, then how many more there are. */
export function printProblems(io: CliIo, problems: readonly InputProblem[]): void {
  for (const problem of problems.slice(0, maxProblemLines)) io.err(`${oneLine(problemLine(problem))}\n`);
  const more = problems.length - maxProblemLines;
  if (more > 0) io.err(`… and ${more} more problem${more === 1 ? '' : 's'}\n`);
}
