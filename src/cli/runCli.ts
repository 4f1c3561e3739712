import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CliIo, processIo, terminalIo } from './cliIo';
import { oneLine } from './problemLines';

export type Command = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Runs a command and gives its exit code; an unexpected failure prints one line, never a stack
 * trace, and gives `internalFailureCode`. Everything the command writes passes `terminalIo`.
 */
export async function runCommand(command: Command, internalFailureCode: number, argv: string[], sink: CliIo): Promise<number> {
  const io = terminalIo(sink);
  try {
    return await command(argv, io);
  } catch (error) {
    io.err(`${oneLine(`error: internal failure: ${error instanceof Error ? error.message : String(error)}`)}\n`);
    return internalFailureCode;
  }
}

/** Runs a command as the program, on its arguments and standard streams, and exits with its code. */
export function runCli(command: Command, internalFailureCode: number): void {
  runCommand(command, internalFailureCode, process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}

/** Whether the module at `moduleUrl` is the program Node was started with (not imported by a test). */
export function isProgram(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
