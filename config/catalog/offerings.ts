/**
 * What Sovereign Deploy deploys in each region of each managed provider, and with which versions. The config
 * schema admits a managed target only in a region listed here; adapters read their regional spellings from here.
 * Versions were read from provider documentation (../shared/facts/PROVIDERS.md); a real `pulumi preview` checks
 * them against the live API (`scaleway.kubernetes.getVersion`, `ovh.cloudproject.getKube`).
 */
import { SITES } from "./regions";

export const Capability = {
  kubernetes: "kubernetes",
  objectStore: "objectStore",
  database: "database",
  registry: "registry",
} as const;
export type Capability = (typeof Capability)[keyof typeof Capability];
const ALL: readonly Capability[] = Object.values(Capability);

export interface ScalewayOffering {
  readonly zones: readonly string[];
  readonly capabilities: readonly Capability[];
}

export interface OvhOffering {
  /**
   * Availability zones of a 3-AZ region; MKS node pools there must name one (`availabilityZones`, "mandatory for
   * multi-zone", one zone per pool: @ovhcloud/pulumi-ovh cloudproject/kubeNodePool.d.ts and ovh/terraform-provider-ovh
   * docs/resources/cloud_project_kube_nodepool.md). Empty in 1-AZ regions, where pools take none.
   */
  readonly zones: readonly string[];
  /** OpenStack region for MKS, private network and subnet. */
  readonly openstackRegion: string;
  /** Macro region for Object Storage, managed databases and the registry. */
  readonly serviceRegion: string;
  /** MKS plan this region is sold under. */
  readonly kubePlan: "free" | "standard";
  readonly capabilities: readonly Capability[];
}

/**
 * Versions of what the platform creates, checked 2026-12-02 (VERSION_SOURCES says against what). Managed PostgreSQL
 * stays on major 16: a new major replaces a Scaleway instance (`engine` forces a new resource) and needs a dump and
 * restore on OVHcloud; 16 is still patched upstream (CloudNativePG's pg_versions.json lists 16.15).
 */
export const VERSIONS = {
  /** Kapsule takes a minor only while auto-upgrade is on (terraform-provider-scaleway docs/resources/k8s_cluster.md). */
  kubernetes: "1.36",
  scalewayPostgres: "PostgreSQL-16",
  ovhPostgres: "16",
  cloudNativePgPostgres: "16",
  /** Image tag of CloudNativePG's PostgreSQL 16 (the operator's own default is 18.6-system-trixie). */
  cloudNativePgImageTag: "16.15-system-trixie",
} as const;

/** Where each version of VERSIONS was checked, and when. */
export const VERSION_SOURCES: Readonly<Record<keyof typeof VERSIONS, string>> = {
  kubernetes:
    "upstream: config/catalog/kubernetes-releases.ts (1.36 supported until 2027-06-28); Scaleway: its Kubernetes " +
    "API's version list recorded 2026-08-07 in terraform-provider-scaleway internal/services/k8s/testdata/" +
    "cluster-autoscaling.cassette.yaml (1.36.1, end of life 2027-09-07); OVHcloud: @ovhcloud/pulumi-ovh 2.19.1 has " +
    "no MKS version data source (its cloudproject getters read existing clusters only), so a constant, and MKS offers " +
    "a new minor within 3 months of upstream's release (ovh/docs managed_kubernetes/eos-eol-policies, 2022-05-30): " +
    "1.36 came out 2026-04-22; a real `pulumi preview` is the check. Checked 2026-12-02.",
  scalewayPostgres:
    "engine names of terraform-provider-scaleway docs/resources/rdb_instance.md (b2d45ed, 2026-08-21); checked 2026-12-02",
  ovhPostgres: "@ovhcloud/pulumi-ovh cloudproject/database.d.ts (`version`); checked 2026-12-02",
  cloudNativePgPostgres:
    "cloudnative-pg/cloudnative-pg .github/pg_versions.json (a95a534, 2026-08-21); checked 2026-12-02",
  cloudNativePgImageTag:
    "cloudnative-pg/cloudnative-pg .github/pg_versions.json (a95a534, 2026-08-21): newest 16 image; checked 2026-12-02",
};

/**
 * Scaleway: every region is EU. Milan (it-mil) has Kapsule but neither managed databases nor Container Registry:
 * the API clients list it-mil for k8s/v1 and vpc/v2 but not for rdb/v1 or registry/v1 (scaleway/scaleway-sdk-go
 * `api/<product>/<version>/<product>_sdk.go` `Regions()`, commit 2c5cd81 of 2026-08-20). Object Storage in it-mil is not in that SDK (S3
 * protocol) nor in Scaleway's availability guide (docs-content products-availability.mdx, validated 2025-12-04): kept
 * as before, not verified here.
 */
export const SCALEWAY_OFFERINGS = {
  "fr-par": { zones: ["fr-par-1", "fr-par-2", "fr-par-3"], capabilities: ALL },
  "nl-ams": { zones: ["nl-ams-1", "nl-ams-2", "nl-ams-3"], capabilities: ALL },
  "pl-waw": { zones: ["pl-waw-1", "pl-waw-2", "pl-waw-3"], capabilities: ALL },
  "it-mil": { zones: ["it-mil-1"], capabilities: ["kubernetes", "objectStore"] },
} as const satisfies Record<string, ScalewayOffering>;
export type ScalewayRegion = keyof typeof SCALEWAY_OFFERINGS;

/** OVHcloud Public Cloud regions in the EU where MKS, Object Storage, managed PostgreSQL and the registry exist. */
export const OVH_OFFERINGS = {
  GRA: {
    openstackRegion: "GRA9",
    serviceRegion: "GRA",
    kubePlan: "free",
    zones: [],
    capabilities: ALL,
  },
  SBG: {
    openstackRegion: "SBG5",
    serviceRegion: "SBG",
    kubePlan: "free",
    zones: [],
    capabilities: ALL,
  },
  DE: {
    openstackRegion: "DE1",
    serviceRegion: "DE",
    kubePlan: "free",
    zones: [],
    capabilities: ALL,
  },
  WAW: {
    openstackRegion: "WAW1",
    serviceRegion: "WAW",
    kubePlan: "free",
    zones: [],
    capabilities: ALL,
  },
  RBX: {
    openstackRegion: "EU-WEST-RBX",
    zones: [],
    serviceRegion: "RBX",
    kubePlan: "standard",
    capabilities: ["kubernetes", "objectStore"],
  },
  "EU-WEST-PAR": {
    openstackRegion: "EU-WEST-PAR",
    zones: SITES.ovhcloud["EU-WEST-PAR"].zones,
    serviceRegion: "EU-WEST-PAR",
    kubePlan: "standard",
    capabilities: ALL,
  },
  "EU-SOUTH-MIL": {
    openstackRegion: "EU-SOUTH-MIL",
    zones: SITES.ovhcloud["EU-SOUTH-MIL"].zones,
    serviceRegion: "EU-SOUTH-MIL",
    kubePlan: "standard",
    capabilities: ["kubernetes", "objectStore"],
  },
} as const satisfies Record<string, OvhOffering>;
export type OvhSite = keyof typeof OVH_OFFERINGS;

/** S3 endpoints of each vendor's object storage, by site; the fleet's replication jobs talk to these. */
export const S3_ENDPOINTS = {
  scaleway: (site: string) => `https://s3.${site}.scw.cloud`,
  ovhcloud: (serviceRegion: string) => `https://s3.${serviceRegion.toLowerCase()}.io.cloud.ovh.net`,
} as const;
