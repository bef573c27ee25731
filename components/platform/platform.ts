/**
 * One target's platform: the provider's adapter (from the registry) builds network, cluster, object store,
 * database and registry; the neutral ingress controller goes on the cluster; then one Workload per workload
 * assigned to the target, given with the platform or added later with `addWorkload` (a large program adds them in
 * batches: stacks/deploy.ts). What it hands workloads and the fleet is the same `PlatformContract` on every
 * provider.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ProviderId } from "../../config/schema";
import type { DatabaseOutputs, ObjectStoreOutputs, PlatformContract } from "../contract/types";
import { adapterOf } from "../adapters/registry";
import { Workload } from "../workload";
import { resolvePlatformArgs, type PlatformArgs, type PlatformWorkload } from "./args";
import { createIngressController, ingressAnnotations } from "./ingress";
import { createCertManager, CERT_MANAGER } from "./cert-manager";
import { createImageSync } from "./image-sync";
import { targetImages } from "./images";
import { IMAGES_DEFAULTS } from "../../config/images";
import { CERTIFICATES_DEFAULTS } from "../../config/certificates";
import { registryOf } from "../adapters/common";

/** Component type token of a provider's platform (frozen: changing it replaces every child). */
export function platformType(provider: ProviderId): string {
  return `sovereign:${provider}:Platform`;
}

/** Connection details of a target, exported as one secret. */
export interface ConnectionDetails {
  readonly database?: {
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly user: string;
    readonly password: string;
    readonly sslMode: string;
  };
  readonly objectStore?: {
    readonly endpoint: string;
    readonly bucket: string;
    readonly region: string;
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
  };
  readonly registry?: string;
}

export interface PlatformOutputs {
  readonly contract: PlatformContract;
  readonly ingressAddress: pulumi.Output<string>;
  /** Secret. */
  readonly connections: pulumi.Output<ConnectionDetails>;
  /** Workloads wait for the ingress controller, the redirect their Ingresses name, and the issuer. */
  readonly ingressRelease: pulumi.Resource;
  readonly ingressRedirect: pulumi.Resource;
  readonly clusterIssuer: pulumi.Resource;
}

/** One target: its provider's resources, the ingress controller and its workloads. */
export class Platform extends pulumi.ComponentResource {
  public readonly contract: PlatformContract;
  public readonly ingressAddress: pulumi.Output<string>;
  /** Secret. */
  public readonly connections: pulumi.Output<ConnectionDetails>;
  private readonly added: Record<string, Workload> = {};
  private readonly ingressRelease: pulumi.Resource;
  private readonly ingressRedirect: pulumi.Resource;
  private readonly clusterIssuer: pulumi.Resource;

  constructor(
    private readonly platformName: string,
    args: PlatformArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(
      platformType(args.context.target.provider),
      platformName,
      resolvePlatformArgs(args),
      opts,
    );
    const outputs = createPlatform(platformName, this, args);
    this.contract = outputs.contract;
    this.ingressAddress = outputs.ingressAddress;
    this.connections = outputs.connections;
    this.ingressRelease = outputs.ingressRelease;
    this.ingressRedirect = outputs.ingressRedirect;
    this.clusterIssuer = outputs.clusterIssuer;
    for (const workload of args.workloads ?? []) this.addWorkload(workload);
    this.registerOutputs({ ingressAddress: this.ingressAddress, connections: this.connections });
  }

  /** The target's workloads by workload name. */
  get workloads(): Readonly<Record<string, Workload>> {
    return this.added;
  }

  /** Runs one more workload on this target: a Workload child named `${platform}-${workload}`. */
  addWorkload({ workload, replicas, aliases }: PlatformWorkload): Workload {
    if (this.added[workload.name] !== undefined)
      throw new pulumi.ResourceError(
        `workload ${workload.name} already runs on platform ${this.platformName}`,
        this,
      );
    const added = new Workload(
      `${this.platformName}-${workload.name}`,
      { workload, platform: this.contract, replicas, aliases },
      { parent: this, dependsOn: [this.ingressRelease, this.ingressRedirect, this.clusterIssuer] },
    );
    this.added[workload.name] = added;
    return added;
  }
}

