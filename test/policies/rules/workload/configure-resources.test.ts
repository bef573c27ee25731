import { describe, expect, test } from "vitest";
import { workloadContainerConfigureResources as policy } from "../../../../policies/rules/workload/configure-resources";
import { UNKNOWN, validate } from "../../fixtures/args";
import {
  container,
  deploymentPatch,
  deploymentWith,
  ephemeralContainer,
  initContainer,
  podSpec,
  POD_KIND_NAMES,
  workload,
} from "../../fixtures/workloads";

const requests = { cpu: "100m", memory: "128Mi" };
const limits = { cpu: "500m", memory: "256Mi" };

describe("workloadContainerConfigureResources", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each([
    [
      "no resources",
      { resources: undefined },
      [
        'container "app" (containers[0]) sets no resources.requests.cpu',
        'container "app" (containers[0]) sets no resources.requests.memory',
        'container "app" (containers[0]) sets no resources.limits.memory',
      ],
    ],
    [
      "no cpu request",
      { resources: { requests: { memory: "128Mi" }, limits } },
      ['container "app" (containers[0]) sets no resources.requests.cpu'],
    ],
    [
      "an empty memory request",
      { resources: { requests: { cpu: "100m", memory: "" }, limits } },
      ['container "app" (containers[0]) sets no resources.requests.memory'],
    ],
    [
      "no memory limit",
      { resources: { requests, limits: { cpu: "1" } } },
      ['container "app" (containers[0]) sets no resources.limits.memory'],
    ],
  ])("fails when the container has %s", async (_case, overrides, expected) => {
    expect((await validate(policy, deploymentWith(overrides))).violations).toEqual(expected);
  });

  test("fails when an init container has no limits", async () => {
    const spec = podSpec({ initContainers: [initContainer({ resources: { requests } })] });
    expect((await validate(policy, workload("Job", spec))).violations).toEqual([
      'container "migrate" (initContainers[0]) sets no resources.limits.memory',
    ]);
  });

  test("fails when the pod-bearing resource has no pod spec", async () => {
    const spec = { type: "kubernetes:apps/v1:Deployment", props: { spec: { replicas: 1 } } };
    expect((await validate(policy, spec)).violations).toEqual([
      "Deployment has no pod spec: declare its containers so the baseline can be checked",
    ]);
  });

  test("requires the resources the config names", async () => {
    const config = {
      [policy.name]: { requiredRequests: ["cpu"], requiredLimits: ["cpu", "ephemeral-storage"] },
    };
    expect((await validate(policy, workload(), config)).violations).toEqual([
      'container "app" (containers[0]) sets no resources.limits.ephemeral-storage',
    ]);
  });

  test.each([
    [
      "numeric quantities",
      deploymentWith({
        resources: { requests: { cpu: 1, memory: 134217728 }, limits: { memory: 268435456 } },
      }),
    ],
    [
      "an ephemeral container without resources (the API forbids them)",
      workload("Pod", podSpec({ ephemeralContainers: [ephemeralContainer()] })),
    ],
    [
      "a patch that does not touch resources",
      deploymentPatch({
        containers: [{ name: "app", image: "rg.fr-par.scw.cloud/acme/shop:1.4.3" }],
      }),
    ],
    [
      "a patch without a pod spec",
      { type: "kubernetes:apps/v1:DeploymentPatch", props: { spec: { replicas: 3 } } },
    ],
    [
      "a resource that bears no pods",
      { type: "kubernetes:core/v1:Service", props: { spec: { ports: [] } } },
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test("fails a patch that sets a request but omits a required one", async () => {
    const patch = deploymentPatch({
      containers: [container({ resources: { requests: { cpu: "1" }, limits } })],
    });
    expect((await validate(policy, patch)).violations).toEqual([
      'container "app" (containers[0]) sets no resources.requests.memory',
    ]);
  });

  test("leaves a value unknown during preview to the engine", async () => {
    const outcome = await validate(policy, deploymentWith({ resources: UNKNOWN }));
    expect(outcome.violations).toEqual([]);
    expect(outcome.deferred).toContain("can't run policy 'workload-container-configure-resources'");
  });
});
