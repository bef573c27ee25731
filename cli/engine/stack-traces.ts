/**
 * Pulumi's runtime reads a stack trace for every resource it registers: `Resource.callsites()` finds the line that
 * declared the resource (`sourcePosition`, the report's `source`). With source maps on (needed so the program's
 * errors and declaration lines name its .ts lines), Node maps every frame of every such trace, at a cost that
 * dominates a large program. While a program runs, this formatter maps the frames Pulumi reads of those traces
 * exactly as Node maps them (the line Pulumi parses), with one source-map look-up per file instead of one per
 * frame and no symbol-name recovery, which Pulumi ignores; every other stack goes to Node's own formatter,
 * unchanged. (The other per-promise trace, `debuggablePromise`'s, is not captured at all: promise-traces.ts.)
 */
import { findSourceMap, type SourceMap, type SourceMapping } from "node:module";
import { sep } from "node:path";
import { fileURLToPath } from "node:url";

import { VERIFIED_SDK, type SdkInternal } from "./sdk-internals";

type Format = (error: Error, trace: NodeJS.CallSite[]) => unknown;

/** The shape of `Resource.callsites()`'s traces (which frames Pulumi reads), formatted here. */
export const CALLSITE_TRACES: SdkInternal = {
  name: "Resource.callsites' stack traces",
  verified: VERIFIED_SDK,
  fallback: "Node formats every stack trace itself (slower on large programs)",
};

/**
 * Frames of a `callsites` trace worth formatting: Pulumi declares a resource at the sixth (`callsites`,
 * `stackTrace`, `new Resource`, `new CustomResource`, the resource's class, its caller: `Resource.stackTrace(4)`),
 * two more for longer class chains. The rest only feed the full trace Pulumi sends a real engine, which the offline
 * engine does not record, and cost most on the deep stacks of components.
 */
const DECLARATION_FRAMES = 8;

/** Where Pulumi captures the traces it only parses: the function, and the end of its file's path. */
const CALLSITES = { fn: "callsites", file: `${sep}@pulumi${sep}pulumi${sep}resource.js` };

const captures = (site: NodeJS.CallSite | undefined, at: typeof CALLSITES): boolean =>
  site?.getFunctionName() === at.fn && (site.getFileName() ?? "").endsWith(at.file);

const isMapping = (entry: SourceMapping | object): entry is SourceMapping =>
  "originalSource" in entry &&
  entry.originalSource !== undefined &&
  entry.originalLine !== undefined &&
  entry.originalColumn !== undefined;

/** `file:line:column` in the original source, or undefined when the map has no entry there. */
function mappedPosition(map: Pick<SourceMap, "findEntry">, line: number, column: number) {
  const entry = map.findEntry(line - 1, column - 1);
  if (!isMapping(entry)) return undefined;
  const source = entry.originalSource.startsWith("file://")
    ? fileURLToPath(entry.originalSource)
    : entry.originalSource;
  return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
}

/** The original position of a generated one, by file; the same few call sites recur in every trace. */
type PositionOf = (file: string, line: number, column: number) => string | undefined;

/** One `    at …` line, positioned as Node's source-mapping formatter positions it. */
function frameOf(site: NodeJS.CallSite, positionOf: PositionOf): string {
  try {
    const file = site.getFileName() ?? site.getEvalOrigin();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    const position =
      file === undefined || line === null || column === null
        ? undefined
        : positionOf(file, line, column);
    if (position !== undefined) {
      const prefix = site.isAsync() ? "async " : site.isConstructor() ? "new " : "";
      const type = site.getTypeName();
      const fn = site.getFunctionName() ?? site.getMethodName();
      const name = `${type !== null && type !== "global" ? `${type}.` : ""}${fn || "<anonymous>"}`;
      return `\n    at ${prefix}${name} (${position})`;
    }
  } catch {
    // As Node: a frame that cannot be mapped is printed as V8 prints it.
  }
  return `\n    at ${String(site)}`;
}

/** Node's own default `Error.prepareStackTrace` (Node ≥ 20.19 defines it), as opposed to a test runner's. */
export function isNodeFormatter(format: unknown): format is Format {
  return typeof format === "function" && format.name === "ErrorPrepareStackTrace";
}

/** The source-map look-up the formatter uses: Node's cache of the maps of the modules it compiled. */
export type FindSourceMap = (file: string) => Pick<SourceMap, "findEntry"> | undefined;

/**
 * The formatter to install while a program runs, given the one installed before: Pulumi's callsites traces are
 * formatted here, every other stack by `node`. Source maps are looked up once per file and run.
 * @param findMap - @default node:module's `findSourceMap`
 */
export function programStackFormatter(
  node: Format,
  findMap: FindSourceMap = findSourceMap,
): Format {
  interface Mapped {
    readonly map: Pick<SourceMap, "findEntry">;
    /** `line * 2^20 + column` → original position: the same call sites recur in every trace. */
    readonly positions: Map<number, string | undefined>;
  }
  const files = new Map<string, Mapped | null>();
  const positionOf: PositionOf = (file, line, column) => {
    let mapped = files.get(file);
    if (mapped === undefined) {
      const map = findMap(file);
      mapped = map === undefined ? null : { map, positions: new Map() };
      files.set(file, mapped);
    }
    if (mapped === null) return undefined;
    const key = line * 0x100000 + column;
    if (!mapped.positions.has(key))
      mapped.positions.set(key, mappedPosition(mapped.map, line, column));
    return mapped.positions.get(key);
  };
  return (error, trace) => {
    if (captures(trace[0], CALLSITES)) {
      let text = Error.prototype.toString.call(error);
      for (const site of trace.slice(0, DECLARATION_FRAMES)) text += frameOf(site, positionOf);
      return text;
    }
    return node(error, trace);
  };
}
