import { describe, expect, it, test } from "vitest";
import { containersOf, isPodBearing, podSpecOf } from "../../domain/pods";

describe("pods", () => {
  test.each([
    ["kubernetes:core/v1:Pod", true],
    ["kubernetes:apps/v1:Deployment", true],
    ["kubernetes:apps/v1:DeploymentPatch", true],
    ["kubernetes:batch/v1:CronJob", true],
    ["kubernetes:core/v1:ConfigMap", false],
    ["kubernetes:batch.volcano.sh/v1alpha1:Job", false],
    ["kubernetes:postgresql.cnpg.io/v1:Cluster", false],
    ["scaleway:kubernetes/pool:Pool", false],
  ])("tells whether %s bears pods: %s", (type, expected) => {
    expect(isPodBearing(type)).toBe(expected);
  });

  it("finds the pod spec of a CronJob under its job template", () => {
    const spec = { containers: [{ name: "sync" }] };
    expect(
      podSpecOf("kubernetes:batch/v1:CronJob", {
        spec: { jobTemplate: { spec: { template: { spec } } } },
      }),
    ).toBe(spec);
  });

  it("returns undefined when a pod-bearing object has no spec yet", () => {
    expect(podSpecOf("kubernetes:apps/v1:Deployment", { metadata: {} })).toBeUndefined();
  });

  it("lists regular, init and ephemeral containers with their index", () => {
    const spec = {
      containers: [{ name: "a" }, { name: "b" }],
      initContainers: [{ name: "i" }],
      ephemeralContainers: [{ name: "e" }],
    };
    expect(
      containersOf(spec).map((c) => `${c.role}[${c.index}]=${String(c.container.name)}`),
    ).toEqual([
      "containers[0]=a",
      "containers[1]=b",
      "initContainers[0]=i",
      "ephemeralContainers[0]=e",
    ]);
  });
});
