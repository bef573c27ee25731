/**
 * Loading a user's program: TypeScript transpiled, never type-checked (ts-node-compile.ts), module resolution that
 * falls back to this toolkit's node_modules for a program without its own (a lone index.ts + Pulumi.yaml can
 * import @pulumi/pulumi or @pulumi/kubernetes), and a fresh module graph for each run of the same program.
 */
import { existsSync, statSync } from "node:fs";
import Module, { createRequire } from "node:module";
import * as path from "node:path";
import { CheckError } from "./errors";
import { compileLikeTsNode } from "./ts-node-compile";

/** The toolkit's root (the folder with its package.json and node_modules). */
export const TOOLKIT_ROOT = path.resolve(__dirname, "..", "..");

type Resolve = (
  request: string,
  parent: NodeModule | undefined,
  isMain: boolean,
  options?: unknown,
) => string;
interface ModuleInternals {
  _resolveFilename: Resolve;
  _nodeModulePaths(dir: string): string[];
}
const internals = Module as unknown as ModuleInternals;

/**
 * Loader state lives on the process, not in this module: when the program is this toolkit's own (`npm run plan`
 * runs `stacks/`), forgetting the program's modules may also drop this one, and a reloaded copy must still know
 * which programs ran and that the resolution fallback is installed.
 */
interface LoaderState {
  readonly programRoots: Set<string>;
  readonly loadedRoots: Set<string>;
  fallbackInstalled: boolean;
}
const STATE = Symbol.for("sovereign.loader-state");
const state: LoaderState = ((globalThis as typeof globalThis & { [STATE]?: LoaderState })[STATE] ??=
  {
    programRoots: new Set(),
    loadedRoots: new Set(),
    fallbackInstalled: false,
  });
const { programRoots, loadedRoots } = state;

/** Set by whoever registered tsx's hook in this process (cli/bin.js, or ensureTypeScript). */
const TSX_REGISTERED = Symbol.for("sovereign.tsx-registered");
type Marked = typeof globalThis & { [TSX_REGISTERED]?: boolean };

/**
 * Registers tsx's CommonJS hook once per process. Another `.ts` hook (a test runner's) is replaced: programs
 * must compile with source maps, so their errors name the .ts line.
 */
export function ensureTypeScript(): void {
  const marked = globalThis as Marked;
  if (marked[TSX_REGISTERED]) return;
  // Source maps must be on before any program module compiles.
  process.setSourceMapsEnabled(true);
  const tsx = createRequire(path.join(TOOLKIT_ROOT, "package.json"))("tsx/cjs/api") as {
    register(): unknown;
  };
  tsx.register();
  marked[TSX_REGISTERED] = true;
}

const sep = path.sep;
const isBare = (request: string) => !request.startsWith(".") && !path.isAbsolute(request);
const insideProgram = (file: string | undefined) =>
  file !== undefined &&
  !file.includes(`${sep}node_modules${sep}`) &&
  [...programRoots].some((root) => file.startsWith(root + sep));

function installFallback(): void {
  if (state.fallbackInstalled) return;
  state.fallbackInstalled = true;
  const original = internals._resolveFilename;
  const toolkitParent = {
    id: path.join(TOOLKIT_ROOT, "package.json"),
    filename: path.join(TOOLKIT_ROOT, "package.json"),
    paths: internals._nodeModulePaths(TOOLKIT_ROOT),
  } as unknown as NodeModule;
  internals._resolveFilename = function (this: unknown, request, parent, isMain, options) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== "MODULE_NOT_FOUND" || !isBare(request) || !insideProgram(parent?.filename))
        throw e;
      try {
        return original.call(this, request, toolkitParent, isMain, options);
      } catch {
        throw e;
      }
    }
  };
}

/** The engine's own sources: never part of a program's module graph, even when the program is this toolkit. */
const ENGINE_DIR = path.join(TOOLKIT_ROOT, "cli") + sep;

/** Forgets the modules of a program loaded before, so running it again runs its code again. */
function forgetProgramModules(root: string): void {
  for (const file of Object.keys(require.cache)) {
    const ofProgram = file.startsWith(root + sep) && !file.includes(`${sep}node_modules${sep}`);
    if (ofProgram && !file.startsWith(ENGINE_DIR)) Reflect.deleteProperty(require.cache, file);
  }
}

/**
 * Prepares loading the program in `dir`: TypeScript (compiled as the Pulumi CLI's ts-node would, except the
 * toolkit's own sources, which the CLI's tsx compiles), the resolution fallback, a fresh module graph.
 */
export function prepareProgram(dir: string): void {
  ensureTypeScript();
  installFallback();
  const root = path.resolve(dir);
  if (root !== TOOLKIT_ROOT && !root.startsWith(TOOLKIT_ROOT + sep))
    compileLikeTsNode(root, TOOLKIT_ROOT);
  programRoots.add(root);
  if (loadedRoots.has(root)) forgetProgramModules(root);
  loadedRoots.add(root);
}

/** The program's entry file: Pulumi.yaml `main`, else package.json `main`, else index.ts / index.js. */
export function resolveEntry(projectDir: string, main: string | undefined): string {
  const target = path.resolve(projectDir, main ?? ".");
  // A folder resolves as a folder: `/p/app` alone would first try the files `/p/app.js`, `/p/app.json`, ….
  const request = existsSync(target) && statSync(target).isDirectory() ? target + sep : target;
  try {
    return createRequire(path.join(projectDir, "Pulumi.yaml")).resolve(request);
  } catch {
    throw new CheckError(
      `no program entry in ${target}: set 'main' in Pulumi.yaml, or 'main' in package.json, or add index.ts`,
    );
  }
}

/** `require` as seen from `file` (resolves the program's own packages first, then the toolkit's). */
export function requireFrom(file: string): NodeJS.Require {
  return createRequire(file);
}
