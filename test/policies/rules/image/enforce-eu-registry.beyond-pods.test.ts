import { describe, expect, test } from "vitest";
import { imageContainerEnforceEuRegistry as policy } from "../../../../policies/rules/image/enforce-eu-registry";
import { SECRET_PLACEHOLDER } from "../../../../domain/offline-placeholders";
import { defaultProvider, UNKNOWN, validate, type ResourceSpec } from "../../fixtures/args";
import { EU_IMAGES, EU_KUBE_PROVIDER, podSpec } from "../../fixtures/kubernetes";
import { deferred, OFFLINE_UNKNOWN, PREVIEW_UNKNOWN } from "../../fixtures/messages";

const NAME = "image-container-enforce-eu-registry";
const FIX =
  "Push the image to an EU registry (Scaleway rg.<region>.scw.cloud, OVHcloud <id>.<cluster>.<region>.container-registry.ovh.net, STACKIT registry.onstackit.cloud) and reference it there, or list your own EU registry in allowedRegistries in this policy's config.";
const US = "(seat US, subject to the US CLOUD Act), which is not an EU vendor.";
const HUB = `(registry 'docker.io') is Docker Hub ${US} ${FIX}`;
const IMPLIED_HUB = `(registry 'docker.io': a name without a registry host means Docker Hub) is Docker Hub ${US} ${FIX}`;
const MIRROR = "rg.fr-par.scw.cloud/mirror";

const k8s = (type: string, props: Record<string, unknown>): ResourceSpec => ({
  type,
  props,
  provider: EU_KUBE_PROVIDER,
});
const release = (values: unknown) =>
  k8s("kubernetes:helm.sh/v3:Release", { chart: `oci://${MIRROR}/charts/redis`, values });
const scw = (type: string, props: Record<string, unknown>): ResourceSpec => ({
  type,
  props,
  provider: defaultProvider("scaleway", { region: "fr-par" }),
});
const template = (spec: Record<string, unknown>) => ({
  metadata: { labels: { app: "shop" } },
  spec,
});

