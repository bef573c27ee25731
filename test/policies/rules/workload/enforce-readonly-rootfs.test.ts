import { describe, expect, test } from "vitest";
import { workloadContainerEnforceReadonlyRootfs as policy } from "../../../../policies/rules/workload/enforce-readonly-rootfs";
import { UNKNOWN, validate } from "../../fixtures/args";
import {
  deploymentPatch,
  deploymentWith,
  ephemeralContainer,
  HARDENED,
  initContainer,
  podSpec,
  POD_KIND_NAMES,
  workload,
} from "../../fixtures/workloads";

const { readOnlyRootFilesystem: _r, ...unstated } = HARDENED;

describe("workloadContainerEnforceReadonlyRootfs", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each([
    [
      "the container sets it false",
      deploymentWith({ securityContext: { ...HARDENED, readOnlyRootFilesystem: false } }),
      'container "app" (containers[0]) sets securityContext.readOnlyRootFilesystem: false',
    ],
    [
      "the container leaves it unset",
      deploymentWith({ securityContext: unstated }),
      'container "app" (containers[0]) does not set securityContext.readOnlyRootFilesystem: true',
    ],
    [
      "an init container leaves it unset",
      workload(
        "CronJob",
        podSpec({ initContainers: [initContainer({ securityContext: unstated })] }),
      ),
      'container "migrate" (initContainers[0]) does not set securityContext.readOnlyRootFilesystem: true',
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect((await validate(policy, spec)).violations).toEqual([expected]);
  });

  test.each([
    [
      "an ephemeral debug container with a writable root",
      workload("Pod", podSpec({ ephemeralContainers: [ephemeralContainer()] })),
    ],
    [
      "a patch that does not state it",
      deploymentPatch({
        containers: [{ name: "app", image: "rg.fr-par.scw.cloud/acme/shop:2.0.0" }],
      }),
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test("leaves a value unknown during preview to the engine", async () => {
    const outcome = await validate(policy, deploymentWith({ securityContext: UNKNOWN }));
    expect(outcome.deferred).toContain(
      "can't run policy 'workload-container-enforce-readonly-rootfs'",
    );
  });
});
