import { describe, expect, test } from "vitest";
import { fleetPolicies } from "../../../../policies/rules/fleet";
import { isStackPolicy } from "../../../../policies/lib/define";
import { compliant, violations } from "./fixtures";

describe("fleetPolicies", () => {
  test("lists the five diversification policies", () => {
    expect(fleetPolicies.map((p) => p.name)).toEqual([
      "fleet-workload-enforce-min-vendors",
      "fleet-workload-enforce-min-jurisdictions",
      "fleet-workload-enforce-max-vendor-share",
      "fleet-workload-enforce-vendor-loss-tolerance",
      "fleet-data-missing-cross-vendor-copy",
    ]);
  });

  test.each(fleetPolicies.map((p) => [p.name, p] as const))(
    "%s is a mandatory stack policy of the diversification pack with full metadata",
    (name, p) => {
      expect(name).toMatch(
        /^fleet-[a-z]+-(enable|disable|disallow|configure|enforce|missing)-[a-z-]+$/,
      );
      expect(isStackPolicy(p)).toBe(true);
      expect([p.pack, p.area, p.enforcementLevel]).toEqual([
        "diversification",
        "fleet",
        "mandatory",
      ]);
      expect(p.description).toMatch(/^[A-Z].*\.$/);
      expect(p.remediationSteps).toMatch(/sovereign:/);
      expect(p.framework?.name).toBe("DORA");
    },
  );

  test("finds nothing wrong with the compliant fleet", async () => {
    const found = await Promise.all(fleetPolicies.map((p) => violations(p, compliant())));
    expect(found.flat()).toEqual([]);
  });
});
