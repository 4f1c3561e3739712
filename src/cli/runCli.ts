/**
 * Runs a CLI entry point and exits with its code; an unexpected failure prints one line, never a
 * stack trace, and exits with `internalFailureCode`.
 */
export function runCli(main: (argv: string[]) => Promise<number>, internalFailureCode: number): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`error: internal failure: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = internalFailureCode;
    },
  );
}
