/**
 * The Platform component's arguments and their resolved form: what the component registers as its inputs, so
 * contract policies read placement, protection, sizes, HA and backups from `args.props` without any secret.
 * Pure.
 */
import type {
  Environment,
  ProviderId,
  Target,
  Workload as WorkloadConfig,
} from "../../config/schema";
import type { SizeClass } from "../../config/catalog/sizes";
import type { TargetContext } from "../contract/types";
import { CERTIFICATES_DEFAULTS, type CertificatesConfig } from "../../config/certificates";
import type { ImagesConfig } from "../../config/images";
import { MIRRORED_CHARTS } from "../../config/catalog/mirrored";
import { acmeAuthorityOf } from "../../config/catalog/certificate-authorities";
import { hasOwnRegistry } from "../../config/schema";
import { INGRESS_CONTROLLER } from "./ingress";

/** One workload on this target, with the replicas it runs here. */
export interface PlatformWorkload {
  readonly workload: WorkloadConfig;
  readonly replicas: number;
  /** Further hosts its Ingress answers (the fleet's shared host). @default [] */
  readonly aliases?: readonly string[];
}

export interface PlatformArgs {
  /** The target and where it runs, its protection, secrets and labels. */
  readonly context: TargetContext;
  /** DNS zone the ingress hosts live under (`sovereign:domain`). */
  readonly domain: string;
  /** Workloads it runs from the start; `Platform.addWorkload` adds more. @default [] */
  readonly workloads?: readonly PlatformWorkload[];
  /** `sovereign:images`: build registry, default mirror, copy job. @default IMAGES_DEFAULTS */
  readonly images?: ImagesConfig;
  /** `sovereign:certificates`: the ACME CA. @default CERTIFICATES_DEFAULTS (Let's Encrypt) */
  readonly certificates?: CertificatesConfig;
  /** Images the copy job copies into the target's registry. @default - the images of `workloads` */
  readonly workloadImages?: readonly string[];
}

export const DataMode = {
  managed: "managed",
  inCluster: "in-cluster",
  external: "external",
  none: "none",
} as const;
export type DataMode = (typeof DataMode)[keyof typeof DataMode];

export interface DatabaseSummary {
  readonly mode: DataMode;
  readonly size?: SizeClass;
  readonly highAvailability?: boolean;
  readonly backupRetentionDays?: number;
  readonly instances?: number;
}

export interface ObjectStoreSummary {
  readonly mode: DataMode;
  readonly versioning?: boolean;
  readonly endpoint?: string;
}

interface DataSummary {
  readonly database: DatabaseSummary;
  readonly objectStore: ObjectStoreSummary;
  readonly registry: boolean;
}

export interface ResolvedPlatformArgs extends DataSummary {
  readonly targetName: string;
  readonly provider: ProviderId;
  readonly vendor: string;
  /** The region as written in config. */
  readonly region: string;
  readonly site: string;
  readonly country: string;
  readonly jurisdiction: string;
  readonly environment: Environment;
  readonly protect: boolean;
  readonly size: SizeClass;
  readonly nodes: { readonly min: number; readonly max: number };
  readonly domain: string;
  /** The ingress controller's chart (its path under the mirror, `charts/traefik`) and version. */
  readonly ingress: { readonly chart: string; readonly chartVersion: string };
  /** Where third-party images come from: the configured mirror, or the target's own registry. */
  readonly images: { readonly ownRegistry: boolean; readonly mirror?: string };
  readonly certManager: {
    readonly chartVersion: string;
    /** ACME directory of the ClusterIssuer, and the CA the catalog places it at (undefined: unknown CA). */
    readonly acmeServer: string;
    readonly acmeAuthority?: string;
  };
}

type ManagedTarget = Extract<Target, { provider: "scaleway" | "ovhcloud" }>;
type KubernetesTarget = Extract<Target, { provider: "kubernetes" }>;

function managedData(t: ManagedTarget): DataSummary {
  const db = t.database;
  return {
    database: db.enabled
      ? {
          mode: DataMode.managed,
          size: db.size ?? t.size,
          highAvailability: db.highAvailability,
          backupRetentionDays: db.backupRetentionDays,
        }
      : { mode: DataMode.none },
    objectStore: t.objectStore.enabled
      ? { mode: DataMode.managed, versioning: t.objectStore.versioning }
      : { mode: DataMode.none },
    registry: t.registry,
  };
}

const KUBERNETES_DATABASES: {
  readonly [M in KubernetesTarget["database"]["mode"]]: (
    db: Extract<KubernetesTarget["database"], { mode: M }>,
  ) => DatabaseSummary;
} = {
  "in-cluster": (db) => ({
    mode: DataMode.inCluster,
    instances: db.instances,
    highAvailability: db.instances > 1,
    backupRetentionDays: db.backupRetentionDays,
  }),
  external: () => ({ mode: DataMode.external }),
  none: () => ({ mode: DataMode.none }),
};

function kubernetesData(t: KubernetesTarget): DataSummary {
  const summarise = KUBERNETES_DATABASES[t.database.mode] as (
    db: KubernetesTarget["database"],
  ) => DatabaseSummary;
  return {
    database: summarise(t.database),
    objectStore:
      t.objectStore.mode === "external"
        ? { mode: DataMode.external, endpoint: t.objectStore.endpoint }
        : { mode: DataMode.none },
    registry: t.registry !== undefined,
  };
}

/** What each provider's target declares about its data services, in neutral words. */
const DATA_SUMMARIES: {
  readonly [P in ProviderId]: (t: Extract<Target, { provider: P }>) => DataSummary;
} = {
  scaleway: managedData,
  ovhcloud: managedData,
  kubernetes: kubernetesData,
};

/** The registered inputs of a Platform: placement, protection, sizes and data settings, no secret. */
export function resolvePlatformArgs(args: PlatformArgs): ResolvedPlatformArgs {
  const { target, placement } = args.context;
  const summarise = DATA_SUMMARIES[target.provider] as (t: Target) => DataSummary;
  const mirrorEndpoint = (target.mirror ?? args.images?.mirror)?.endpoint;
  const acmeServer = (args.certificates ?? CERTIFICATES_DEFAULTS).server;
  const authority = acmeAuthorityOf(acmeServer);
  return {
    targetName: target.name,
    provider: target.provider,
    vendor: placement.vendor,
    region: placement.region,
    site: placement.site,
    country: placement.country,
    jurisdiction: placement.jurisdiction,
    environment: args.context.environment,
    protect: args.context.protect,
    size: target.size,
    nodes: { min: target.nodes.min, max: target.nodes.max },
    domain: args.domain,
    ...summarise(target),
    ingress: {
      chart: INGRESS_CONTROLLER.chart.path,
      chartVersion: INGRESS_CONTROLLER.chart.version,
    },
    images: {
      ownRegistry: hasOwnRegistry(target),
      ...(mirrorEndpoint === undefined ? {} : { mirror: mirrorEndpoint }),
    },
    certManager: {
      chartVersion: MIRRORED_CHARTS.certManager.version,
      acmeServer,
      ...(authority ? { acmeAuthority: authority.id } : {}),
    },
  };
}
