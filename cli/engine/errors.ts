/**
 * The one error the engine stops on: the command line, the config or the program is wrong. The CLI prints its
 * message (what was wrong, the value, the fix) and exits 2; `detail` (a stack trace) is shown only with --debug.
 */

/** Exit codes of every `sovereign` command. */
export const ExitCode = {
  /** No mandatory violation. */
  ok: 0,
  /** At least one mandatory violation. */
  violations: 1,
  /** The command line, the config or the program is wrong. */
  invalid: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CheckError extends Error {
  override readonly name = "CheckError";
  constructor(
    message: string,
    /** Extra text for --debug (stack traces). @default - none */
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** True for a CheckError from any copy of this module (tests load the engine twice: vitest and tsx). */
export function isCheckError(e: unknown): e is CheckError {
  return e instanceof Error && e.name === "CheckError";
}
