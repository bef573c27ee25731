/**
 * Answers to provider-SDK invokes that common programs make (versions, regions, zones, caller identity), so they
 * run to the end offline. An invoke not listed here is reported by the engine, never answered with a guess.
 * Answers derive from the invoke's inputs, the stack config and the catalogs; identities are all-zero/example
 * values. Tokens were read from the installed SDKs (scaleway, ovh, kubernetes); aws/gcp/azure tokens are the
 * ones their SDKs use (not installed here).
 */
import { yaml } from "../yaml";
import { SITES } from "../../../config/catalog/regions";
import { OVH_OFFERINGS, VERSIONS } from "../../../config/catalog/offerings";

/** Stack config as `namespace:key` → string. */
export type ConfigLookup = Readonly<Record<string, string>>;
type Answer = (inputs: Record<string, unknown>, config: ConfigLookup) => Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

function scalewayZones(
  inputs: Record<string, unknown>,
  config: ConfigLookup,
): Record<string, unknown> {
  const region = str(inputs.region) ?? config["scaleway:region"] ?? "fr-par";
  const site = (SITES.scaleway as Readonly<Record<string, { zones: readonly string[] }>>)[region];
  return { id: region, region, zones: [...(site?.zones ?? [])] };
}

function scalewayKubernetesVersion(
  inputs: Record<string, unknown>,
  config: ConfigLookup,
): Record<string, unknown> {
  const region = str(inputs.region) ?? config["scaleway:region"] ?? "fr-par";
  const requested = str(inputs.name) ?? "latest";
  const name = requested === "latest" ? `${VERSIONS.kubernetes}.0` : requested;
  return {
    id: `${region}/${name}`,
    name,
    majorMinorOnly: name.split(".").slice(0, 2).join("."),
    region,
    availableCnis: ["cilium", "calico", "kilo", "none"],
    availableContainerRuntimes: ["containerd"],
    availableFeatureGates: [],
    srn: "",
  };
}

const awsRegion = (inputs: Record<string, unknown>, config: ConfigLookup) =>
  str(inputs.region) ?? str(inputs.name) ?? config["aws:region"] ?? "us-east-1";

const REGISTRY_PLANS = ["SMALL", "MEDIUM", "LARGE"].map((name) => ({
  code: `registry.${name[0]?.toLowerCase() ?? "s"}1-plan-hour`,
  createdAt: "1970-01-01T00:00:00Z",
  features: [],
  id: `offline-plan-${name.toLowerCase()}`,
  name,
  registryLimits: [],
  updatedAt: "1970-01-01T00:00:00Z",
}));

/** An existing MKS cluster read by id: only what its inputs say (the region, when given) is echoed back. */
function ovhKube(inputs: Record<string, unknown>): Record<string, unknown> {
  const kubeId = str(inputs.kubeId) ?? "offline-kube";
  const region = str(inputs.region);
  const host = region ? `${kubeId.slice(0, 6)}.c1.${region.toLowerCase()}.k8s.ovh.net` : undefined;
  const kubeconfig = host
    ? `apiVersion: v1\nkind: Config\nclusters:\n- name: ${kubeId}\n  cluster:\n    server: https://${host}\ncontexts:\n- name: ${kubeId}\n  context:\n    cluster: ${kubeId}\n    user: ${kubeId}\ncurrent-context: ${kubeId}\nusers:\n- name: ${kubeId}\n  user: {}\n`
    : "";
  return {
    ...inputs,
    id: kubeId,
    kubeId,
    controlPlaneIsUpToDate: true,
    isUpToDate: true,
    customizationApiservers: [],
    customizations: [],
    kubeconfig,
    kubeconfigAttributes: [],
    nextUpgradeVersions: [],
    status: "READY",
    url: host ?? "",
  };
}

