import { describe, expect, test } from "vitest";
import { workloadContainerConfigureProbes as policy } from "../../../../policies/rules/workload/configure-probes";
import { UNKNOWN, validate, type ResourceSpec } from "../../fixtures/args";
import {
  container,
  deploymentPatch,
  deploymentWith,
  initContainer,
  podSpec,
  POD_KIND_NAMES,
  RUN_TO_COMPLETION,
  workload,
  type PodKind,
} from "../../fixtures/workloads";

const unprobed = container({ readinessProbe: undefined, livenessProbe: undefined });
const LONG_RUNNING: PodKind[] = [
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "ReplicationController",
];

describe("workloadContainerConfigureProbes", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each(LONG_RUNNING)("fails a %s whose container has no probes", async (kind) => {
    expect(
      (await validate(policy, workload(kind, podSpec({ containers: [unprobed] })))).violations,
    ).toEqual([
      'container "app" (containers[0]) has no readinessProbe',
      'container "app" (containers[0]) has no livenessProbe',
    ]);
  });

  test.each([
    ["readinessProbe", { readinessProbe: undefined }],
    ["livenessProbe", { livenessProbe: undefined }],
  ])("fails when only the %s is missing", async (probe, overrides) => {
    expect((await validate(policy, deploymentWith(overrides))).violations).toEqual([
      `container "app" (containers[0]) has no ${probe}`,
    ]);
  });

  test("requires the probes the config names", async () => {
    const config = { [policy.name]: { requiredProbes: ["startupProbe"] } };
    expect((await validate(policy, workload(), config)).violations).toEqual([
      'container "app" (containers[0]) has no startupProbe',
    ]);
  });

  test.each<[string, ResourceSpec]>([
    ...RUN_TO_COMPLETION.map((kind): [string, ResourceSpec] => [
      `a ${kind} without probes`,
      workload(kind, podSpec({ containers: [unprobed] })),
    ]),
    [
      "a Pod that never restarts",
      workload("Pod", podSpec({ restartPolicy: "Never", containers: [unprobed] })),
    ],
    [
      "a Pod that restarts on failure",
      workload("Pod", podSpec({ restartPolicy: "OnFailure", containers: [unprobed] })),
    ],
    [
      "a PodTemplate (what runs it is unknown)",
      workload("PodTemplate", podSpec({ containers: [unprobed] })),
    ],
    [
      "init containers without probes",
      workload("Deployment", podSpec({ initContainers: [initContainer()] })),
    ],
    [
      "a patch that does not touch probes",
      deploymentPatch({
        containers: [{ name: "app", image: "rg.fr-par.scw.cloud/acme/shop:2.0.0" }],
      }),
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test("leaves a value unknown during preview to the engine", async () => {
    const outcome = await validate(policy, deploymentWith({ readinessProbe: UNKNOWN }));
    expect(outcome.deferred).toContain("can't run policy 'workload-container-configure-probes'");
  });
});