function databaseDetails(
  db: DatabaseOutputs,
): pulumi.Output<NonNullable<ConnectionDetails["database"]>> {
  return pulumi
    .all([db.host, db.port, db.database, db.user, db.password])
    .apply(([host, port, database, user, password]) => ({
      host,
      port,
      database,
      user,
      password,
      sslMode: db.sslMode,
    }));
}

function objectStoreDetails(
  s3: ObjectStoreOutputs,
): pulumi.Output<NonNullable<ConnectionDetails["objectStore"]>> {
  return pulumi
    .all([s3.endpoint, s3.bucket, s3.accessKeyId, s3.secretAccessKey])
    .apply(([endpoint, bucket, accessKeyId, secretAccessKey]) => ({
      endpoint,
      bucket,
      region: s3.s3Region,
      accessKeyId,
      secretAccessKey,
    }));
}

/**
 * Creates the platform's children under `self`: the adapter's (`${name}-<role>`), the ingress controller
 * (`${name}-ingress*`), cert-manager and its issuer (`${name}-cert-manager*`, `${name}-cluster-issuer`) and the
 * copy job (`${name}-image-sync*`). The Platform adds its workloads (`${name}-<workload>`).
 */
export function createPlatform(
  name: string,
  self: pulumi.ComponentResource,
  args: PlatformArgs,
): PlatformOutputs {
  const ctx = args.context;
  const imagesConfig = args.images ?? IMAGES_DEFAULTS;
  const adapter = adapterOf(ctx.target);
  const network = adapter.network(name, ctx, self);
  const cluster = adapter.cluster(name, ctx, network, self);
  const objectStore = adapter.objectStore(name, ctx, self);
  const registry = adapter.registry(name, ctx, self);
  const images = targetImages(ctx, registry, imagesConfig, self);
  const database = adapter.database(name, ctx, { network, cluster, images }, self);
  const ingress = createIngressController(
    name,
    { provider: cluster.provider, ingressClass: cluster.ingressClass, labels: ctx.labels, images },
    self,
  );
  const certManager = createCertManager(
    name,
    {
      provider: cluster.provider,
      ingressClass: cluster.ingressClass,
      images,
      certificates: args.certificates ?? CERTIFICATES_DEFAULTS,
      labels: ctx.labels,
      ctx,
    },
    self,
  );
  createImageSync(
    name,
    {
      provider: cluster.provider,
      images,
      config: imagesConfig,
      source: imagesConfig.source && registryOf(ctx, imagesConfig.source, self),
      workloadImages: args.workloadImages ?? (args.workloads ?? []).map((w) => w.workload.image),
      labels: ctx.labels,
    },
    self,
  );
  const contract: PlatformContract = {
    targetName: ctx.target.name,
    provider: ctx.target.provider,
    placement: ctx.placement,
    kubernetes: cluster.provider,
    ingressClass: cluster.ingressClass,
    ingressAddress: ingress.address,
    domain: args.domain,
    database,
    objectStore,
    labels: ctx.labels,
    images,
    clusterIssuer: CERT_MANAGER.clusterIssuer,
    ingressAnnotations: ingressAnnotations(),
  };
  const connections: pulumi.Output<ConnectionDetails> = pulumi.secret(
    pulumi.output({
      database: database && databaseDetails(database),
      objectStore: objectStore && objectStoreDetails(objectStore),
      registry: registry?.endpoint,
    }),
  );
  return {
    contract,
    ingressAddress: ingress.address,
    connections,
    ingressRelease: ingress.release,
    ingressRedirect: ingress.redirect,
    clusterIssuer: certManager.issuer,
  };
}
