/**
 * Third-party images and charts the platform runs, as data: where the copy job reads each one (its upstream), the
 * path it gets under a target's mirror, the pinned version and where that version was read. Targets pull them from
 * their mirror only; the upstream registries (several US-operated) are read by the copy job alone.
 */
import { VERSION_SOURCES, VERSIONS } from "./offerings";

export interface MirroredImage {
  /** Upstream repository, without tag. */
  readonly upstream: string;
  /** Repository path under the mirror. */
  readonly path: string;
  readonly tag: string;
  /** Where the version was read. */
  readonly source: string;
}

export interface MirroredChart {
  /** Upstream OCI repository of the chart, without version; undefined when upstream only serves an HTTP index. */
  readonly upstream?: string;
  /** Repository path under the mirror (charts live beside the images). */
  readonly path: string;
  readonly version: string;
  readonly source: string;
}

const CERT_MANAGER_VERSION = "v1.21.2";
const CERT_MANAGER_SOURCE =
  "https://github.com/cert-manager/website/pull/2202 (1.21 released 2026-07-08; 1.21.2 is the current patch, checked 2026-12-02)";

const TRAEFIK_CHART_VERSION = "41.3.0";
const TRAEFIK_VERSION = "v3.7.11";
const TRAEFIK_SOURCE =
  "https://github.com/traefik/traefik-helm-chart/blob/v41.3.0/traefik/Chart.yaml (chart 41.3.0, appVersion v3.7.11, tagged 2026-08-21 at commit a8a66d0; the newest tag of the repository snapshot read here on 2026-12-02)";

export const MIRRORED_IMAGES = {
  // Traefik Proxy, the image chart 41.3.0 runs by default (its `appVersion`); the chart's `docker.io/traefik`.
  traefik: {
    upstream: "docker.io/library/traefik",
    path: "traefik",
    tag: TRAEFIK_VERSION,
    source: TRAEFIK_SOURCE,
  },
  // Also the PostgreSQL client of the fleet's dump jobs and the OVHcloud grants Job: the image ships psql and
  // pg_dump (CloudNativePG's database import runs pg_dump in it, docs "Importing Postgres databases"), and one
  // pinned PostgreSQL 16 image replaces a separate, stale client pin.
  cloudNativePgPostgres: {
    upstream: "ghcr.io/cloudnative-pg/postgresql",
    path: "cloudnative-pg/postgresql",
    tag: VERSIONS.cloudNativePgImageTag,
    source: VERSION_SOURCES.cloudNativePgImageTag,
  },
  rclone: {
    upstream: "docker.io/rclone/rclone",
    path: "rclone",
    tag: "1.68.2",
    source: "https://github.com/rclone/rclone/releases/tag/v1.68.2",
  },
  regsync: {
    upstream: "ghcr.io/regclient/regsync",
    path: "regsync",
    tag: "v0.11.5",
    source:
      "https://github.com/regclient/regclient/releases/tag/v0.11.5 (2026-05-26; no digest published in a source read here)",
  },
  certManagerController: {
    upstream: "quay.io/jetstack/cert-manager-controller",
    path: "jetstack/cert-manager-controller",
    tag: CERT_MANAGER_VERSION,
    source: CERT_MANAGER_SOURCE,
  },
  certManagerWebhook: {
    upstream: "quay.io/jetstack/cert-manager-webhook",
    path: "jetstack/cert-manager-webhook",
    tag: CERT_MANAGER_VERSION,
    source: CERT_MANAGER_SOURCE,
  },
  certManagerCainjector: {
    upstream: "quay.io/jetstack/cert-manager-cainjector",
    path: "jetstack/cert-manager-cainjector",
    tag: CERT_MANAGER_VERSION,
    source: CERT_MANAGER_SOURCE,
  },
  certManagerAcmeSolver: {
    upstream: "quay.io/jetstack/cert-manager-acmesolver",
    path: "jetstack/cert-manager-acmesolver",
    tag: CERT_MANAGER_VERSION,
    source: CERT_MANAGER_SOURCE,
  },
  certManagerStartupCheck: {
    upstream: "quay.io/jetstack/cert-manager-startupapicheck",
    path: "jetstack/cert-manager-startupapicheck",
    tag: CERT_MANAGER_VERSION,
    source: CERT_MANAGER_SOURCE,
  },
} as const satisfies Record<string, MirroredImage>;
export type MirroredImageId = keyof typeof MIRRORED_IMAGES;

export const MIRRORED_CHARTS = {
  traefik: {
    upstream: "ghcr.io/traefik/helm/traefik",
    path: "charts/traefik",
    version: TRAEFIK_CHART_VERSION,
    source: `${TRAEFIK_SOURCE}; OCI chart: https://github.com/traefik/traefik-helm-chart/blob/v41.3.0/README.md`,
  },
  certManager: {
    upstream: "quay.io/jetstack/charts/cert-manager",
    path: "charts/cert-manager",
    version: CERT_MANAGER_VERSION,
    source: `${CERT_MANAGER_SOURCE}; OCI chart: https://cert-manager.io/docs/installation/helm/`,
  },
} as const satisfies Record<string, MirroredChart>;
export type MirroredChartId = keyof typeof MIRRORED_CHARTS;

/** `<mirror>/<path>:<tag>` of a mirrored image. */
export function mirroredImage(mirror: string, id: MirroredImageId): string {
  const image: MirroredImage = MIRRORED_IMAGES[id];
  return `${mirror}/${image.path}:${image.tag}`;
}
