import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Parses `argv` strictly; on an unknown or malformed option prints the problem and the usage, and gives null. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${usage}`);
    return null;
  }
}
