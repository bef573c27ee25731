/**
 * `require("@pulumi/pulumi")` loads, before any program line runs, three things a check rarely needs: the
 * TypeScript compiler (for serializing closures), npm's arborist (for the code paths of serialized closures)
 * and the Automation API. Together they are most of the SDK's start-up, and of a small check's. Each is put in
 * the module cache as a stand-in that loads the real module the first time anything reads from it, so a program
 * that serializes a function or drives the Automation API still gets them, a moment later.
 */
import { existsSync } from "node:fs";
import Module, { createRequire } from "node:module";
import * as path from "node:path";
import { VERIFIED_SDK, type InternalsInUse, type SdkInternal } from "./sdk-internals";

/** Where this SDK keeps the modules it loads at start (file layout, not API). */
export const DEFERRED_MODULES: SdkInternal = {
  name: "the layout of the modules it loads at start",
  verified: VERIFIED_SDK,
  fallback: "the SDK loads them at start, as it does on its own (slower start)",
};

interface Deferred {
  /** The module's file, relative to the @pulumi/pulumi package. */
  readonly file: string;
  /**
   * Functions the SDK copies off the module while loading (`exports.f = mod.f`): handed out as functions that
   * load the module when called, so copying them loads nothing.
   */
  readonly functions: readonly string[];
}

const DEFERRED: readonly Deferred[] = [
  { file: "typescript-shim.js", functions: [] },
  { file: "runtime/closure/codePaths.js", functions: ["computeCodePaths"] },
  { file: "automation/index.js", functions: [] },
];

const cache = (Module as unknown as { _cache: Record<string, NodeModule | undefined> })._cache;

function defer(filename: string, functions: readonly string[]): void {
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (real === undefined) {
      Reflect.deleteProperty(cache, filename);
      real = createRequire(filename)(filename) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const bound = new Map(
    functions.map((name) => [
      name,
      (...args: unknown[]) => (load()[name] as (...a: unknown[]) => unknown)(...args),
    ]),
  );
  const stub = new Module(filename);
  stub.filename = filename;
  stub.loaded = true;
  stub.exports = new Proxy(
    {},
    {
      get: (_, key) => {
        // TypeScript's `__importStar` keeps an ES module as it is, without reading its keys.
        if (key === "__esModule" && real === undefined) return true;
        return real === undefined && typeof key === "string" && bound.has(key)
          ? bound.get(key)
          : Reflect.get(load(), key);
      },
      has: (_, key) => Reflect.has(load(), key),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        // The stand-in's own target has no such property: a proxy may only report it as configurable.
        return descriptor && { ...descriptor, configurable: true };
      },
      set: (_, key, value) => Reflect.set(load(), key, value),
    },
  );
  cache[filename] = stub;
}

/**
 * Defers the heavy modules of the @pulumi/pulumi package in `pulumiDir`, unless the package is already loaded
 * (its modules were then loaded with it), is not a version whose layout was verified (`internals`), or does not
 * have them where this version keeps them.
 */
export function deferPulumiStartup(pulumiDir: string, internals?: InternalsInUse): void {
  if (cache[path.join(pulumiDir, "index.js")] !== undefined) return;
  if (internals && !internals.use(DEFERRED_MODULES)) return;
  for (const { file, functions } of DEFERRED) {
    const filename = path.join(pulumiDir, file);
    if (cache[filename] === undefined && existsSync(filename)) defer(filename, functions);
  }
}