describe("image-container-enforce-eu-registry beyond built-in pods", () => {
  describe("passes ordinary EU programs", () => {
    test.each<[string, ResourceSpec]>([
      [
        "a Helm release whose values point every image at an EU mirror",
        release({
          global: { imageRegistry: "rg.fr-par.scw.cloud" },
          image: { repository: "mirror/redis", tag: "7.2" },
        }),
      ],
      [
        "ingress-nginx values naming the registry and image apart",
        release({
          controller: { image: { registry: MIRROR, image: "ingress-nginx/controller", tag: "v1" } },
        }),
      ],
      ["a Helm release that only sets a tag", release({ image: { tag: "7.2.5" }, replicas: 2 })],
      ["a Helm release without values", k8s("kubernetes:helm.sh/v3:Release", { chart: "./chart" })],
      [
        "a Helm v4 chart with an EU image string",
        k8s("kubernetes:helm.sh/v4:Chart", { chart: "./chart", values: { image: EU_IMAGES.ovh } }),
      ],
      [
        "a Flux HelmRelease with EU values",
        k8s("kubernetes:helm.toolkit.fluxcd.io/v2:HelmRelease", {
          spec: { values: { image: { registry: MIRROR, repository: "app" } } },
        }),
      ],
      [
        "an Argo Rollout on an EU registry",
        k8s("kubernetes:argoproj.io/v1alpha1:Rollout", {
          spec: { template: template(podSpec()) },
        }),
      ],
      [
        "an Argo Rollout that references a Deployment's template",
        k8s("kubernetes:argoproj.io/v1alpha1:Rollout", {
          spec: { workloadRef: { apiVersion: "apps/v1", kind: "Deployment", name: "shop" } },
        }),
      ],
      [
        "a Knative Service on an EU registry",
        k8s("kubernetes:serving.knative.dev/v1:Service", {
          spec: { template: template(podSpec()) },
        }),
      ],
      [
        "a Scaleway Serverless Container from Scaleway's registry",
        scw("scaleway:containers/container:Container", { registryImage: EU_IMAGES.scaleway }),
      ],
      [
        "a Scaleway job definition from Scaleway's registry",
        scw("scaleway:job/definition:Definition", { imageUri: EU_IMAGES.scaleway }),
      ],
    ])("passes %s", async (_name, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    });
  });

  describe("blocks images outside the EU", () => {
    test("fails when Helm values name a Docker Hub repository", async () => {
      expect(
        await validate(policy, release({ image: { repository: "bitnami/redis", tag: "7.2" } })),
      ).toEqual({
        violations: [`values.image image 'bitnami/redis:7.2' ${IMPLIED_HUB}`],
      });
    });

    test("fails when global.imageRegistry points every image at Docker Hub", async () => {
      const values = {
        global: { imageRegistry: "docker.io" },
        image: { repository: "bitnami/redis" },
      };
      expect(await validate(policy, release(values))).toEqual({
        violations: [
          `values.image image 'docker.io/bitnami/redis' ${HUB}`,
          `values.global.imageRegistry 'docker.io' ${HUB}`,
        ],
      });
    });

    test("fails when a nested sidecar image string comes from GHCR", async () => {
      const values = { metrics: { exporterImage: "ghcr.io/acme/exporter:1" } };
      expect(await validate(policy, release(values))).toEqual({
        violations: [
          `values.metrics.exporterImage image 'ghcr.io/acme/exporter:1' (registry 'ghcr.io') is GitHub Container Registry, run by GitHub ${US} ${FIX}`,
        ],
      });
    });

    test("fails when a Flux HelmRelease's values name Quay", async () => {
      const spec = k8s("kubernetes:helm.toolkit.fluxcd.io/v2beta2:HelmRelease", {
        spec: { values: { image: { registry: "quay.io", repository: "acme/app" } } },
      });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          `spec.values.image image 'quay.io/acme/app' (registry 'quay.io') is Quay, run by Red Hat (Quay) ${US} ${FIX}`,
        ],
      });
    });

    test("fails when an Argo Rollout pulls from Docker Hub", async () => {
      const spec = k8s("kubernetes:argoproj.io/v1alpha1:Rollout", {
        spec: { template: template({ containers: [{ name: "web", image: "nginx:1.27" }] }) },
      });
      expect(await validate(policy, spec)).toEqual({
        violations: [`containers[0] 'web' image 'nginx:1.27' ${IMPLIED_HUB}`],
      });
    });

    test("fails when an Argo Rollout has neither a template nor a workloadRef", async () => {
      expect(
        await validate(policy, k8s("kubernetes:argoproj.io/v1alpha1:Rollout", { spec: {} })),
      ).toEqual({
        violations: [
          "Rollout has no pod spec, so its images cannot be placed. Declare its containers.",
        ],
      });
    });

    test("fails when a KEDA ScaledJob pulls from Docker Hub", async () => {
      const spec = k8s("kubernetes:keda.sh/v1alpha1:ScaledJob", {
        spec: {
          jobTargetRef: { template: { spec: { containers: [{ name: "w", image: "busybox" }] } } },
        },
      });
      expect(await validate(policy, spec)).toEqual({
        violations: [`containers[0] 'w' image 'busybox' ${IMPLIED_HUB}`],
      });
    });

    test.each([
      ["scaleway:containers/container:Container", "image"],
      ["scaleway:containers/container:Container", "registryImage"],
      ["scaleway:index/container:Container", "image"],
      ["scaleway:job/definition:Definition", "imageUri"],
      ["scaleway:index/jobDefinition:JobDefinition", "imageUri"],
    ])("fails when a %s %s pulls from Docker Hub", async (type, field) => {
      expect(
        await validate(policy, scw(type, { [field]: "docker.io/library/nginx:1.27" })),
      ).toEqual({
        violations: [`${field} image 'docker.io/library/nginx:1.27' ${HUB}`],
      });
    });
  });

  describe("leaves values it cannot know yet to the engine", () => {
    test("defers an image repository computed by another resource", async () => {
      expect(
        await validate(policy, release({ image: { registry: UNKNOWN, repository: "app" } })),
      ).toEqual({
        violations: [],
        deferred: deferred(NAME, `values.image.registry is ${PREVIEW_UNKNOWN}`),
      });
    });

    test("defers a registry the offline engine could not decrypt, judging the rest", async () => {
      const values = {
        image: { registry: SECRET_PLACEHOLDER, repository: "app" },
        sidecar: { image: "ghcr.io/acme/sidecar:1" },
      };
      expect(await validate(policy, release(values))).toEqual({
        violations: [
          `values.sidecar.image image 'ghcr.io/acme/sidecar:1' (registry 'ghcr.io') is GitHub Container Registry, run by GitHub ${US} ${FIX}`,
        ],
        deferred: deferred(NAME, `values.image.registry is ${OFFLINE_UNKNOWN}`),
      });
    });
  });
});
