/**
 * A full garbage collection between the engine's phases. Each phase (running the program, applying the packs)
 * leaves far more garbage than it keeps (at 100 workloads the run ends with about 300 MB of heap of which 143 MB
 * live), and V8 sizes the heap's next growth from its last collection, so without one here the next phase grows
 * the heap on top of the previous one's garbage and the process peaks about 20 % higher (BENCHMARKS.md).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** V8's `gc()`, taken from a fresh context while `--expose-gc` is briefly on; undefined where V8 refuses. */
function exposedGc(): (() => void) | undefined {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === "function") return own as () => void;
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  } finally {
    // Contexts made later (a program's own `vm` use) get no `gc` global.
    setFlagsFromString("--no-expose-gc");
  }
}

let gc: (() => void) | undefined | null = null;

/** Frees the garbage of the phase that just ended, before the next one allocates. */
export function collectGarbage(): void {
  if (gc === null) gc = exposedGc();
  gc?.();
}
