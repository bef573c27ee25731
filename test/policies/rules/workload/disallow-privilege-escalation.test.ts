import { describe, expect, test } from "vitest";
import { workloadContainerDisallowPrivilegeEscalation as policy } from "../../../../policies/rules/workload/disallow-privilege-escalation";
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

const { allowPrivilegeEscalation: _a, ...unstated } = HARDENED;

describe("workloadContainerDisallowPrivilegeEscalation", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each([
    [
      "the container allows escalation",
      deploymentWith({ securityContext: { ...HARDENED, allowPrivilegeEscalation: true } }),
      'container "app" (containers[0]) sets securityContext.allowPrivilegeEscalation: true',
    ],
    [
      "the container leaves it unset (Kubernetes then allows it)",
      deploymentWith({ securityContext: unstated }),
      'container "app" (containers[0]) does not set securityContext.allowPrivilegeEscalation: false',
    ],
    [
      "the container has no security context",
      deploymentWith({ securityContext: undefined }),
      'container "app" (containers[0]) does not set securityContext.allowPrivilegeEscalation: false',
    ],
    [
      "an init container leaves it unset",
      workload("Job", podSpec({ initContainers: [initContainer({ securityContext: unstated })] })),
      'container "migrate" (initContainers[0]) does not set securityContext.allowPrivilegeEscalation: false',
    ],
    [
      "an ephemeral container allows it",
      workload(
        "Pod",
        podSpec({
          ephemeralContainers: [
            ephemeralContainer({ securityContext: { allowPrivilegeEscalation: true } }),
          ],
        }),
      ),
      'container "debug" (ephemeralContainers[0]) sets securityContext.allowPrivilegeEscalation: true',
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect((await validate(policy, spec)).violations).toEqual([expected]);
  });

  test("passes a patch that does not state it", async () => {
    expect(
      await validate(
        policy,
        deploymentPatch({
          containers: [{ name: "app", image: "rg.fr-par.scw.cloud/acme/shop:2.0.0" }],
        }),
      ),
    ).toEqual({ violations: [] });
  });

  test("leaves a value unknown during preview to the engine", async () => {
    const outcome = await validate(policy, deploymentWith({ securityContext: UNKNOWN }));
    expect(outcome.deferred).toContain(
      "can't run policy 'workload-container-disallow-privilege-escalation'",
    );
  });
});
