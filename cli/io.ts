/**
 * Where the CLI writes. `main(argv, io)` takes one, so tests run the CLI in-process and read what it printed;
 * the launcher passes the process's streams.
 */
import type { PackSource } from "./engine/packs";

/** What tests may replace. */
export interface MainOptions {
  /** Policy packs to run instead of policies/packs.ts. @default - the toolkit's packs */
  readonly packSource?: PackSource;
}

export interface CliIO {
  /** The report (and nothing else, with --format json). */
  stdout(text: string): void;
  /** Errors, progress and the program's console output. */
  stderr(text: string): void;
  /** stderr is a terminal and CI is not set: progress is drawn. */
  readonly interactive: boolean;
}

/** The process's streams; interactive only on a TTY outside CI. */
export function processIO(): CliIO {
  const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true && !ci,
  };
}
