/**
 * The engine's props proxy against CrossGuard's own (`@pulumi/policy/proxy`'s `unknownCheckingProxy`, the one the
 * analyzer server wraps props in): the same reads give the same values, and the same unknowns throw the same
 * error with the same path, whatever way a policy reads them.
 */
import { describe, expect, test } from "vitest";
import { checkingProxy } from "../../../cli/engine/props-proxy";
import { policyProxy } from "../../../policies/lib/unknown";

/* eslint-disable @typescript-eslint/no-explicit-any -- policies read props untyped */
type Reader = (props: any, raw: Record<string, unknown>) => unknown;

const props = (): Record<string, unknown> => ({
  region: "fr-par",
  size: 3,
  enabled: false,
  nothing: null,
  tags: ["a", "b"],
  endpoint: policyProxy.unknownStringValue,
  replicas: policyProxy.unknownNumberValue,
  unknownList: policyProxy.unknownArrayValue,
  metadata: policyProxy.unknownObjectValue,
  spec: {
    containers: [
      { name: "web", image: policyProxy.unknownStringValue, ports: [{ containerPort: 80 }] },
      { name: "sidecar", image: "rg.fr-par.scw.cloud/shop/proxy:1.2", env: [] },
    ],
  },
  frozen: Object.freeze({ inner: { value: 1 } }),
});

const deepUnknown: Reader = (p) => p.spec.containers[0].image;

const READERS: Record<string, Reader> = {
  "a string": (p) => p.region,
  "a number and a boolean": (p) => [p.size, p.enabled],
  "null and a missing key": (p) => [p.nothing, p.missing],
  "an unknown string": (p) => p.endpoint,
  "an unknown number": (p) => p.replicas,
  "an unknown list": (p) => p.unknownList,
  "an unknown object": (p) => p.metadata,
  "an unknown deep in a list": deepUnknown,
  "known fields beside the unknown": (p) => [p.spec.containers[0].name, p.spec.containers[1].image],
  "a list mapped": (p) => p.tags.map((t: string) => t.toUpperCase()),
  "a list searched": (p) => p.spec.containers.find((c: any) => c.name === "sidecar")?.image,
  "a list filtered into images": (p) => p.spec.containers.map((c: any) => c.image),
  "length and indexes": (p) => [p.tags.length, p.tags[1], p.tags[5]],
  "Object.keys and entries": (p) => [Object.keys(p.spec.containers[1]), Object.entries(p.tags)],
  "a known subtree as JSON": (p) => JSON.stringify(p.spec.containers[0].ports),
  "everything as JSON": (p) => JSON.stringify(p),
  "a spread": (p) => ({ ...p.spec.containers[0].ports[0] }),
  "a spread over an unknown": (p) => ({ ...p.spec.containers[0] }),
  "the in operator and Array.isArray": (p) => [
    "region" in p,
    "missing" in p,
    Array.isArray(p.tags),
  ],
  "a frozen object": (p) => p.frozen.inner.value,
  "the special proxy markers": (p) => [
    p[policyProxy.isSpecialProxy],
    p.spec.containers[policyProxy.isSpecialProxy],
    p.region[policyProxy.isSpecialProxy],
  ],
  "the proxy's target": (p, raw) => [
    p[policyProxy.getSpecialProxyTarget] === raw,
    p.spec[policyProxy.getSpecialProxyTarget] === raw.spec,
  ],
  "typeof and equality with the raw value": (p, raw) => [typeof p.tags, p.region === raw.region],
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What a read gives: its value, or the error it throws with everything a policy or the analyzer reads of it. */
function outcome(read: Reader, wrap: (raw: Record<string, unknown>) => unknown) {
  const raw = props();
  try {
    return { value: read(wrap(raw), raw) };
  } catch (e) {
    const error = e as Error & { props?: unknown; unknownTypeSentinel?: unknown };
    return {
      error: e instanceof policyProxy.UnknownValueError ? "UnknownValueError" : error.name,
      message: error.message,
      props: error.props,
      sentinel: error.unknownTypeSentinel,
    };
  }
}

describe("checkingProxy, read by a policy as CrossGuard's proxy is", () => {
  test.each(Object.entries(READERS))("%s", (_name, read) => {
    const crossGuard = outcome(read, (raw) => policyProxy.unknownCheckingProxy(raw));
    expect(outcome(read, checkingProxy)).toEqual(crossGuard);
  });

  test("throws for an unknown with the path CrossGuard names", () => {
    expect(outcome(deepUnknown, checkingProxy)).toMatchObject({
      error: "UnknownValueError",
      message: "string value at .spec.containers.0.image can't be known during preview",
    });
  });

  test("differs in one way only: a nested object read twice is the same proxy, not a new one", () => {
    const raw = props();
    const [engine, crossGuard] = [checkingProxy(raw), policyProxy.unknownCheckingProxy(raw)] as {
      spec: unknown;
    }[];
    expect([engine?.spec === engine?.spec, crossGuard?.spec === crossGuard?.spec]).toEqual([
      true,
      false,
    ]);
  });
});
