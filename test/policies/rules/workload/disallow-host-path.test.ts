import { describe, expect, test } from "vitest";
import { workloadPodDisallowHostPath as policy } from "../../../../policies/rules/workload/disallow-host-path";
import { UNKNOWN, validate } from "../../fixtures/args";
import { deploymentPatch, podSpec, POD_KIND_NAMES, workload } from "../../fixtures/workloads";

const tmp = { name: "tmp", emptyDir: {} };

describe("workloadPodDisallowHostPath", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each([
    [
      "a named hostPath volume",
      { name: "logs", hostPath: { path: "/var/log" } },
      'volume "logs" (volumes[1]) mounts the node\'s path "/var/log" (hostPath)',
    ],
    [
      "a hostPath volume without a path",
      { name: "root", hostPath: {} },
      'volume "root" (volumes[1]) mounts the node\'s path (hostPath)',
    ],
    [
      "an unnamed hostPath volume",
      { hostPath: { path: "/" } },
      'volumes[1] mounts the node\'s path "/" (hostPath)',
    ],
  ])("fails %s", async (_case, volume, expected) => {
    expect(
      (await validate(policy, workload("DaemonSet", podSpec({ volumes: [tmp, volume] }))))
        .violations,
    ).toEqual([expected]);
  });

  test("fails a patch that adds a hostPath volume", async () => {
    expect(
      (
        await validate(
          policy,
          deploymentPatch({
            volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }],
          }),
        )
      ).violations,
    ).toEqual([
      'volume "docker" (volumes[0]) mounts the node\'s path "/var/run/docker.sock" (hostPath)',
    ]);
  });

  test.each([
    [
      "emptyDir, secret and PVC volumes",
      podSpec({
        volumes: [
          tmp,
          { name: "cfg", secret: { secretName: "shop" } },
          { name: "data", persistentVolumeClaim: { claimName: "data" } },
        ],
      }),
    ],
    ["a pod without volumes", podSpec({ volumes: undefined })],
  ])("passes %s", async (_case, spec) => {
    expect(await validate(policy, workload("Deployment", spec))).toEqual({ violations: [] });
  });

  test("leaves a value unknown during preview to the engine", async () => {
    const outcome = await validate(
      policy,
      workload("Deployment", podSpec({ volumes: [tmp, { name: "x", hostPath: UNKNOWN }] })),
    );
    expect(outcome.deferred).toContain("can't run policy 'workload-pod-disallow-host-path'");
  });
});
