import { describe, expect, test } from "vitest";
import { workloadKubernetesDisallowRemovedApi as policy } from "../../../../policies/rules/workload/disallow-removed-api";
import { validate } from "../../fixtures/args";
import { objectOf } from "../../fixtures/kubernetes-objects";

const GUIDE = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";
const on = (minor: string, extra: Record<string, unknown> = {}) => ({
  [policy.name]: { kubernetesVersion: minor, ...extra },
});
const PDB_V1BETA1 = objectOf("kubernetes:policy/v1beta1:PodDisruptionBudget", {
  spec: { minAvailable: 1 },
});

describe("workload-kubernetes-disallow-removed-api", () => {
  test.each([
    ["1.25", "the minor that removed it"],
    ["1.36", "the default minor"],
  ])("fails when policy/v1beta1 PodDisruptionBudget meets %s (%s)", async (minor) => {
    expect(await validate(policy, PDB_V1BETA1, on(minor))).toEqual({
      violations: [
        `policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25 and is not served by ${minor}; use policy/v1 (served since 1.21) (${GUIDE}#v1-25)`,
      ],
    });
  });

  test("fails on the default minor when nothing is configured", async () => {
    const flowSchema = objectOf("kubernetes:flowcontrol.apiserver.k8s.io/v1beta3:FlowSchema", {});
    expect(await validate(policy, flowSchema)).toEqual({
      violations: [
        `flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema was removed in Kubernetes 1.32 and is not served by 1.36; use flowcontrol.apiserver.k8s.io/v1 (served since 1.29) (${GUIDE}#v1-32)`,
      ],
    });
  });

  test("fails when an API removed with no successor is used, saying so", async () => {
    const psp = objectOf("kubernetes:policy/v1beta1:PodSecurityPolicy", {});
    expect(await validate(policy, psp, on("1.25"))).toEqual({
      violations: [
        `policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25 and is not served by 1.25; it has no successor API: remove the object (${GUIDE}#v1-25)`,
      ],
    });
  });

  test("fails when the API is deprecated in the minor (its replacement is served, it is not removed yet)", async () => {
    expect(await validate(policy, PDB_V1BETA1, on("1.24"))).toEqual({
      violations: [
        `policy/v1beta1 PodDisruptionBudget is deprecated in Kubernetes 1.24 and removed in 1.25; use policy/v1 (served since 1.21) (${GUIDE}#v1-25)`,
      ],
    });
  });

  test.each([
    [
      "a deprecated API when reportDeprecated is off",
      PDB_V1BETA1,
      on("1.24", { reportDeprecated: false }),
    ],
    ["an API before its replacement exists", PDB_V1BETA1, on("1.20")],
    ["the replacement API", objectOf("kubernetes:policy/v1:PodDisruptionBudget", {}), on("1.36")],
    ["a custom resource", objectOf("kubernetes:postgresql.cnpg.io/v1:Cluster", {}), on("1.36")],
    ["a patch of a served API", objectOf("kubernetes:apps/v1:DeploymentPatch", {}), on("1.36")],
  ])("passes %s", async (_what, spec, config) => {
    expect(await validate(policy, spec, config)).toEqual({ violations: [] });
  });

  test("judges patches by the kind they patch", async () => {
    const patch = objectOf("kubernetes:batch/v1beta1:CronJobPatch", {});
    expect((await validate(policy, patch, on("1.36"))).violations).toEqual([
      `batch/v1beta1 CronJob was removed in Kubernetes 1.25 and is not served by 1.36; use batch/v1 (served since 1.21) (${GUIDE}#v1-25)`,
    ]);
  });

  test("fails when the configured version is not a minor, naming the key", async () => {
    await expect(validate(policy, PDB_V1BETA1, on("latest"))).rejects.toThrow(
      "policy config kubernetesVersion 'latest' is not a Kubernetes minor such as 1.36",
    );
  });
});
