import { describe, expect, test } from "vitest";
import { workloadPodDisallowHostNamespaces as policy } from "../../../../policies/rules/workload/disallow-host-namespaces";
import { UNKNOWN, validate } from "../../fixtures/args";
import { deploymentPatch, podSpec, POD_KIND_NAMES, workload } from "../../fixtures/workloads";

describe("workloadPodDisallowHostNamespaces", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each(["hostNetwork", "hostPID", "hostIPC"])("fails when the pod sets %s", async (field) => {
    expect(
      (await validate(policy, workload("DaemonSet", podSpec({ [field]: true })))).violations,
    ).toEqual([`pod sets ${field}: true`]);
  });

  test("reports every shared namespace", async () => {
    const spec = podSpec({ hostNetwork: true, hostPID: true, hostIPC: true });
    expect((await validate(policy, workload("Pod", spec))).violations).toEqual([
      "pod sets hostNetwork: true",
      "pod sets hostPID: true",
      "pod sets hostIPC: true",
    ]);
  });

  test("fails a patch that turns hostNetwork on", async () => {
    expect((await validate(policy, deploymentPatch({ hostNetwork: true }))).violations).toEqual([
      "pod sets hostNetwork: true",
    ]);
  });

  test("passes host namespaces set to false", async () => {
    const spec = podSpec({ hostNetwork: false, hostPID: false, hostIPC: false });
    expect(await validate(policy, workload("Deployment", spec))).toEqual({ violations: [] });
  });

  test("leaves a value unknown during preview to the engine", async () => {
    const outcome = await validate(
      policy,
      workload("Deployment", podSpec({ hostNetwork: UNKNOWN })),
    );
    expect(outcome.deferred).toContain("can't run policy 'workload-pod-disallow-host-namespaces'");
  });
});
