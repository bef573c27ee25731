/**
 * The Kubernetes schemas vendored beside this file (README.md there names each source, commit and licence): the
 * upstream OpenAPI v2 document of each Kubernetes minor, and the upstream CRDs of the custom resources our
 * platforms declare. Data only: domain/kubernetes-schema/ turns them into validators.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/** One vendored OpenAPI document: `definitions` of kubernetes/kubernetes api/openapi-spec/swagger.json. */
export interface OpenApiSource {
  readonly minor: string;
  /** File under openapi/, gzipped JSON. */
  readonly file: string;
  /** The kubernetes/kubernetes branch the document was generated from. */
  readonly branch: string;
}

/**
 * The minors whose schema is vendored: those upstream supports on 2026-12-02 and for which the upstream document
 * could be vendored here (1.37's could not: see README.md).
 */
export const OPENAPI_SOURCES: Readonly<Record<string, OpenApiSource>> = {
  "1.35": { minor: "1.35", file: "kubernetes-1.35.json.gz", branch: "release-1.35" },
  "1.36": { minor: "1.36", file: "kubernetes-1.36.json.gz", branch: "release-1.36" },
};

/** The minor checked when nothing names one: the newest vendored minor upstream supports. */
export const DEFAULT_KUBERNETES_VERSION = "1.36";

/** The minors with a vendored schema, oldest first. */
export const SCHEMA_VERSIONS: readonly string[] = Object.keys(OPENAPI_SOURCES);

/** A set of upstream CRDs from one project release. */
export interface CrdBundle {
  /** Folder under crds/. */
  readonly dir: string;
  readonly project: string;
  readonly version: string;
  /** Upstream repository and path the files were copied from, verbatim. */
  readonly source: string;
  readonly licence: string;
  /** The CRD files: each upstream YAML file as gzipped JSON (one CRD each, converted losslessly). */
  readonly files: readonly string[];
}

export const CRD_BUNDLES: readonly CrdBundle[] = [
  {
    dir: "cloudnative-pg-1.30.0",
    project: "CloudNativePG",
    version: "1.30.0",
    source: "https://github.com/cloudnative-pg/cloudnative-pg/tree/v1.30.0/config/crd/bases",
    licence: "Apache-2.0",
    files: [
      "postgresql.cnpg.io_clusters.json.gz",
      "postgresql.cnpg.io_scheduledbackups.json.gz",
      "postgresql.cnpg.io_backups.json.gz",
      "postgresql.cnpg.io_poolers.json.gz",
    ],
  },
  {
    dir: "plugin-barman-cloud-0.14.0",
    project: "Barman Cloud CNPG-I plugin",
    version: "0.14.0",
    source: "https://github.com/cloudnative-pg/plugin-barman-cloud/tree/v0.14.0/config/crd/bases",
    licence: "Apache-2.0",
    files: ["barmancloud.cnpg.io_objectstores.json.gz"],
  },
  {
    dir: "cert-manager-1.21.1",
    project: "cert-manager",
    version: "1.21.1",
    source: "https://github.com/cert-manager/cert-manager/tree/v1.21.1/deploy/crds",
    licence: "Apache-2.0",
    files: [
      "cert-manager.io_clusterissuers.json.gz",
      "cert-manager.io_issuers.json.gz",
      "cert-manager.io_certificates.json.gz",
    ],
  },
  {
    dir: "traefik-helm-chart-41.3.0",
    project: "Traefik (Helm chart 41.3.0, Traefik Proxy v3.7)",
    version: "41.3.0",
    source: "https://github.com/traefik/traefik-helm-chart/tree/v41.3.0/traefik/crds",
    licence: "Apache-2.0",
    files: [
      "traefik.io_ingressroutes.json.gz",
      "traefik.io_ingressroutetcps.json.gz",
      "traefik.io_ingressrouteudps.json.gz",
      "traefik.io_middlewares.json.gz",
      "traefik.io_middlewaretcps.json.gz",
      "traefik.io_serverstransports.json.gz",
      "traefik.io_serverstransporttcps.json.gz",
      "traefik.io_tlsoptions.json.gz",
      "traefik.io_tlsstores.json.gz",
      "traefik.io_traefikservices.json.gz",
    ],
  },
];

/**
 * A chart's `values.schema.json`, which Helm validates the values against before it renders anything (a release
 * with an unknown or mistyped value fails at `pulumi up`). Copied verbatim from the chart's tag, gzipped.
 */
export interface ChartValuesSchema {
  readonly chart: string;
  readonly version: string;
  /** File under charts/. */
  readonly file: string;
  readonly source: string;
  readonly licence: string;
}

export const CHART_VALUES_SCHEMAS = {
  traefik: {
    chart: "traefik",
    version: "41.3.0",
    file: "traefik-41.3.0/values.schema.json.gz",
    source: "https://github.com/traefik/traefik-helm-chart/blob/v41.3.0/traefik/values.schema.json",
    licence: "Apache-2.0",
  },
} as const satisfies Record<string, ChartValuesSchema>;

/** The folder holding openapi/, crds/ and charts/. */
export const SCHEMAS_DIR = __dirname;

const readGzip = (...parts: string[]) =>
  gunzipSync(readFileSync(join(SCHEMAS_DIR, ...parts))).toString("utf8");

/** The `definitions` of the vendored OpenAPI document of `minor` (parsed anew: callers cache). */
export function readOpenApiDefinitions(minor: string): Record<string, unknown> {
  const source = OPENAPI_SOURCES[minor];
  if (source === undefined) {
    throw new Error(
      `no vendored Kubernetes OpenAPI schema for ${minor}; vendored: ${SCHEMA_VERSIONS.join(", ")}`,
    );
  }
  const doc = JSON.parse(readGzip("openapi", source.file)) as {
    definitions: Record<string, unknown>;
  };
  return doc.definitions;
}

/** A vendored chart values schema (JSON Schema 2020-12), parsed. */
export function readChartValuesSchema(schema: ChartValuesSchema): Record<string, unknown> {
  return JSON.parse(readGzip("charts", schema.file)) as Record<string, unknown>;
}

/** One vendored CRD, parsed. */
export function readCrd(bundle: CrdBundle, file: string): unknown {
  return JSON.parse(readGzip("crds", bundle.dir, file)) as unknown;
}
