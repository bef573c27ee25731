import { describe, expect, test } from "vitest";
import { workloadContainerEnforceNonRoot as policy } from "../../../../policies/rules/workload/enforce-non-root";
import { UNKNOWN, validate } from "../../fixtures/args";
import {
  container,
  deploymentPatch,
  deploymentWith,
  ephemeralContainer,
  HARDENED,
  initContainer,
  podSpec,
  POD_KIND_NAMES,
  workload,
} from "../../fixtures/workloads";

const { runAsNonRoot: _n, runAsUser: _u, ...noUser } = HARDENED;

describe("workloadContainerEnforceNonRoot", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each([
    [
      "neither the container nor the pod sets runAsNonRoot",
      podSpec({ securityContext: {}, containers: [container({ securityContext: noUser })] }),
      [
        'container "app" (containers[0]) does not set runAsNonRoot: true (in its securityContext or the pod\'s)',
      ],
    ],
    [
      "the container overrides the pod with runAsNonRoot: false",
      podSpec({
        containers: [container({ securityContext: { ...HARDENED, runAsNonRoot: false } })],
      }),
      ['container "app" (containers[0]) sets runAsNonRoot: false'],
    ],
    [
      "the container runs as UID 0",
      podSpec({ containers: [container({ securityContext: { ...HARDENED, runAsUser: 0 } })] }),
      ['container "app" (containers[0]) runs as root (runAsUser: 0)'],
    ],
    [
      "the pod runs as UID 0 and the container names no user",
      podSpec({
        securityContext: { runAsNonRoot: true, runAsUser: 0 },
        containers: [container({ securityContext: noUser })],
      }),
      ['container "app" (containers[0]) runs as root (runAsUser: 0)'],
    ],
    [
      "an init container runs as root",
      podSpec({
        securityContext: {},
        initContainers: [initContainer({ securityContext: { ...HARDENED, runAsUser: 0 } })],
      }),
      ['container "migrate" (initContainers[0]) runs as root (runAsUser: 0)'],
    ],
    [
      "an unnamed ephemeral container inherits nothing",
      podSpec({
        securityContext: {},
        ephemeralContainers: [ephemeralContainer({ name: undefined, securityContext: noUser })],
      }),
      [
        "container ephemeralContainers[0] does not set runAsNonRoot: true (in its securityContext or the pod's)",
      ],
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect((await validate(policy, workload("Pod", spec))).violations).toEqual(expected);
  });

  test.each([
    [
      "runAsNonRoot set only on the pod",
      workload("Deployment", podSpec({ containers: [container({ securityContext: noUser })] })),
    ],
    [
      "runAsNonRoot set only on the container",
      workload("Deployment", podSpec({ securityContext: {} })),
    ],
    [
      "a patch that states no security context",
      deploymentPatch({
        containers: [{ name: "app", image: "rg.fr-par.scw.cloud/acme/shop:2.0.0" }],
      }),
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test("fails a patch that sets runAsUser: 0", async () => {
    const patch = deploymentPatch({
      containers: [{ name: "app", securityContext: { runAsUser: 0 } }],
    });
    expect((await validate(policy, patch)).violations).toEqual([
      'container "app" (containers[0]) runs as root (runAsUser: 0)',
    ]);
  });

  test("leaves a value unknown during preview to the engine", async () => {
    const outcome = await validate(policy, deploymentWith({ securityContext: UNKNOWN }));
    expect(outcome.deferred).toContain("can't run policy 'workload-container-enforce-non-root'");
  });
});
