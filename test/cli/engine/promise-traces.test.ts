import { createRequire } from "node:module";
import { afterEach, describe, expect, test } from "vitest";
import { withoutPromiseTraces } from "../../../cli/engine/promise-traces";

const load = createRequire(__filename);
type Wrap = <T>(p: Promise<T>, ctx?: string) => Promise<T>;
const debuggable = load("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: Wrap };
const traceOf = (p: Promise<unknown>) => (p as { _debugStackTrace?: string })._debugStackTrace;

describe("withoutPromiseTraces", () => {
  let restore: () => void = () => undefined;
  afterEach(() => {
    restore();
    delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
  });

  test("stops the runtime capturing a stack trace per promise, until restored", async () => {
    const before = Promise.resolve(1);
    await debuggable.debuggablePromise(before, "before");
    restore = withoutPromiseTraces(load);
    const during = Promise.resolve(2);
    const value = await debuggable.debuggablePromise(during, "during");
    restore();
    const after = Promise.resolve(3);
    await debuggable.debuggablePromise(after, "after");
    expect([
      traceOf(before)?.startsWith("Error"),
      value,
      traceOf(during),
      traceOf(after)?.startsWith("Error"),
    ]).toEqual([true, 2, undefined, true]);
  });

  test("still rejects with the error, which names the promise it came from", async () => {
    restore = withoutPromiseTraces(load);
    const failing = Promise.reject(new Error("boom"));
    const caught = await debuggable.debuggablePromise(failing).catch((e: unknown) => e);
    expect([
      (caught as Error).message,
      (caught as { promise?: unknown }).promise === failing,
    ]).toEqual(["boom", true]);
  });

  test("keeps Pulumi's wrapper when PULUMI_DEBUG_PROMISE_LEAKS asks for the traces", async () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    restore = withoutPromiseTraces(load);
    const p = Promise.resolve(1);
    await debuggable.debuggablePromise(p, "debugged");
    expect(traceOf(p)?.startsWith("Error")).toBe(true);
  });

  test("leaves a runtime without the module alone", () => {
    restore = withoutPromiseTraces(() => {
      throw new Error("Cannot find module '@pulumi/pulumi/runtime/debuggable'");
    });
    expect(restore()).toBeUndefined();
  });
});
