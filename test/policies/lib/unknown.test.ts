import { describe, expect, test } from "vitest";
import { SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import {
  DeferredToEngine,
  deferralMessage,
  deferUnknowns,
  policyProxy,
  rawOf,
  unknownCause,
} from "../../../policies/lib/unknown";

describe("unknown values", () => {
  test.each<[string, unknown, string | undefined]>([
    ["an unknown string", policyProxy.unknownStringValue, "preview"],
    ["an unknown object", policyProxy.unknownObjectValue, "preview"],
    ["an unknown list", policyProxy.unknownArrayValue, "preview"],
    ["the secret placeholder inside a kubeconfig", `server: ${SECRET_PLACEHOLDER}`, "offline"],
    ["a region", "fr-par", undefined],
    ["undefined", undefined, undefined],
  ])("classifies %s", (_name, value, cause) => {
    expect(unknownCause(value)).toBe(cause);
  });

  test("unwraps CrossGuard's proxy and leaves plain objects alone", () => {
    const raw = { region: policyProxy.unknownStringValue };
    expect(rawOf(policyProxy.unknownCheckingProxy(raw))).toBe(raw);
    expect(rawOf(raw)).toBe(raw);
  });

  test("throws CrossGuard's own UnknownValueError, so the engine reports it as 'can't run during preview'", () => {
    const unknowns = [
      { path: "region", cause: "preview" as const },
      { path: "zone", cause: "preview" as const },
      { path: "kubeconfig", cause: "offline" as const },
    ];
    expect(() => deferUnknowns(unknowns)).toThrow(DeferredToEngine);
    expect(new DeferredToEngine(unknowns)).toBeInstanceOf(policyProxy.UnknownValueError);
    expect(deferralMessage(unknowns)).toBe(
      "region, zone are unknown during preview (computed by another resource); the engine runs this policy again at update, when the value is known; kubeconfig is a secret or assumed config value the offline engine could not read; run `pulumi preview` with the stack's secrets to check it",
    );
  });

  test("throws nothing when every value is known", () => {
    expect(() => deferUnknowns([])).not.toThrow();
  });
});
