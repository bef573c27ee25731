import { describe, expect, test } from "vitest";
import { imageContainerEnforceEuRegistry as policy } from "../../../../policies/rules/image/enforce-eu-registry";
import { UNKNOWN, UNKNOWN_ARRAY, validate, type ResourceSpec } from "../../fixtures/args";
import {
  EU_IMAGES,
  EU_KUBE_PROVIDER,
  POD_KINDS,
  podObject,
  podSpec,
} from "../../fixtures/kubernetes";
import { deferred, OVH_EU_SITES, PREVIEW_UNKNOWN } from "../../fixtures/messages";

const NAME = "image-container-enforce-eu-registry";
const KINDS = Object.keys(POD_KINDS);
const FIX =
  "Push the image to an EU registry (Scaleway rg.<region>.scw.cloud, OVHcloud <id>.<cluster>.<region>.container-registry.ovh.net, STACKIT registry.onstackit.cloud) and reference it there, or list your own EU registry in allowedRegistries in this policy's config.";
const US = "(seat US, subject to the US CLOUD Act), which is not an EU vendor.";
const SPEC_PATH: Readonly<Record<string, string>> = {
  Pod: "spec",
  CronJob: "spec.jobTemplate.spec.template.spec",
};
const specPath = (kind: string) => SPEC_PATH[kind] ?? "spec.template.spec";

const FOREIGN: readonly [string, string, string][] = [
  [
    "Docker Hub (unqualified)",
    "nginx:1.27",
    `(registry 'docker.io': a name without a registry host means Docker Hub) is Docker Hub ${US}`,
  ],
  [
    "Docker Hub (explicit)",
    "docker.io/library/postgres:16",
    `(registry 'docker.io') is Docker Hub ${US}`,
  ],
  [
    "Docker Hub (user repository)",
    "bitnami/redis:7.2",
    `(registry 'docker.io': a name without a registry host means Docker Hub) is Docker Hub ${US}`,
  ],
  [
    "ECR",
    "123456789012.dkr.ecr.eu-west-3.amazonaws.com/shop/api:1.4.2",
    `(registry '123456789012.dkr.ecr.eu-west-3.amazonaws.com') is Amazon ECR, run by Amazon Web Services ${US}`,
  ],
  [
    "Artifact Registry (Europe)",
    "europe-docker.pkg.dev/acme/shop/api:1.4.2",
    `(registry 'europe-docker.pkg.dev') is Google Container / Artifact Registry, run by Google Cloud ${US}`,
  ],
  [
    "GHCR",
    "ghcr.io/acme/api:1.4.2",
    `(registry 'ghcr.io') is GitHub Container Registry, run by GitHub ${US}`,
  ],
  [
    "Quay",
    "quay.io/prometheus/node-exporter:v1.8.0",
    `(registry 'quay.io') is Quay, run by Red Hat (Quay) ${US}`,
  ],
  [
    "ACR",
    "acme.azurecr.io/api:1",
    `(registry 'acme.azurecr.io') is Microsoft / Azure Container Registry, run by Microsoft Azure ${US}`,
  ],
  [
    "registry.k8s.io",
    "registry.k8s.io/pause:3.9",
    `(registry 'registry.k8s.io') is Kubernetes project registry ${US}`,
  ],
];

