import { describe, expect, test } from "vitest";
import { workloadContainerDisallowPrivileged as policy } from "../../../../policies/rules/workload/disallow-privileged";
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

const privileged = { securityContext: { ...HARDENED, privileged: true } };

describe("workloadContainerDisallowPrivileged", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each([
    [
      "a regular container",
      podSpec({ containers: [container(privileged)] }),
      'container "app" (containers[0]) sets securityContext.privileged: true',
    ],
    [
      "an init container",
      podSpec({ initContainers: [initContainer(privileged)] }),
      'container "migrate" (initContainers[0]) sets securityContext.privileged: true',
    ],
    [
      "an ephemeral container",
      podSpec({ ephemeralContainers: [ephemeralContainer(privileged)] }),
      'container "debug" (ephemeralContainers[0]) sets securityContext.privileged: true',
    ],
  ])("fails when %s runs privileged", async (_case, spec, expected) => {
    expect((await validate(policy, workload("DaemonSet", spec))).violations).toEqual([expected]);
  });

  test("fails a patch that turns privileged on", async () => {
    expect(
      (await validate(policy, deploymentPatch({ containers: [{ name: "app", ...privileged }] })))
        .violations,
    ).toEqual(['container "app" (containers[0]) sets securityContext.privileged: true']);
  });

  test.each([
    [
      "a container without a security context (privileged defaults to false)",
      deploymentWith({ securityContext: undefined }),
    ],
    ["privileged: false", deploymentWith({ securityContext: { ...HARDENED, privileged: false } })],
  ])("passes %s", async (_case, spec) => {
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test("leaves a value unknown during preview to the engine", async () => {
    const outcome = await validate(policy, deploymentWith({ securityContext: UNKNOWN }));
    expect(outcome.deferred).toContain("can't run policy 'workload-container-disallow-privileged'");
  });
});
