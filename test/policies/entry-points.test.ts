/**
 * Each pack's index.ts is what the Pulumi CLI loads: it must build under `new PolicyPack` with the pack's policies.
 * The constructor is mocked (the real one starts a gRPC server and reads ./package.json from the cwd).
 */
import type { PolicyPackArgs } from "@pulumi/policy";
import { afterEach, describe, expect, test, vi } from "vitest";
import { PACKS } from "../../policies/packs";

const { constructed } = vi.hoisted(() => ({
  constructed: [] as { name: string; args: PolicyPackArgs }[],
}));

vi.mock("@pulumi/policy", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@pulumi/policy")>();
  return {
    ...actual,
    PolicyPack: vi.fn(function (name: string, args: PolicyPackArgs) {
      constructed.push({ name, args });
    }),
  };
});

const ENTRIES = {
  "eu-sovereignty": () => import("../../policies/eu-sovereignty/index"),
  "workload-baseline": () => import("../../policies/workload-baseline/index"),
  "data-protection": () => import("../../policies/data-protection/index"),
  diversification: () => import("../../policies/diversification/index"),
} as const;

afterEach(() => {
  constructed.length = 0;
  vi.resetModules();
  vi.unstubAllEnvs();
});

describe("pack entry points", () => {
  test.each(Object.keys(ENTRIES) as (keyof typeof ENTRIES)[])(
    "%s/index.ts builds one PolicyPack with the pack's policies",
    async (pack) => {
      await ENTRIES[pack]();
      expect(constructed.map((c) => c.name)).toEqual([pack]);
      const args = constructed[0]?.args;
      expect(args?.description).toBe(PACKS[pack].description);
      expect(args?.enforcementLevel).toBe(PACKS[pack].enforcementLevel);
      expect(args?.policies.map((p) => p.name)).toEqual(PACKS[pack].policies.map((p) => p.name));
      for (const policy of args?.policies ?? []) {
        const validator =
          "validateStack" in policy ? policy.validateStack : policy.validateResource;
        expect([typeof validator, typeof policy.description, "pack" in policy]).toEqual([
          "function",
          "string",
          false,
        ]);
      }
    },
  );

  test("eu-sovereignty serves every policy as mandatory in prod (the default environment), but the ACME CA and toolchain ones", async () => {
    await ENTRIES["eu-sovereignty"]();
    const advisory = constructed[0]?.args.policies.filter(
      (p) => p.enforcementLevel !== "mandatory",
    );
    expect(advisory?.map((p) => [p.name, p.enforcementLevel])).toEqual([
      ["endpoint-acme-issuer-enforce-eu-ca", "advisory"],
      ["toolchain-enforce-eu-control", "advisory"],
    ]);
  });

  test("SOVEREIGN_ENVIRONMENT=dev relaxes workload-baseline to advisory", async () => {
    vi.stubEnv("SOVEREIGN_ENVIRONMENT", "dev");
    await ENTRIES["workload-baseline"]();
    const levels = new Set(constructed[0]?.args.policies.map((p) => p.enforcementLevel));
    expect([...levels]).toEqual(PACKS["workload-baseline"].policies.length > 0 ? ["advisory"] : []);
  });

  test("fails to load when SOVEREIGN_ENVIRONMENT names no environment", async () => {
    vi.stubEnv("SOVEREIGN_ENVIRONMENT", "qa");
    await expect(ENTRIES["eu-sovereignty"]()).rejects.toThrow(
      "SOVEREIGN_ENVIRONMENT='qa' is not an environment; use one of dev, staging, prod (unset means prod)",
    );
  });
});