describe("image-container-enforce-eu-registry", () => {
  describe("passes EU registries", () => {
    test.each(
      KINDS.flatMap((kind) =>
        Object.entries(EU_IMAGES).map(([registry, image]) => [kind, registry, image] as const),
      ),
    )("passes a %s whose containers come from %s", async (kind, _registry, image) => {
      expect(
        await validate(
          policy,
          podObject(kind, podSpec({ app: image, init: image, ephemeral: image })),
        ),
      ).toEqual({ violations: [] });
    });

    test.each<[string, string[], string]>([
      ["a host entry", ["harbor.example.eu"], "harbor.example.eu/shop/api:1"],
      ["a host with a port", ["harbor.example.eu"], "harbor.example.eu:5000/shop/api:1"],
      ["a *.domain entry", ["*.example.eu"], "registry.prod.example.eu/shop/api:1"],
      ["a host/path entry", ["registry.example.eu/platform"], "registry.example.eu/platform/api:1"],
    ])(
      "passes an image allowed by %s in allowedRegistries",
      async (_name, allowedRegistries, image) => {
        const spec = podObject("Deployment", podSpec({ app: image }));
        expect(await validate(policy, spec, { [NAME]: { allowedRegistries } })).toEqual({
          violations: [],
        });
      },
    );

    test.each<[string, ResourceSpec]>([
      [
        "a DeploymentPatch that sets no image",
        {
          type: "kubernetes:apps/v1:DeploymentPatch",
          props: { spec: { replicas: 3 } },
          provider: EU_KUBE_PROVIDER,
        },
      ],
      [
        "a CloudNativePG cluster on an EU mirror",
        {
          type: "kubernetes:postgresql.cnpg.io/v1:Cluster",
          props: {
            spec: { instances: 2, imageName: "rg.fr-par.scw.cloud/mirror/postgresql:16.4" },
          },
          provider: EU_KUBE_PROVIDER,
        },
      ],
      [
        "a CloudNativePG cluster using an image catalog",
        {
          type: "kubernetes:postgresql.cnpg.io/v1:Cluster",
          props: {
            spec: {
              instances: 2,
              imageCatalogRef: { kind: "ImageCatalog", name: "pg", major: 16 },
            },
          },
          provider: EU_KUBE_PROVIDER,
        },
      ],
      [
        "a CloudNativePG image catalog on an EU mirror",
        {
          type: "kubernetes:postgresql.cnpg.io/v1:ImageCatalog",
          props: {
            spec: { images: [{ major: 16, image: "rg.nl-ams.scw.cloud/mirror/postgresql:16.4" }] },
          },
          provider: EU_KUBE_PROVIDER,
        },
      ],
    ])("passes %s", async (_name, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    });

    test.each<[string, ResourceSpec]>([
      [
        "a Service",
        { type: "kubernetes:core/v1:Service", props: { spec: {} }, provider: EU_KUBE_PROVIDER },
      ],
      [
        "a ConfigMap with an image-like value",
        {
          type: "kubernetes:core/v1:ConfigMap",
          props: { data: { image: "nginx" } },
          provider: EU_KUBE_PROVIDER,
        },
      ],
      [
        "a Scaleway registry namespace",
        { type: "scaleway:registry/namespace:Namespace", props: { region: "fr-par" } },
      ],
    ])("is not applicable to %s", async (_name, spec) => {
      expect(await validate(policy, spec)).toEqual({
        violations: [],
        notApplicable:
          "only pod-bearing kinds, custom kinds with image fields and kinds with Helm values",
      });
    });
  });

  describe("blocks registries outside the EU", () => {
    test.each(FOREIGN)("fails when a Deployment pulls from %s", async (_name, image, reason) => {
      expect(await validate(policy, podObject("Deployment", podSpec({ app: image })))).toEqual({
        violations: [`containers[0] 'app' image '${image}' ${reason} ${FIX}`],
      });
    });

    test.each(FOREIGN)(
      "fails when a CronJob's init container pulls from %s",
      async (_name, image, reason) => {
        expect(await validate(policy, podObject("CronJob", podSpec({ init: image })))).toEqual({
          violations: [`initContainers[0] 'migrate' image '${image}' ${reason} ${FIX}`],
        });
      },
    );

    test.each(KINDS)("fails when a %s's ephemeral container comes from GHCR", async (kind) => {
      expect(
        await validate(policy, podObject(kind, podSpec({ ephemeral: "ghcr.io/acme/debug:1" }))),
      ).toEqual({
        violations: [
          `ephemeralContainers[0] 'debug' image 'ghcr.io/acme/debug:1' (registry 'ghcr.io') is GitHub Container Registry, run by GitHub ${US} ${FIX}`,
        ],
      });
    });

    test("fails when a host/path entry is matched only as a prefix of another path", async () => {
      const spec = podObject(
        "Deployment",
        podSpec({ app: "registry.example.eu/platform-b/api:1" }),
      );
      expect(
        await validate(policy, spec, {
          [NAME]: { allowedRegistries: ["registry.example.eu/platform"] },
        }),
      ).toEqual({
        violations: [
          `containers[0] 'app' image 'registry.example.eu/platform-b/api:1' (registry 'registry.example.eu') cannot be placed: host 'registry.example.eu' matches no pattern in the catalog (config/catalog/hosts.ts). ${FIX}`,
        ],
      });
    });

    test("fails when a look-alike host ends with an EU registry's name", async () => {
      const image = "rg.fr-par.scw.cloud.evil.example/shop/api:1";
      expect(await validate(policy, podObject("Pod", podSpec({ app: image })))).toEqual({
        violations: [
          `containers[0] 'app' image '${image}' (registry 'rg.fr-par.scw.cloud.evil.example') cannot be placed: host 'rg.fr-par.scw.cloud.evil.example' matches no pattern in the catalog (config/catalog/hosts.ts). ${FIX}`,
        ],
      });
    });

    test("fails when an OVHcloud registry is in Beauharnois", async () => {
      const image = "k7x2q9.c1.bhs5.container-registry.ovh.net/shop/api:1";
      expect(await validate(policy, podObject("Deployment", podSpec({ app: image })))).toEqual({
        violations: [
          `containers[0] 'app' image '${image}' (registry 'k7x2q9.c1.bhs5.container-registry.ovh.net') (OVHcloud Managed Private Registry, site 'bhs5') is Beauharnois, CA (ADEQUACY), outside the allowed group 'eu'. Use one of ${OVH_EU_SITES}, or widen allowedGroup in this policy's config.`,
        ],
      });
    });

    test("fails when a CloudNativePG cluster leaves the image to the operator's GHCR default", async () => {
      const spec: ResourceSpec = {
        type: "kubernetes:postgresql.cnpg.io/v1:Cluster",
        props: { spec: { instances: 2 } },
        provider: EU_KUBE_PROVIDER,
      };
      expect(await validate(policy, spec)).toEqual({
        violations: [
          `spec.imageName is unset, so the operator's default image 'ghcr.io/cloudnative-pg/postgresql' applies; its registry 'ghcr.io' is GitHub Container Registry, run by GitHub ${US} ${FIX}`,
        ],
      });
    });

    test("fails when a CloudNativePG pooler leaves PgBouncer to the operator's GHCR default", async () => {
      const spec: ResourceSpec = {
        type: "kubernetes:postgresql.cnpg.io/v1:Pooler",
        props: { spec: { cluster: { name: "db" }, instances: 2, type: "rw" } },
        provider: EU_KUBE_PROVIDER,
      };
      expect(await validate(policy, spec)).toEqual({
        violations: [
          `spec.template.spec is unset, so the operator's default image 'ghcr.io/cloudnative-pg/pgbouncer' applies; its registry 'ghcr.io' is GitHub Container Registry, run by GitHub ${US} ${FIX}`,
        ],
      });
    });

    test("judges the PgBouncer image a CloudNativePG pooler's template names", async () => {
      const pooler = (image: string): ResourceSpec => ({
        type: "kubernetes:postgresql.cnpg.io/v1:Pooler",
        props: {
          spec: {
            cluster: { name: "db" },
            template: { spec: { containers: [{ name: "pgbouncer", image }] } },
          },
        },
        provider: EU_KUBE_PROVIDER,
      });
      const eu = await validate(policy, pooler("rg.fr-par.scw.cloud/mirror/pgbouncer:1.23.0"));
      const hub = await validate(policy, pooler("bitnami/pgbouncer:1.23.0"));
      expect([eu.violations, hub.violations]).toEqual([
        [],
        [
          `spec.template.spec.containers[0].image image 'bitnami/pgbouncer:1.23.0' (registry 'docker.io': a name without a registry host means Docker Hub) is Docker Hub ${US} ${FIX}`,
        ],
      ]);
    });

    test("fails when a CloudNativePG cluster names a Docker Hub image", async () => {
      const spec: ResourceSpec = {
        type: "kubernetes:postgresql.cnpg.io/v1:Cluster",
        props: { spec: { imageName: "postgres:16" } },
        provider: EU_KUBE_PROVIDER,
      };
      expect(await validate(policy, spec)).toEqual({
        violations: [
          `spec.imageName image 'postgres:16' (registry 'docker.io': a name without a registry host means Docker Hub) is Docker Hub ${US} ${FIX}`,
        ],
      });
    });

    test("fails when a container has no image", async () => {
      const spec = podObject("Deployment", { containers: [{ name: "app" }] });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          "containers[0] 'app' has no image, so its registry cannot be placed. Set the image.",
        ],
      });
    });

    test("fails when a Deployment has no pod spec", async () => {
      const spec: ResourceSpec = {
        type: "kubernetes:apps/v1:Deployment",
        props: { spec: { replicas: 1 } },
        provider: EU_KUBE_PROVIDER,
      };
      expect(await validate(policy, spec)).toEqual({
        violations: [
          "Deployment has no pod spec, so its images cannot be placed. Declare its containers.",
        ],
      });
    });

    test("fails when a DeploymentPatch sets a Docker Hub image", async () => {
      const spec: ResourceSpec = {
        type: "kubernetes:apps/v1:DeploymentPatch",
        props: { spec: { template: { spec: { containers: [{ name: "app", image: "nginx" }] } } } },
        provider: EU_KUBE_PROVIDER,
      };
      expect(await validate(policy, spec)).toEqual({
        violations: [
          `containers[0] 'app' image 'nginx' (registry 'docker.io': a name without a registry host means Docker Hub) is Docker Hub ${US} ${FIX}`,
        ],
      });
    });
  });

  describe("leaves values it cannot know yet to the engine", () => {
    test.each(KINDS)("defers a %s image computed by another resource", async (kind) => {
      expect(await validate(policy, podObject(kind, podSpec({ app: UNKNOWN })))).toEqual({
        violations: [],
        deferred: deferred(NAME, `${specPath(kind)}.containers[0].image is ${PREVIEW_UNKNOWN}`),
      });
    });

    test("reports known images and defers an unknown container list", async () => {
      const spec = podObject("Deployment", {
        containers: UNKNOWN_ARRAY,
        initContainers: [{ name: "migrate", image: "ghcr.io/a/b:1" }],
      });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          `initContainers[0] 'migrate' image 'ghcr.io/a/b:1' (registry 'ghcr.io') is GitHub Container Registry, run by GitHub ${US} ${FIX}`,
        ],
        deferred: deferred(NAME, `spec.template.spec.containers is ${PREVIEW_UNKNOWN}`),
      });
    });
  });
});
