import { describe, expect, test } from "vitest";
import { imageHelmEnforceEuChartSource as policy } from "../../../../policies/rules/image/enforce-eu-chart-source";
import { UNKNOWN, validate } from "../../fixtures/args";
import { EU_KUBE_PROVIDER } from "../../fixtures/kubernetes";
import { deferred, PREVIEW_UNKNOWN } from "../../fixtures/messages";

const NAME = "image-helm-enforce-eu-chart-source";
const FIX =
  "Push the chart to an EU OCI registry (e.g. oci://rg.<region>.scw.cloud/<namespace>/charts) and set chart to that oci:// address, or list your own EU chart source in allowedRepositories in this policy's config.";
const US = "(seat US, subject to the US CLOUD Act), which is not an EU vendor.";

const release = (props: Record<string, unknown>, type = "kubernetes:helm.sh/v3:Release") => ({
  type,
  props: { name: "ingress", namespace: "ingress", version: "4.12.1", ...props },
  provider: EU_KUBE_PROVIDER,
});

describe("image-helm-enforce-eu-chart-source", () => {
  test.each<[string, Record<string, unknown>, string?]>([
    [
      "an oci:// chart on Scaleway's registry",
      { chart: "oci://rg.fr-par.scw.cloud/mirror/charts/ingress-nginx" },
    ],
    [
      "a chart from an OCI repository on OVHcloud's registry",
      {
        chart: "ingress-nginx",
        repositoryOpts: { repo: "oci://x1.c1.gra7.container-registry.ovh.net/charts" },
      },
    ],
    ["a chart packaged with the program", { chart: "./charts/shop" }],
    [
      "a v4 Chart on an EU registry",
      { chart: "oci://registry.onstackit.cloud/acme/charts/shop" },
      "kubernetes:helm.sh/v4:Chart",
    ],
  ])("passes %s", async (_case, props, type) => {
    expect(await validate(policy, release(props, type))).toEqual({ violations: [] });
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      "an oci:// chart on Docker Hub",
      { chart: "oci://registry-1.docker.io/bitnamicharts/redis" },
      `chart source 'oci://registry-1.docker.io/bitnamicharts/redis' (host 'registry-1.docker.io') is Docker Hub ${US} ${FIX}`,
    ],
    [
      "a chart from GHCR through repositoryOpts",
      { chart: "cert-manager", repositoryOpts: { repo: "oci://ghcr.io/acme/charts" } },
      `chart source 'oci://ghcr.io/acme/charts' (host 'ghcr.io') is GitHub Container Registry, run by GitHub ${US} ${FIX}`,
    ],
    [
      "an HTTP chart repository the catalog does not know",
      {
        chart: "ingress-nginx",
        repositoryOpts: { repo: "https://kubernetes.github.io/ingress-nginx" },
      },
      `chart source 'https://kubernetes.github.io/ingress-nginx' (host 'kubernetes.github.io') cannot be placed: host 'kubernetes.github.io' matches no pattern in the catalog (config/catalog/hosts.ts). ${FIX}`,
    ],
    [
      "a repository alias, resolved outside the program",
      { chart: "bitnami/redis" },
      `chart 'bitnami/redis' names a Helm repository alias ('bitnami'), resolved from the Helm configuration of the machine that runs Pulumi, which no policy can see. ${FIX}`,
    ],
    [
      "a bare chart name",
      { chart: "redis" },
      `chart 'redis' names no repository: Helm looks it up in a local chart directory or the machine's Helm configuration, which no policy can see. ${FIX}`,
    ],
    [
      "no chart at all",
      {},
      `the release names no chart, so where it comes from cannot be placed. ${FIX}`,
    ],
  ])("blocks %s", async (_case, props, message) => {
    expect(await validate(policy, release(props))).toEqual({ violations: [message] });
  });

  test.each<[string, string[], Record<string, unknown>]>([
    [
      "a host entry",
      ["charts.example.eu"],
      { chart: "shop", repositoryOpts: { repo: "https://charts.example.eu" } },
    ],
    [
      "a host/path entry",
      ["harbor.example.eu/charts"],
      { chart: "oci://harbor.example.eu/charts/shop" },
    ],
  ])(
    "passes a source allowed by %s in allowedRepositories",
    async (_case, allowedRepositories, props) => {
      expect(await validate(policy, release(props), { [NAME]: { allowedRepositories } })).toEqual({
        violations: [],
      });
    },
  );

  test("a host/path entry does not admit a sibling path", async () => {
    const props = { chart: "oci://harbor.example.eu/charts-b/shop" };
    const outcome = await validate(policy, release(props), {
      [NAME]: { allowedRepositories: ["harbor.example.eu/charts"] },
    });
    expect(outcome.violations).toHaveLength(1);
  });

  test("defers a chart computed by another resource", async () => {
    expect(await validate(policy, release({ chart: UNKNOWN }))).toEqual({
      violations: [],
      deferred: deferred(NAME, `chart is ${PREVIEW_UNKNOWN}`),
    });
  });

  test("says a Kubernetes object fetches no chart", async () => {
    const outcome = await validate(policy, {
      type: "kubernetes:core/v1:ConfigMap",
      props: { data: {} },
      provider: EU_KUBE_PROVIDER,
    });
    expect(outcome).toEqual({
      violations: [],
      notApplicable: "only Helm releases and Flux sources fetch a chart",
    });
  });
});

describe("image-helm-enforce-eu-chart-source on Flux sources", () => {
  const source = (kind: string, url: string | undefined, version = "v1") => ({
    type: `kubernetes:source.toolkit.fluxcd.io/${version}:${kind}`,
    props: { spec: { interval: "10m", ...(url === undefined ? {} : { url }) } },
    provider: EU_KUBE_PROVIDER,
  });

  test.each([
    ["HelmRepository", "oci://rg.fr-par.scw.cloud/mirror/charts"],
    ["OCIRepository", "oci://registry.onstackit.cloud/acme/manifests"],
  ])("passes a Flux %s on an EU registry", async (kind, url) => {
    expect(await validate(policy, source(kind, url))).toEqual({ violations: [] });
  });

  test("fails when a Flux HelmRepository fetches from Docker Hub", async () => {
    const url = "oci://registry-1.docker.io/bitnamicharts";
    expect(await validate(policy, source("HelmRepository", url))).toEqual({
      violations: [
        `chart source '${url}' (host 'registry-1.docker.io') is Docker Hub ${US} ${FIX}`,
      ],
    });
  });

  test("fails when a Flux OCIRepository fetches from GHCR", async () => {
    const url = "oci://ghcr.io/stefanprodan/manifests/podinfo";
    expect(await validate(policy, source("OCIRepository", url, "v1beta2"))).toEqual({
      violations: [
        `chart source '${url}' (host 'ghcr.io') is GitHub Container Registry, run by GitHub ${US} ${FIX}`,
      ],
    });
  });

  test("fails when a Flux GitRepository names a host the catalog cannot place", async () => {
    const url = "ssh://git@github.com/acme/deploy";
    expect(await validate(policy, source("GitRepository", url))).toEqual({
      violations: [
        `chart source '${url}' (host 'github.com') cannot be placed: host 'github.com' matches no pattern in the catalog (config/catalog/hosts.ts). ${FIX}`,
      ],
    });
  });

  test("fails when a Flux source names no URL", async () => {
    expect(await validate(policy, source("HelmRepository", undefined))).toEqual({
      violations: [
        `the source names no spec.url, so where it fetches from cannot be placed. ${FIX}`,
      ],
    });
  });
});
