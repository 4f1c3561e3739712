import { escapeControlsKeepingLines } from '../reports/controlCharacters';

/** Where a command writes: its result to `out`, problems and notices to `err`; each call writes the text as given. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** What reaches a terminal has no control character but line breaks, whatever the input held. */
export function terminalIo(sink: CliIo): CliIo {
  return {
    out: (text) => sink.out(escapeControlsKeepingLines(text)),
    err: (text) => sink.err(escapeControlsKeepingLines(text)),
  };
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
