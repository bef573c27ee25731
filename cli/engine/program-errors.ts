/**
 * A program's failure as one readable message: what went wrong and where in the program (file:line), never a
 * stack trace unless --debug. Each kind of failure is one entry of a table, tried in order.
 */
import * as path from "node:path";
import { CheckError } from "./errors";

interface Context {
  /** Project directory: file names are shown relative to it. */
  readonly dir: string;
}

type Describe = (e: Error & Record<string, unknown>, ctx: Context) => string | undefined;

const relative = (ctx: Context, file: string) => {
  const rel = path.relative(ctx.dir, file);
  return rel.startsWith("..") ? file : rel;
};

const FRAME = /\(?((?:\/|[A-Za-z]:\\)[^():]+):(\d+):(\d+)\)?$/;

/** The first stack frame inside the program (not in node_modules, not the engine): `index.ts:12`. */
export function programLocation(stack: string | undefined, ctx: Context): string | undefined {
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const m = FRAME.exec(line.trim());
    if (!m) continue;
    const [, file = "", row = ""] = m;
    if (
      file.startsWith(ctx.dir + path.sep) &&
      !file.includes(`${path.sep}node_modules${path.sep}`)
    ) {
      return `${relative(ctx, file)}:${row}`;
    }
  }
  return undefined;
}

/** Failure kinds, most specific first. */
const DESCRIBERS: readonly Describe[] = [
  // config/errors.ts: already names the stack file, the key, the value and the fix.
  (e) => (e.name === "ConfigError" ? e.message : undefined),
  // tsx/esbuild ("Transform failed with 1 error:\n/abs/index.ts:3:7: ERROR: Expected identifier but found ','") and
  // ts-node-compile.ts in the same form
  (e, ctx) => {
    if (e.name !== "TransformError") return undefined;
    const m = /^(.+?):(\d+):(\d+): ERROR: (.*)$/m.exec(e.message);
    if (!m) return `the program does not compile: ${e.message}`;
    const [, file = "", row, col, what] = m;
    return `the program does not compile: ${relative(ctx, file)}:${row}:${col}: ${what}`;
  },
  (e, ctx) => {
    if (e.code !== "MODULE_NOT_FOUND") return undefined;
    const request = /Cannot find module '([^']+)'/.exec(e.message)?.[1] ?? "?";
    const from = Array.isArray(e.requireStack)
      ? (e.requireStack[0] as string | undefined)
      : undefined;
    const where = from ? ` imported from ${relative(ctx, from)}` : "";
    const fix = request.startsWith(".")
      ? "fix the import path"
      : `install it in the program directory (npm install ${request}) or fix the import`;
    return `cannot find module '${request}'${where}: ${fix}`;
  },
  // Pulumi's RunError (config type errors and the like) carries its own complete message.
  (e) => (e.__pulumiRunError === true ? e.message : undefined),
  (e, ctx) => {
    if (e.__pulumResourceError !== true) return undefined;
    const at = programLocation(e.stack, ctx);
    return `the program failed: ${e.message}${at ? ` (at ${at})` : ""}`;
  },
  (e, ctx) => {
    const at = programLocation(e.stack, ctx);
    return `the program failed: ${e.name}: ${e.message}${at ? ` (at ${at})` : ""}`;
  },
];

/** The CheckError (exit 2) for the program's first error. */
export function describeProgramError(error: unknown, ctx: Context): CheckError {
  if (!(error instanceof Error))
    return new CheckError(`the program threw a non-error value: ${String(error)}`);
  const e = error as Error & Record<string, unknown>;
  for (const describe of DESCRIBERS) {
    const message = describe(e, ctx);
    if (message !== undefined) return new CheckError(message, e.stack);
  }
  return new CheckError(e.message, e.stack);
}
