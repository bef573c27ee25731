/**
 * Computed outputs the mock runtime returns per resource type, so programs that read them (kubeconfigs, endpoints,
 * credentials) run to the end offline. Values are plausible shapes, derived from the resource's name so every run
 * gives the same plan, and clearly fake: credentials and tokens say `mock`, IPs come from documentation ranges
 * (192.0.2.0/24 for public addresses). Adding a type is one entry.
 */
import { createHash } from "node:crypto";

type Outputs = (name: string, inputs: Record<string, unknown>) => Record<string, unknown>;

/** `length` hex digits of the SHA-256 of `parts`. */
function hex(length: number, ...parts: string[]): string {
  let out = "";
  for (let i = 0; out.length < length; i++) {
    out += createHash("sha256")
      .update(`${parts.join("/")}#${i}`)
      .digest("hex");
  }
  return out.slice(0, length);
}

/** A UUID-shaped id (version 4 layout) derived from `parts`. */
function uuid(...parts: string[]): string {
  const h = hex(32, ...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An address of TEST-NET-1 (192.0.2.1-254), never routed on the internet. */
function documentationIp(name: string): string {
  return `192.0.2.${(parseInt(hex(4, name), 16) % 254) + 1}`;
}

const text = (value: unknown, fallback: string): string =>
  typeof value === "string" ? value : fallback;
const base64 = (value: string) => Buffer.from(value).toString("base64");

/** A kubeconfig with one cluster, one user (a mock token) and its context. */
export function mockKubeconfig(cluster: string, server: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `  - name: ${cluster}`,
    "    cluster:",
    `      server: ${server}`,
    `      certificate-authority-data: ${base64(`MOCK CA of ${cluster}`)}`,
    "contexts:",
    `  - name: admin@${cluster}`,
    "    context:",
    `      cluster: ${cluster}`,
    `      user: admin@${cluster}`,
    `current-context: admin@${cluster}`,
    "users:",
    `  - name: admin@${cluster}`,
    "    user:",
    `      token: mock-token-${hex(32, cluster, "token")}`,
    "",
  ].join("\n");
}

function scalewayCluster(name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const region = text(inputs.region, "fr-par");
  const id = uuid(name, "cluster");
  const cluster = text(inputs.name, name);
  const server = `https://${id}.api.k8s.${region}.scw.cloud:6443`;
  return {
    apiserverUrl: server,
    wildcardDns: `*.${id}.nodes.k8s.${region}.scw.cloud`,
    kubeconfigs: [
      {
        configFile: mockKubeconfig(cluster, server),
        host: server,
        token: `mock-token-${hex(32, cluster, "token")}`,
        clusterCaCertificate: base64(`MOCK CA of ${cluster}`),
      },
    ],
  };
}

function ovhKube(name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const region = text(inputs.region, "GRA9").toLowerCase();
  const host = `${hex(6, name, "kube")}.c1.${region}.k8s.ovh.net`;
  const cluster = text(inputs.name, name);
  const server = `https://${host}`;
  return {
    url: host,
    kubeconfig: mockKubeconfig(cluster, server),
    kubeconfigAttributes: [
      {
        host: server,
        clusterCaCertificate: base64(`MOCK CA of ${cluster}`),
        clientCertificate: base64(`MOCK client certificate of ${cluster}`),
        clientKey: base64(`MOCK client key of ${cluster}`),
      },
    ],
  };
}

/** The `privateNetwork` block of a Scaleway database instance, with the IP IPAM would assign. */
function scalewayDatabaseInstance(
  name: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const pn = inputs.privateNetwork as Record<string, unknown> | undefined;
  const ip = `10.${parseInt(hex(2, name, "ip"), 16) % 250}.0.${(parseInt(hex(2, name, "host"), 16) % 250) + 2}`;
  return {
    endpointIp: documentationIp(`${name}/database`),
    endpointPort: 5432,
    certificate: base64(`MOCK certificate of ${name}`),
    ...(pn && {
      privateNetwork: {
        ...pn,
        ip,
        port: 5432,
        hostname: `${uuid(name, "pn")}.rdb.internal`,
        endpointId: uuid(name, "endpoint"),
      },
    }),
  };
}

function ovhNetworkPrivate(name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const regions = Array.isArray(inputs.regions) ? inputs.regions.map(String) : [];
  return {
    regionsAttributes: regions.map((region) => ({
      region,
      openstackid: uuid(name, region),
      status: "ACTIVE",
    })),
    regionsOpenstackIds: Object.fromEntries(regions.map((region) => [region, uuid(name, region)])),
    status: "ACTIVE",
    type: "private",
  };
}

function ovhDatabase(name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const engine = text(inputs.engine, "postgresql");
  const domain = `${engine}-${hex(8, name, "db")}-${hex(8, name, "db2")}.database.cloud.ovh.net`;
  const port = 20184;
  return {
    status: "READY",
    endpoints: [
      {
        component: engine,
        domain,
        path: "/defaultdb",
        port,
        scheme: engine === "postgresql" ? "postgresql" : engine,
        ssl: true,
        sslMode: "require",
        uri: `${engine}://<username>:<password>@${domain}:${port}/defaultdb?sslmode=require`,
      },
    ],
  };
}

function loadBalancerService(
  name: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const spec = inputs.spec as { type?: unknown } | undefined;
  if (spec?.type !== "LoadBalancer") return {};
  return { status: { loadBalancer: { ingress: [{ ip: documentationIp(name) }] } } };
}

/** A password of the requested length with an upper-case, a lower-case, a digit and a `-`, saying it is a mock. */
function randomPassword(name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const length = typeof inputs.length === "number" && inputs.length >= 8 ? inputs.length : 16;
  const result = `Mock-1${hex(length - 6, name, "password")}`;
  return { result, bcryptHash: `$2a$10$mock${hex(49, name, "bcrypt")}` };
}

export const CANNED_OUTPUTS: Readonly<Record<string, Outputs>> = {
  "random:index/randomPassword:RandomPassword": randomPassword,
  "scaleway:kubernetes/cluster:Cluster": scalewayCluster,
  "scaleway:databases/instance:Instance": scalewayDatabaseInstance,
  "scaleway:object/bucket:Bucket": (name, inputs) => {
    const region = text(inputs.region, "fr-par");
    const bucket = text(inputs.name, name);
    return {
      projectId: text(inputs.projectId, uuid(name, "project")),
      endpoint: `https://${bucket}.s3.${region}.scw.cloud`,
      apiEndpoint: `https://s3.${region}.scw.cloud`,
    };
  },
  "scaleway:iam/apiKey:ApiKey": (name) => ({
    accessKey: `SCWMOCK${hex(13, name, "access").toUpperCase()}`,
    secretKey: `mock${hex(4, name)}-${uuid(name, "secret").slice(9)}`,
  }),
  "scaleway:registry/namespace:Namespace": (name, inputs) => ({
    endpoint: `rg.${text(inputs.region, "fr-par")}.scw.cloud/${text(inputs.name, name)}`,
  }),
  "ovh:CloudProject/networkPrivate:NetworkPrivate": ovhNetworkPrivate,
  "ovh:CloudProject/kube:Kube": ovhKube,
  "ovh:CloudProject/s3Credential:S3Credential": (name) => ({
    accessKeyId: `mock${hex(28, name, "access")}`,
    secretAccessKey: `mock${hex(28, name, "secret")}`,
  }),
  "ovh:CloudProject/database:Database": ovhDatabase,
  "ovh:CloudProjectDatabase/postgresSqlUser:PostgresSqlUser": (name) => ({
    password: `mock-password-${hex(16, name)}`,
    status: "READY",
  }),
  "ovh:CloudProject/containerRegistry:ContainerRegistry": (name, inputs) => ({
    url: `https://${hex(8, name, "registry")}.c1.${text(inputs.region, "GRA").toLowerCase()}.container-registry.ovh.net`,
  }),
  // Harbor names the user after its login and generates the password.
  "ovh:CloudProject/containerRegistryUser:ContainerRegistryUser": (name, inputs) => ({
    user: text(inputs.login, name),
    password: `mock-password-${hex(16, name)}`,
  }),
  "kubernetes:core/v1:Service": loadBalancerService,
};

export function cannedOutputs(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  return CANNED_OUTPUTS[type]?.(name, inputs) ?? {};
}
