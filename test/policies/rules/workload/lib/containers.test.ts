import { describe, expect, test } from "vitest";
import {
  containerLabel,
  podUnderTest,
} from "../../../../../policies/rules/workload/lib/containers";

describe("podUnderTest", () => {
  test.each([
    [
      "kubernetes:apps/v1:Deployment",
      { spec: { template: { spec: { containers: [] } } } },
      { kind: "Deployment", partial: false, spec: { containers: [] } },
    ],
    [
      "kubernetes:apps/v1:DeploymentPatch",
      { spec: { replicas: 2 } },
      { kind: "Deployment", partial: true, spec: undefined },
    ],
    [
      "kubernetes:batch/v1:CronJob",
      { spec: {} },
      { kind: "CronJob", partial: false, spec: undefined },
    ],
    ["kubernetes:core/v1:Service", { spec: {} }, undefined],
    ["scaleway:databases/instance:Instance", {}, undefined],
  ])("reads the pod of %s", (type, props, expected) => {
    expect(podUnderTest(type, props)).toEqual(expected);
  });
});

describe("containerLabel", () => {
  test.each([
    [
      { role: "containers", index: 0, container: { name: "app" } },
      'container "app" (containers[0])',
    ],
    [{ role: "initContainers", index: 2, container: {} }, "container initContainers[2]"],
    [
      { role: "ephemeralContainers", index: 1, container: { name: "" } },
      "container ephemeralContainers[1]",
    ],
  ] as const)("names %j", (ref, label) => {
    expect(containerLabel(ref)).toBe(label);
  });
});
