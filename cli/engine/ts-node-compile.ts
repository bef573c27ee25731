/**
 * A program's own `.ts` files compiled as the Pulumi CLI compiles them: TypeScript's `transpileModule` to
 * CommonJS with the Node.js language host's defaults under the project's tsconfig (`cmd/run/run.js` in
 * @pulumi/pulumi hands these to ts-node). esbuild's CommonJS output differs where it matters to real programs: its
 * exports are getters over `let`/`const`, so a module reading a circular import's binding before it is set throws
 * "Cannot access 'x' before initialization" where TypeScript's `exports.x` reads `undefined` and runs on.
 * The toolkit's own sources (its stacks, the bench, the test fixtures) keep the CLI's own compiler (tsx).
 */
import Module, { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type * as TS from "typescript";

type Compile = (source: string, file: string) => string;
type Loader = (module: NodeModule, file: string) => void;
interface Compilable {
  _compile(code: string, file: string): void;
}
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;

/**
 * What the language host passes ts-node before the tsconfig's own options (which win): run.js uses `nodenext`
 * with TypeScript ≥ 4.7, which for a CommonJS package emits what `commonjs` emits.
 */
const HOST_DEFAULTS = { target: "ES2020", module: "commonjs", moduleResolution: "node" };

/** The TypeScript the program's SDK would hand ts-node (`tsutils.typeScriptRequireStrings`): its own, else the
 * one it vendors; else this toolkit's. */
function typeScriptFor(projectDir: string, toolkitRoot: string): typeof TS | undefined {
  const tries: (() => unknown)[] = [];
  try {
    const sdk = path.dirname(
      createRequire(path.join(projectDir, "Pulumi.yaml")).resolve("@pulumi/pulumi/package.json"),
    );
    const fromSdk = createRequire(path.join(sdk, "package.json"));
    tries.push(() => fromSdk("typescript"));
    tries.push(() => fromSdk(path.join(sdk, "vendor", "typescript@3.8.3", "typescript.js")));
  } catch {
    // No SDK of its own: the toolkit's TypeScript below.
  }
  tries.push(() => createRequire(path.join(toolkitRoot, "package.json"))("typescript"));
  for (const load of tries) {
    try {
      return load() as typeof TS;
    } catch {
      // The next candidate.
    }
  }
  return undefined;
}

/** The project's tsconfig (`extends` followed), as ts-node reads it; no file means no options. */
function tsconfigOptions(ts: typeof TS, projectDir: string): TS.CompilerOptions {
  const file = path.join(projectDir, "tsconfig.json");
  if (!existsSync(file)) return {};
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return {};
  // Only the options: listing the files a tsconfig includes would walk the project for nothing.
  const host = { ...ts.sys, readDirectory: () => [] };
  return ts.parseJsonConfigFileContent(read.config, host, projectDir).options;
}

/** A compiler for the program in `projectDir`, or undefined when no TypeScript can be loaded. */
function compilerFor(projectDir: string, toolkitRoot: string): Compile | undefined {
  const ts = typeScriptFor(projectDir, toolkitRoot);
  if (!ts) return undefined;
  const defaults = ts.convertCompilerOptionsFromJson(HOST_DEFAULTS, projectDir).options;
  const options: TS.CompilerOptions = {
    ...defaults,
    ...tsconfigOptions(ts, projectDir),
    // Loaded through `require`: CommonJS whatever the tsconfig emits for its own build; maps inline so errors
    // name the .ts line, with sources beside the file (a build's outDir would point them elsewhere); what ts-node
    // turns off for an in-memory compile.
    module: ts.ModuleKind.CommonJS,
    outDir: undefined,
    outFile: undefined,
    rootDir: undefined,
    sourceRoot: undefined,
    mapRoot: undefined,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    declaration: false,
    declarationMap: false,
    noEmit: false,
    emitDeclarationOnly: false,
    composite: false,
    incremental: false,
  };
  return (source, file) => {
    const out = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: options,
      reportDiagnostics: true,
    });
    const error = out.diagnostics?.find(
      (d) => d.category === ts.DiagnosticCategory.Error && d.file,
    );
    if (error?.file) throw syntaxError(ts, error, error.file);
    return out.outputText;
  };
}

/**
 * A syntax error as ts-node fails on it, in the form program-errors.ts reads for a compile failure
 * (`file:line:column: ERROR: what`). Option diagnostics carry no file and are left out: ts-node ignores most.
 */
function syntaxError(ts: typeof TS, d: TS.Diagnostic, file: TS.SourceFile): Error {
  const at = file.getLineAndCharacterOfPosition(d.start ?? 0);
  const what = ts.flattenDiagnosticMessageText(d.messageText, " ");
  const where = `${file.fileName}:${at.line + 1}:${at.character + 1}`;
  return Object.assign(new Error(`TypeScript: 1 error:\n${where}: ERROR: ${what}`), {
    name: "TransformError",
  });
}

interface CompileState {
  /** Project directory → its compiler (undefined: no TypeScript, the CLI's own compiler instead). */
  readonly compilers: Map<string, Compile | undefined>;
  hooked: boolean;
}
const STATE = Symbol.for("sovereign.ts-node-compile");
const state: CompileState = ((globalThis as typeof globalThis & { [STATE]?: CompileState })[
  STATE
] ??= { compilers: new Map(), hooked: false });

const sep = path.sep;

/** The registered project `file` belongs to (its own sources, not its node_modules), if any. */
function projectOf(file: string): string | undefined {
  if (file.includes(`${sep}node_modules${sep}`)) return undefined;
  let best: string | undefined;
  for (const dir of state.compilers.keys())
    if (file.startsWith(dir + sep) && (!best || dir.length > best.length)) best = dir;
  return best;
}

/**
 * Compiles the `.ts` files of the program in `projectDir` as the Pulumi CLI would, from now on. Call after the
 * CLI's own `.ts` hook (tsx) is registered: files of other programs still go to it.
 */
export function compileLikeTsNode(projectDir: string, toolkitRoot: string): void {
  if (!state.compilers.has(projectDir))
    state.compilers.set(projectDir, compilerFor(projectDir, toolkitRoot));
  if (state.hooked) return;
  state.hooked = true;
  const previous = extensions[".ts"];
  extensions[".ts"] = (module, file) => {
    const project = projectOf(file);
    const compile = project === undefined ? undefined : state.compilers.get(project);
    if (!compile) {
      if (previous) previous(module, file);
      return;
    }
    (module as unknown as Compilable)._compile(compile(readFileSync(file, "utf8"), file), file);
  };
}
