import { describe, expect, test } from "vitest";
import { SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import { createPlacer, kubeconfigServerHost } from "../../../cli/engine/placement";
import { UNKNOWN, type RecordedResource } from "../../../cli/engine/recorder";
import { recorded, stackResource } from "./recorded";

const kubeconfig = (server: string, extra = "") =>
  `apiVersion: v1\nclusters:\n- name: c\n  cluster:\n    server: ${server}\n${extra}contexts:\n- name: c\n  context: {cluster: c}\ncurrent-context: c\n`;

const providers = {
  scwDefault: recorded({
    type: "pulumi:providers:scaleway",
    name: "default_1_54_0",
    inputs: { region: "nl-ams", zone: "nl-ams-2" },
  }),
  ovhDefault: recorded({
    type: "pulumi:providers:ovh",
    name: "default_2_19_1",
    inputs: { endpoint: "ovh-ca" },
  }),
  ske: recorded({
    type: "pulumi:providers:kubernetes",
    name: "ske",
    inputs: { kubeconfig: kubeconfig("https://api.shop.a1b2c3d4e5.s.ske.eu01.onstackit.cloud") },
  }),
  eks: recorded({
    type: "pulumi:providers:kubernetes",
    name: "eks",
    inputs: { kubeconfig: kubeconfig("https://ABCDEF0123.gr7.eu-west-1.eks.amazonaws.com") },
  }),
  secret: recorded({
    type: "pulumi:providers:kubernetes",
    name: "secret",
    inputs: { kubeconfig: SECRET_PLACEHOLDER },
  }),
  unknown: recorded({
    type: "pulumi:providers:kubernetes",
    name: "unknown",
    inputs: { kubeconfig: UNKNOWN },
  }),
  secretToken: recorded({
    type: "pulumi:providers:kubernetes",
    name: "secret-token",
    inputs: {
      kubeconfig: kubeconfig(
        "https://ABCDEF0123.gr7.eu-west-1.eks.amazonaws.com",
        `users:\n- name: u\n  user: {token: ${SECRET_PLACEHOLDER}}\n`,
      ),
    },
  }),
};
const byUrn = new Map<string, RecordedResource>(Object.values(providers).map((p) => [p.urn, p]));
const place = createPlacer((r) =>
  r.provider ? byUrn.get(r.provider.split("::").slice(0, -1).join("::")) : undefined,
);
const using = (p: RecordedResource) => `${p.urn}::id`;
const labels = {
  "sovereign.eu/vendor": "ovhcloud",
  "sovereign.eu/region": "gra",
  "sovereign.eu/country": "FR",
};

describe("createPlacer", () => {
  test.each<
    [
      string,
      RecordedResource,
      { vendor: string; region: string | null; country: string | null; declared?: true },
    ]
  >([
    ["the stack as neutral", stackResource(), { vendor: "neutral", region: null, country: null }],
    [
      "a component as component",
      recorded({ type: "shop:index:Storage", name: "s", custom: false }),
      { vendor: "component", region: null, country: null },
    ],
    [
      "a neutral package as neutral",
      recorded({ type: "random:index/randomPassword:RandomPassword", name: "pw" }),
      { vendor: "neutral", region: null, country: null },
    ],
    [
      "an unknown package as unknown",
      recorded({ type: "acme:index:Thing", name: "t" }),
      { vendor: "unknown", region: null, country: null },
    ],
    [
      "a non-EU vendor by its package",
      recorded({ type: "aws:s3/bucket:Bucket", name: "b", inputs: { region: "eu-west-1" } }),
      { vendor: "aws", region: null, country: null },
    ],
    [
      "a Scaleway region input",
      recorded({ type: "scaleway:network/vpc:Vpc", name: "v", inputs: { region: "pl-waw" } }),
      { vendor: "scaleway", region: "pl-waw", country: "PL" },
    ],
    [
      "a Scaleway zone input as its region",
      recorded({ type: "scaleway:kubernetes/pool:Pool", name: "p", inputs: { zone: "fr-par-2" } }),
      { vendor: "scaleway", region: "fr-par", country: "FR" },
    ],
    [
      "an OVH OpenStack region in any case",
      recorded({ type: "ovh:CloudProject/kube:Kube", name: "k", inputs: { region: "bhs5" } }),
      { vendor: "ovhcloud", region: "BHS", country: "CA" },
    ],
    [
      "an OVH regionName",
      recorded({
        type: "ovh:CloudProject/storage:Storage",
        name: "s",
        inputs: { regionName: "GRA" },
      }),
      { vendor: "ovhcloud", region: "GRA", country: "FR" },
    ],
    [
      "an OVH database by its first node",
      recorded({
        type: "ovh:CloudProject/database:Database",
        name: "d",
        inputs: { nodes: [{ region: "WAW" }] },
      }),
      { vendor: "ovhcloud", region: "WAW", country: "PL" },
    ],
    [
      "an OVH private network by its first region, as the region policies read it",
      recorded({
        type: "ovh:CloudProject/networkPrivate:NetworkPrivate",
        name: "n",
        inputs: { regions: ["GRA11", "SBG5"] },
      }),
      { vendor: "ovhcloud", region: "GRA", country: "FR" },
    ],
    [
      "a STACKIT provider by its default region, as the region policies read it",
      recorded({ type: "pulumi:providers:stackit", name: "p", inputs: { defaultRegion: "eu01" } }),
      { vendor: "stackit", region: "eu01", country: "DE" },
    ],
    [
      "a resource without location by its default provider's region",
      recorded({
        type: "scaleway:network/vpc:Vpc",
        name: "v",
        provider: using(providers.scwDefault),
      }),
      { vendor: "scaleway", region: "nl-ams", country: "NL" },
    ],
    [
      "a region unknown during preview as the vendor alone, not its provider's default",
      recorded({
        type: "scaleway:network/vpc:Vpc",
        name: "v",
        inputs: { region: UNKNOWN },
        provider: using(providers.scwDefault),
      }),
      { vendor: "scaleway", region: null, country: null },
    ],
    [
      "an OVH resource without region by its provider's endpoint country",
      recorded({
        type: "ovh:CloudProject/kubeNodePool:KubeNodePool",
        name: "p",
        provider: using(providers.ovhDefault),
      }),
      { vendor: "ovhcloud", region: null, country: "CA" },
    ],
    [
      "an uncatalogued region as the vendor alone",
      recorded({ type: "scaleway:network/vpc:Vpc", name: "v", inputs: { region: "mars-1" } }),
      { vendor: "scaleway", region: null, country: null },
    ],
    [
      "a provider by its own props",
      providers.scwDefault,
      { vendor: "scaleway", region: "nl-ams", country: "NL" },
    ],
    [
      "a Kubernetes provider by its kubeconfig server",
      providers.ske,
      { vendor: "stackit", region: "eu01", country: "DE" },
    ],
    [
      "a Kubernetes object by its provider's kubeconfig",
      recorded({ type: "kubernetes:core/v1:Namespace", name: "n", provider: using(providers.ske) }),
      { vendor: "stackit", region: "eu01", country: "DE" },
    ],
    [
      "a Kubernetes object on EKS as aws",
      recorded({ type: "kubernetes:core/v1:Namespace", name: "n", provider: using(providers.eks) }),
      { vendor: "aws", region: null, country: null },
    ],
    [
      "a Kubernetes object by the plain server of a kubeconfig whose token is secret",
      recorded({
        type: "kubernetes:core/v1:Namespace",
        name: "n",
        provider: using(providers.secretToken),
        inputs: { metadata: { labels } },
      }),
      { vendor: "aws", region: null, country: null },
    ],
    [
      "a Kubernetes object with a secret kubeconfig by its labels",
      recorded({
        type: "kubernetes:apps/v1:Deployment",
        name: "d",
        provider: using(providers.secret),
        inputs: { metadata: { labels } },
      }),
      { vendor: "ovhcloud", region: "GRA", country: "FR", declared: true },
    ],
    [
      "a Kubernetes object with an unknown kubeconfig and no labels as unknown",
      recorded({
        type: "kubernetes:core/v1:ConfigMap",
        name: "c",
        provider: using(providers.unknown),
      }),
      { vendor: "unknown", region: null, country: null },
    ],
    [
      "labels naming an uncatalogued region as given",
      recorded({
        type: "kubernetes:core/v1:ConfigMap",
        name: "c",
        inputs: {
          metadata: {
            labels: {
              "sovereign.eu/vendor": "proximus",
              "sovereign.eu/region": "brussels",
              "sovereign.eu/country": "BE",
            },
          },
        },
      }),
      { vendor: "proximus", region: "brussels", country: "BE", declared: true },
    ],
    [
      "a Kubernetes component as component",
      recorded({ type: "kubernetes:helm.sh/v4:Chart", name: "c", custom: false }),
      { vendor: "component", region: null, country: null },
    ],
  ])("places %s", (_case, resource, expected) => {
    expect(place(resource)).toEqual(expected);
  });
});

describe("kubeconfigServerHost", () => {
  const two = `apiVersion: v1
clusters:
- name: a
  cluster: {server: "https://a.example:6443"}
- name: b
  cluster: {server: "https://b.example"}
contexts:
- name: ctx-a
  context: {cluster: a}
- name: ctx-b
  context: {cluster: b}
current-context: ctx-a
`;
  test.each<[string, string, string | undefined, string | undefined, string | undefined]>([
    ["the current context's server", two, undefined, undefined, "a.example:6443"],
    ["the server of a named context", two, "ctx-b", undefined, "b.example"],
    ["the server of a named cluster", two, undefined, "b", "b.example"],
    [
      "nothing for a path instead of contents",
      "/home/me/.kube/config",
      undefined,
      undefined,
      undefined,
    ],
    [
      "nothing for a server that is not a URL",
      kubeconfig("not a url"),
      undefined,
      undefined,
      undefined,
    ],
  ])("reads %s", (_case, text, context, cluster, host) => {
    expect(kubeconfigServerHost(text, context, cluster)).toBe(host);
  });
});
