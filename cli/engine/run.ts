/**
 * Runs a Pulumi program under Pulumi's mock runtime as the Node.js language host does: inside
 * `runtime.runInPulumiStack` (so `pulumi:pulumi:Stack` is the root parent), then waits until every registration
 * RPC has drained. Uncaught errors and unhandled rejections of the program are collected, not fatal to the CLI;
 * the program's console output goes to stderr, so stdout carries only the report.
 */
import * as path from "node:path";
import { format } from "node:util";
import type * as PulumiModule from "@pulumi/pulumi";
import type { ProgramConfig } from "./config";
import { countDeclarations } from "./completeness";
import { deferPulumiStartup } from "./deferred-modules";
import { prepareProgram, requireFrom } from "./loader";
import { withoutPromiseTraces } from "./promise-traces";
import { startRecording, type MockAnswers, type Recording } from "./recorder";
import { guardRequiredConfig, type MissingKey } from "./required-config";
import { InternalsInUse } from "./sdk-internals";
import { CALLSITE_TRACES, isNodeFormatter, programStackFormatter } from "./stack-traces";
import { waitForRegistrations } from "./wait-for-rpcs";

type Pulumi = typeof PulumiModule;

export interface RunOptions {
  /** Absolute project directory (the program's working directory while it runs). */
  readonly dir: string;
  /** Absolute path of the entry file. */
  readonly entry: string;
  readonly project: string;
  /** Short stack name. */
  readonly stack: string;
  readonly config: ProgramConfig;
  readonly answers: MockAnswers;
  /** Where the program's console output goes. */
  readonly log: (line: string) => void;
}

export interface RunResult {
  readonly recording: Recording;
  /** Errors the program threw or left unhandled, first one first, each once. */
  readonly errors: readonly unknown[];
  readonly missing: readonly MissingKey[];
  /** Messages the program logged with `pulumi.log.error` (a real run fails on them). */
  readonly loggedErrors: readonly string[];
  /** Resources the program declared (not reads), or undefined when they could not be counted. */
  readonly declared: number | undefined;
  /** The program's @pulumi/pulumi version, and the SDK internals the run replaced by public behaviour. */
  readonly sdk: { readonly version: string; readonly notes: readonly string[] };
}

const CONSOLE_METHODS = ["log", "info", "debug", "warn", "error", "trace"] as const;
type ConsoleMethod = (typeof CONSOLE_METHODS)[number];
const PROCESS_EVENTS = ["uncaughtException", "unhandledRejection"] as const;

/** Redirects console output and takes over uncaught errors for the duration of the run. */
function captureProcess(
  log: (line: string) => void,
  loggedErrors: string[],
  onError: (e: unknown) => void,
  internals: InternalsInUse,
) {
  const saved = Object.fromEntries(CONSOLE_METHODS.map((m) => [m, console[m]])) as Record<
    ConsoleMethod,
    unknown
  >;
  for (const m of CONSOLE_METHODS) {
    console[m] = (...args: unknown[]) => {
      const line = format(...args);
      if (line.startsWith("error: [runtime] "))
        loggedErrors.push(line.slice("error: [runtime] ".length));
      log(line);
    };
  }
  // A host runs foreign code: the program's unhandled errors are its result, not ours (nor a test runner's).
  const listeners = PROCESS_EVENTS.map((event) => [event, process.rawListeners(event)] as const);
  for (const event of PROCESS_EVENTS) {
    process.removeAllListeners(event);
    process.on(event, onError);
  }
  // Node maps stack frames to the .ts source only while no custom formatter (a test runner's) is installed. Under
  // Node's own, Pulumi's per-resource traces are formatted cheaply (stack-traces.ts) and every other one by Node.
  const prepareStackTrace = Error.prepareStackTrace;
  if (isNodeFormatter(prepareStackTrace)) {
    if (internals.use(CALLSITE_TRACES))
      Error.prepareStackTrace = programStackFormatter(prepareStackTrace);
  } else delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  return (errors: readonly unknown[]) => {
    // Stacks are formatted on first read: read them while Node's source-mapping formatter is in place.
    for (const e of errors) if (e instanceof Error) void e.stack;
    if (prepareStackTrace) Error.prepareStackTrace = prepareStackTrace;
    for (const m of CONSOLE_METHODS) console[m] = saved[m] as never;
    for (const [event, fns] of listeners) {
      process.removeAllListeners(event);
      for (const fn of fns) process.on(event, fn as (...args: unknown[]) => void);
    }
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Node reports unhandled rejections after the microtask queue empties: give them two turns. */
async function surfaceRejections(): Promise<void> {
  await nextTurn();
  await nextTurn();
}

/** Errors once each: Pulumi re-rejects the same error through several promises. */
function dedupe(errors: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = e instanceof Error ? `${e.name}:${e.message}` : String(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Runs the program once under mocks and returns what it registered and how it failed, if it did. */
export async function runProgram(opts: RunOptions): Promise<RunResult> {
  prepareProgram(opts.dir);
  const load = requireFrom(opts.entry);
  const manifest = load.resolve("@pulumi/pulumi/package.json");
  const internals = new InternalsInUse((load(manifest) as { version: string }).version);
  deferPulumiStartup(path.dirname(manifest), internals);
  const pulumi = load("@pulumi/pulumi") as Pulumi;
  const recording = startRecording(pulumi, opts.answers, {
    project: opts.project,
    stack: opts.stack,
    preview: true,
    internals,
  });
  let declared: () => number | undefined = () => undefined;
  pulumi.runtime.setAllConfig({ ...opts.config.values }, [...opts.config.secretKeys]);
  const guard = guardRequiredConfig(pulumi, opts.config);
  const errors: unknown[] = [];
  const loggedErrors: string[] = [];
  const release = captureProcess(opts.log, loggedErrors, (e) => errors.push(e), internals);
  const restorePromises = withoutPromiseTraces(load, internals);
  const cwd = process.cwd();
  process.chdir(opts.dir);
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      declared = countDeclarations(pulumi);
      const exported = load(opts.entry) as unknown;
      // As the language host: a program exporting a function is that function's result.
      return typeof exported === "function" ? await (exported as () => unknown)() : exported;
    });
  } catch (e) {
    errors.unshift(e);
  }
  try {
    const recorded = () => recording.resources.length - 1; // the root stack is not the program's
    await waitForRegistrations(pulumi, internals, { recorded, declared: () => declared() });
    await surfaceRejections();
  } finally {
    process.chdir(cwd);
    restorePromises();
    release(errors);
    guard.restore();
    // The runtime's exit-time leak report would blame a failed program's pending promises on us.
    (
      globalThis as { globalStore?: { leakCandidates?: Set<unknown> } }
    ).globalStore?.leakCandidates?.clear();
  }
  return {
    recording,
    errors: dedupe(errors),
    missing: guard.missing,
    loggedErrors,
    declared: declared(),
    sdk: { version: internals.sdkVersion, notes: internals.notes() },
  };
}
