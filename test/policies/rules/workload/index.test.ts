import { describe, expect, test } from "vitest";
import { workloadPolicies } from "../../../../policies/rules/workload";

const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

describe("workloadPolicies", () => {
  test("lists the workload-baseline policies in report order", () => {
    expect(workloadPolicies.map((p) => p.name)).toEqual([
      "workload-container-configure-resources",
      "workload-container-enforce-non-root",
      "workload-container-disallow-privileged",
      "workload-container-disallow-privilege-escalation",
      "workload-container-enforce-readonly-rootfs",
      "workload-image-disallow-latest-tag",
      "workload-container-configure-probes",
      "workload-pod-disallow-host-namespaces",
      "workload-pod-disallow-host-path",
      "workload-kubernetes-enforce-schema",
      "workload-kubernetes-disallow-removed-api",
    ]);
  });

  test.each(workloadPolicies.map((p) => [p.name, p] as const))(
    "%s ships advisory in workload-baseline",
    (_name, policy) => {
      expect([policy.pack, policy.area, policy.enforcementLevel]).toEqual([
        "workload-baseline",
        "workload",
        "advisory",
      ]);
      expect(policy.description).toMatch(/^[A-Z].*\.$/);
      expect(policy.remediationSteps.length).toBeGreaterThan(40);
    },
  );

  test.each(workloadPolicies.map((p) => [p.name, p] as const))(
    "%s lives in a file named after its verb and what, exported in camelCase",
    async (name, policy) => {
      const file = name.split("-").slice(2).join("-");
      const module = (await import(`../../../../policies/rules/workload/${file}.ts`)) as Record<
        string,
        unknown
      >;
      expect(module[camel(name)]).toBe(policy);
    },
  );
});