export const CANNED_INVOKES: Readonly<Record<string, Answer>> = {
  "scaleway:kubernetes/getVersion:getVersion": scalewayKubernetesVersion,
  // Deprecated twin (`scaleway.getK8sVersion`), still shipped by the SDK.
  "scaleway:index/getK8sVersion:getK8sVersion": scalewayKubernetesVersion,
  "scaleway:account/getAvailabilityZones:getAvailabilityZones": scalewayZones,
  "scaleway:index/getAvailabilityZones:getAvailabilityZones": scalewayZones,
  "ovh:CloudProject/getRegions:getRegions": (inputs) => ({
    ...inputs,
    id: str(inputs.serviceName) ?? "",
    names: Object.values(OVH_OFFERINGS).map((o) => o.openstackRegion),
  }),
  "ovh:CloudProject/getCapabilitiesContainerRegistry:getCapabilitiesContainerRegistry": (
    inputs,
  ) => ({
    id: str(inputs.serviceName) ?? "",
    serviceName: str(inputs.serviceName) ?? "",
    results: Object.values(OVH_OFFERINGS)
      .filter((o) => (o.capabilities as readonly string[]).includes("registry"))
      .map((o) => ({ regionName: o.serviceRegion, plans: REGISTRY_PLANS })),
  }),
  "ovh:CloudProject/getKube:getKube": ovhKube,
  "aws:index/getRegion:getRegion": (inputs, config) => {
    const region = awsRegion(inputs, config);
    return {
      id: region,
      name: region,
      region,
      description: region,
      endpoint: `ec2.${region}.amazonaws.com`,
    };
  },
  "aws:index/getAvailabilityZones:getAvailabilityZones": (inputs, config) => {
    const region = awsRegion(inputs, config);
    const names = ["a", "b", "c"].map((z) => `${region}${z}`);
    return {
      id: region,
      names,
      zoneIds: names,
      groupNames: names.map(() => region),
      state: "available",
    };
  },
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    id: "123456789012",
    accountId: "123456789012",
    arn: "arn:aws:iam::123456789012:user/offline",
    userId: "AIDAOFFLINE",
  }),
  "aws:index/getPartition:getPartition": () => ({
    id: "aws",
    partition: "aws",
    dnsSuffix: "amazonaws.com",
    reverseDnsPrefix: "com.amazonaws",
  }),
  "gcp:organizations/getClientConfig:getClientConfig": (_inputs, config) => ({
    id: "offline",
    accessToken: "",
    project: config["gcp:project"] ?? "offline-project",
    region: config["gcp:region"] ?? "",
    zone: config["gcp:zone"] ?? "",
  }),
  "gcp:organizations/getProject:getProject": (inputs, config) => {
    const projectId = str(inputs.projectId) ?? config["gcp:project"] ?? "offline-project";
    return {
      id: `projects/${projectId}`,
      projectId,
      name: projectId,
      number: "000000000000",
      labels: {},
    };
  },
  "gcp:compute/getZones:getZones": (inputs, config) => {
    const region = str(inputs.region) ?? config["gcp:region"] ?? "us-central1";
    return { id: region, region, names: ["a", "b", "c"].map((z) => `${region}-${z}`) };
  },
  "azure-native:authorization:getClientConfig": () => ({
    clientId: ZERO_UUID,
    objectId: ZERO_UUID,
    subscriptionId: ZERO_UUID,
    tenantId: ZERO_UUID,
  }),
  "azure:core/getClientConfig:getClientConfig": () => ({
    id: ZERO_UUID,
    clientId: ZERO_UUID,
    objectId: ZERO_UUID,
    subscriptionId: ZERO_UUID,
    tenantId: ZERO_UUID,
  }),
  "azure:core/getSubscription:getSubscription": () => ({
    id: `/subscriptions/${ZERO_UUID}`,
    subscriptionId: ZERO_UUID,
    tenantId: ZERO_UUID,
    displayName: "offline",
    state: "Enabled",
    tags: {},
  }),
  // Helm charts are not rendered offline: a v3 Chart gets no objects (the engine notes it in the report).
  "kubernetes:helm:template": () => ({ result: [] }),
  // Decoding YAML needs no cluster: this answer is the real one.
  "kubernetes:yaml:decode": (inputs) => ({
    result: yaml()
      .parseAllDocuments(str(inputs.text) ?? "")
      .map((d) => d.toJSON() as unknown)
      .filter((d) => d !== null && d !== undefined),
  }),
};

export function cannedInvoke(
  token: string,
  inputs: Record<string, unknown>,
  config: ConfigLookup = {},
): Record<string, unknown> | undefined {
  return CANNED_INVOKES[token]?.(inputs, config);
}
