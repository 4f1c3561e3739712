/** What a caught throw tells, read without assuming what was thrown. */

/** The code a failed file call gives (`ENOENT`, `EEXIST`, …); undefined for any other throw. */
export const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** Its message, or the thrown value itself as text when it is no Error. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
