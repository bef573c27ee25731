/**
 * The contract every provider adapter fulfils and the workload consumes. Shared code names capabilities, never
 * clouds: the workload sees a Kubernetes provider, connection details and labels, whatever built them.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import type { Environment, ProviderId, Target } from "../../config/schema";
import type { EuVendorId } from "../../config/catalog/vendors";
import type { JurisdictionClass } from "../../config/catalog/jurisdictions";

/** Where a target runs, resolved from the catalog once and handed to everything built for it. */
export interface Placement {
  readonly vendor: EuVendorId;
  /** Canonical site id from config/catalog/regions.ts (`fr-par`, `GRA`, `eu01`). */
  readonly site: string;
  /** The region as written in config (`GRA9` stays `GRA9`). */
  readonly region: string;
  readonly country: string;
  readonly jurisdiction: JurisdictionClass;
}

/** Secret config values a target names, read by `stacks/index.ts` with `requireSecret`. */
export type TargetSecrets = Readonly<Record<string, pulumi.Output<string>>>;

export interface TargetContext<T extends Target = Target> {
  readonly target: T;
  readonly placement: Placement;
  readonly stack: string;
  readonly environment: Environment;
  /** Protect stateful resources (database, bucket) from deletion. */
  readonly protect: boolean;
  readonly secrets: TargetSecrets;
  /** Labels and tags naming vendor, region and country (components/contract/labels.ts). */
  readonly labels: Readonly<Record<string, string>>;
}

export interface NetworkOutputs {
  readonly id: pulumi.Output<string>;
  readonly cidr: string;
}

export interface ClusterOutputs {
  /** Secret. */
  readonly kubeconfig: pulumi.Output<string>;
  readonly provider: k8s.Provider;
  readonly ingressClass: string;
}

export interface ObjectStoreOutputs {
  readonly bucket: pulumi.Output<string>;
  /** HTTPS S3 endpoint. */
  readonly endpoint: pulumi.Output<string>;
  /** S3 region name the endpoint expects. */
  readonly s3Region: string;
  /** Secret. */
  readonly accessKeyId: pulumi.Output<string>;
  /** Secret. */
  readonly secretAccessKey: pulumi.Output<string>;
}

export interface DatabaseOutputs {
  readonly host: pulumi.Output<string>;
  readonly port: pulumi.Output<number>;
  readonly database: pulumi.Output<string>;
  readonly user: pulumi.Output<string>;
  /** Secret. */
  readonly password: pulumi.Output<string>;
  /** libpq sslmode the workload must use. */
  readonly sslMode: "require" | "verify-full";
}

/** A registry's user name and password (or token): what pulls, pushes and Helm chart downloads present. */
export interface RegistryCredential {
  readonly username: pulumi.Output<string>;
  /** Secret. */
  readonly password: pulumi.Output<string>;
}

export interface RegistryOutputs {
  /** Registry host and path images go under, e.g. `rg.fr-par.scw.cloud/<namespace>`. */
  readonly endpoint: pulumi.Output<string>;
  /** A credential that may push (the copy job) and pull; undefined for an anonymous registry. */
  readonly credential?: RegistryCredential;
}

/** Where a target's pods get their images, and the credentials to get them. */
export interface TargetImages {
  /** The target's own registry, where the workloads' images are copied; undefined: they pull what config names. */
  readonly registry?: RegistryOutputs;
  /** Mirror of third-party images and charts (host and path). */
  readonly mirror: RegistryOutputs;
  /** Every credential the target's pods pull with, for `kubernetes.io/dockerconfigjson` Secrets. */
  readonly pullCredentials: readonly (RegistryOutputs & {
    readonly credential: RegistryCredential;
  })[];
}

/** What a platform hands each workload: the same shape on every provider. */
export interface PlatformContract {
  readonly targetName: string;
  readonly provider: ProviderId;
  readonly placement: Placement;
  readonly kubernetes: k8s.Provider;
  readonly ingressClass: string;
  /**
   * Public address (IP or hostname) of the target's ingress controller: the `status.loadBalancer.ingress[0]` of the
   * LoadBalancer Service the platform creates. DNS records of the fleet point here.
   */
  readonly ingressAddress: pulumi.Output<string>;
  /** DNS zone the ingress hosts live under. */
  readonly domain: string;
  readonly database?: DatabaseOutputs;
  readonly objectStore?: ObjectStoreOutputs;
  readonly labels: Readonly<Record<string, string>>;
  /** Registries and pull credentials of the target. */
  readonly images: TargetImages;
  /** cert-manager ClusterIssuer the target's Ingresses ask for certificates. */
  readonly clusterIssuer: string;
  /** Annotations the target's ingress controller reads on each Ingress (the platform's: HTTP to HTTPS redirect). */
  readonly ingressAnnotations?: Readonly<Record<string, string>>;
}

export const CapabilityName = {
  network: "network",
  cluster: "cluster",
  objectStore: "objectStore",
  database: "database",
  registry: "registry",
} as const;
export type CapabilityName = (typeof CapabilityName)[keyof typeof CapabilityName];

/** What a database factory builds on: the network, the cluster, and where in-cluster databases pull images. */
export interface DatabaseDeps {
  readonly network: NetworkOutputs | undefined;
  readonly cluster: ClusterOutputs;
  readonly images: TargetImages;
}

/**
 * One per provider. Factories create children of `parent` and return neutral outputs; a factory returns
 * undefined when the target's config turns the capability off.
 */
export interface PlatformAdapter<T extends Target = Target> {
  readonly provider: T["provider"];
  /** Component type token module: `sovereign:<provider>:Platform`. */
  readonly capabilities: Readonly<Record<CapabilityName, boolean>>;
  network(name: string, ctx: TargetContext<T>, parent: pulumi.Resource): NetworkOutputs | undefined;
  cluster(
    name: string,
    ctx: TargetContext<T>,
    network: NetworkOutputs | undefined,
    parent: pulumi.Resource,
  ): ClusterOutputs;
  objectStore(
    name: string,
    ctx: TargetContext<T>,
    parent: pulumi.Resource,
  ): ObjectStoreOutputs | undefined;
  database(
    name: string,
    ctx: TargetContext<T>,
    deps: DatabaseDeps,
    parent: pulumi.Resource,
  ): DatabaseOutputs | undefined;
  registry(
    name: string,
    ctx: TargetContext<T>,
    parent: pulumi.Resource,
  ): RegistryOutputs | undefined;
}
