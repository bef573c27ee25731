import { describe, expect, test } from "vitest";
import {
  parseImage,
  workloadImageDisallowLatestTag as policy,
} from "../../../../policies/rules/workload/disallow-latest-tag";
import { UNKNOWN, validate } from "../../fixtures/args";
import {
  deploymentPatch,
  deploymentWith,
  ephemeralContainer,
  initContainer,
  podSpec,
  POD_KIND_NAMES,
  workload,
} from "../../fixtures/workloads";

const DIGEST = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

describe("parseImage", () => {
  test.each([
    ["nginx", { repository: "nginx", tag: undefined, digest: undefined }],
    ["nginx:1.27", { repository: "nginx", tag: "1.27", digest: undefined }],
    [
      "registry.local:5000/team/app",
      { repository: "registry.local:5000/team/app", tag: undefined, digest: undefined },
    ],
    [
      "registry.local:5000/team/app:2.1",
      { repository: "registry.local:5000/team/app", tag: "2.1", digest: undefined },
    ],
    [
      `rg.fr-par.scw.cloud/acme/shop:latest@${DIGEST}`,
      { repository: "rg.fr-par.scw.cloud/acme/shop", tag: "latest", digest: DIGEST },
    ],
    [
      `rg.fr-par.scw.cloud/acme/shop@${DIGEST}`,
      { repository: "rg.fr-par.scw.cloud/acme/shop", tag: undefined, digest: DIGEST },
    ],
  ])("splits %s", (image, expected) => {
    expect(parseImage(image)).toEqual(expected);
  });
});

describe("workloadImageDisallowLatestTag", () => {
  test.each(POD_KIND_NAMES)("passes a compliant %s", async (kind) => {
    expect(await validate(policy, workload(kind))).toEqual({ violations: [] });
  });

  test.each([
    [
      "the image has no tag",
      { image: "rg.fr-par.scw.cloud/acme/shop" },
      'container "app" (containers[0]) image "rg.fr-par.scw.cloud/acme/shop" has no tag, so it pulls "latest"',
    ],
    [
      "the image uses latest",
      { image: "rg.fr-par.scw.cloud/acme/shop:latest" },
      'container "app" (containers[0]) image "rg.fr-par.scw.cloud/acme/shop:latest" uses the mutable tag "latest"',
    ],
    [
      "a registry port is mistaken for nothing",
      { image: "harbor.example.eu:8443/acme/shop" },
      'container "app" (containers[0]) image "harbor.example.eu:8443/acme/shop" has no tag, so it pulls "latest"',
    ],
    [
      "the container sets no image",
      { image: undefined },
      'container "app" (containers[0]) sets no image',
    ],
    ["the image is empty", { image: " " }, 'container "app" (containers[0]) sets no image'],
  ])("fails when %s", async (_case, overrides, expected) => {
    expect((await validate(policy, deploymentWith(overrides))).violations).toEqual([expected]);
  });

  test.each([
    [
      "an init container",
      podSpec({ initContainers: [initContainer({ image: "busybox" })] }),
      'container "migrate" (initContainers[0]) image "busybox" has no tag, so it pulls "latest"',
    ],
    [
      "an ephemeral container",
      podSpec({ ephemeralContainers: [ephemeralContainer({ image: "busybox:latest" })] }),
      'container "debug" (ephemeralContainers[0]) image "busybox:latest" uses the mutable tag "latest"',
    ],
  ])("fails when %s uses a mutable image", async (_case, spec, expected) => {
    expect((await validate(policy, workload("Pod", spec))).violations).toEqual([expected]);
  });

  test.each([
    [
      "a digest-pinned image without a tag",
      deploymentWith({ image: `rg.fr-par.scw.cloud/acme/shop@${DIGEST}` }),
    ],
    [
      "a digest-pinned image tagged latest (the digest decides)",
      deploymentWith({ image: `rg.fr-par.scw.cloud/acme/shop:latest@${DIGEST}` }),
    ],
    [
      "a version tag on a registry with a port",
      deploymentWith({ image: "harbor.example.eu:8443/acme/shop:1.4.2" }),
    ],
    [
      "a patch that does not touch the image",
      deploymentPatch({ containers: [{ name: "app", env: [] }] }),
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test("fails a tag the config disallows", async () => {
    const config = { [policy.name]: { disallowedTags: ["latest", "stable"] } };
    expect(
      (
        await validate(
          policy,
          deploymentWith({ image: "rg.fr-par.scw.cloud/acme/shop:stable" }),
          config,
        )
      ).violations,
    ).toEqual([
      'container "app" (containers[0]) image "rg.fr-par.scw.cloud/acme/shop:stable" uses the mutable tag "stable"',
    ]);
  });

  test("fails a tagged image when the config requires digests", async () => {
    const config = { [policy.name]: { requireDigest: true } };
    expect((await validate(policy, workload(), config)).violations).toEqual([
      'container "app" (containers[0]) image "rg.fr-par.scw.cloud/acme/shop:1.4.2" is not pinned by digest (@sha256:…)',
    ]);
  });

  test("leaves an image unknown during preview to the engine", async () => {
    const outcome = await validate(policy, deploymentWith({ image: UNKNOWN }));
    expect(outcome.violations).toEqual([]);
    expect(outcome.deferred).toContain("can't run policy 'workload-image-disallow-latest-tag'");
  });
});
