/**
 * Pulumi wraps each of its internal promises (several per resource) in `debuggablePromise`, which captures a
 * stack trace for one purpose: the message it prints at exit about promises a program left pending. The engine
 * never prints that message (it runs the program inside its own process and clears the candidates after the
 * run), so while a program runs the wrapper keeps only what changes behaviour, a rejection naming the promise
 * it came from. On a large program that capture alone costs more than the registrations around it. With
 * PULUMI_DEBUG_PROMISE_LEAKS set, Pulumi's own wrapper stays, as does a runtime without this module.
 */
import { VERIFIED_SDK, type InternalsInUse, type SdkInternal } from "./sdk-internals";

type Wrap = <T>(p: Promise<T>, ctx?: unknown) => Promise<T>;

/** `runtime/debuggable`'s `debuggablePromise`, replaced while a program runs. */
export const PROMISE_TRACES: SdkInternal = {
  name: "runtime/debuggable's debuggablePromise",
  verified: VERIFIED_SDK,
  fallback: "Pulumi's own wrapper stays (a stack trace per promise: slower on large programs)",
};

interface Debuggable {
  debuggablePromise: Wrap;
}

const traceless: Wrap = (p) =>
  p.catch((err: unknown) => {
    // As Pulumi's wrapper: a rejection carries the promise it came from.
    (err as { promise?: unknown }).promise = p;
    throw err;
  });

/**
 * Replaces the runtime's wrapper that `load` resolves until the returned function restores it; keeps Pulumi's
 * when the SDK is not one `internals` verified, or lacks the module.
 */
export function withoutPromiseTraces(
  load: (id: string) => unknown,
  internals?: InternalsInUse,
): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  let debuggable: Debuggable | undefined;
  try {
    debuggable = load("@pulumi/pulumi/runtime/debuggable") as Debuggable;
  } catch {
    debuggable = undefined;
  }
  const original = debuggable?.debuggablePromise;
  const usable = typeof original === "function";
  if (internals ? !internals.use(PROMISE_TRACES, usable) : !usable) return () => undefined;
  if (debuggable === undefined || original === undefined) return () => undefined;
  debuggable.debuggablePromise = traceless;
  return () => {
    debuggable.debuggablePromise = original;
  };
}
