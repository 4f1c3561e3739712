import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliIo } from './cliIo';
import { oneLine } from './problemLines';
import { errorMessage } from './thrown';

/** Parses `argv` strictly; on an unknown or malformed option prints the problem and the usage, and gives null. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  usage: string,
  io: CliIo,
) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    io.err(`${oneLine(`error: ${errorMessage(error)}`)}\n${usage}\n`);
    return null;
  }
}
