/**
 * Where Kubernetes objects send data out of the cluster: backup destinations of operators (CloudNativePG, its
 * Barman Cloud plugin, Velero, Flux buckets) and the host an `ExternalName` Service stands for. Each row names the
 * field holding an endpoint (URL or host) and, where the operator falls back to a cloud's own endpoint when it is
 * unset, the field that picks that cloud. A new operator is one row.
 */

export interface DestinationRow {
  /** Type tokens of the kind (any API version). */
  readonly types: RegExp;
  /** What the destination is, for messages (`backup object store`). */
  readonly what: string;
  /** Dotted path of the endpoint URL or host. */
  readonly endpoint: string;
  /** When set, the row applies only if this path is present (the backup section exists). */
  readonly when?: string;
  /** When `endpoint` is unset: the path whose value picks the cloud's default endpoint, and how. */
  readonly fallback?: {
    readonly path: string;
    readonly hostOf: (value: string) => string | undefined;
  };
  /** A predicate on the object: the row applies only when it holds (a Service of type ExternalName). */
  readonly applies?: (props: Record<string, unknown>) => boolean;
  /** Hosts that never leave the cluster (`*.svc.cluster.local`): not judged. */
  readonly internal?: RegExp;
}

/** The endpoint Barman Cloud uses when `endpointURL` is unset, from the destination path's scheme. */
export function barmanDefaultHost(destinationPath: string): string | undefined {
  const scheme = /^([a-z0-9]+):\/\//i.exec(destinationPath)?.[1]?.toLowerCase();
  if (scheme === "s3") return "s3.amazonaws.com";
  if (scheme === "gs") return "storage.googleapis.com";
  if (scheme === "https" || scheme === "http") return hostOfUrl(destinationPath);
  return undefined;
}

/** Velero's object-store plugins by provider name, and the endpoint each uses without `config.s3Url`. */
const VELERO_DEFAULT_HOSTS: Readonly<Record<string, string>> = {
  aws: "s3.amazonaws.com",
  "velero.io/aws": "s3.amazonaws.com",
  gcp: "storage.googleapis.com",
  "velero.io/gcp": "storage.googleapis.com",
  azure: "blob.core.windows.net",
  "velero.io/azure": "blob.core.windows.net",
};

/** Flux Bucket providers and the endpoint each implies when `spec.endpoint` names none. */
const FLUX_BUCKET_DEFAULT_HOSTS: Readonly<Record<string, string>> = {
  aws: "s3.amazonaws.com",
  gcp: "storage.googleapis.com",
  azure: "blob.core.windows.net",
};

const lookup = (table: Readonly<Record<string, string>>) => (value: string) =>
  Object.hasOwn(table, value) ? table[value] : undefined;

export const DESTINATIONS: readonly DestinationRow[] = [
  {
    types: /^kubernetes:postgresql\.cnpg\.io\/[^:]+:Cluster$/,
    what: "backup object store",
    when: "spec.backup.barmanObjectStore",
    endpoint: "spec.backup.barmanObjectStore.endpointURL",
    fallback: { path: "spec.backup.barmanObjectStore.destinationPath", hostOf: barmanDefaultHost },
  },
  {
    types: /^kubernetes:barmancloud\.cnpg\.io\/[^:]+:ObjectStore$/,
    what: "backup object store",
    when: "spec.configuration",
    endpoint: "spec.configuration.endpointURL",
    fallback: { path: "spec.configuration.destinationPath", hostOf: barmanDefaultHost },
  },
  {
    types: /^kubernetes:velero\.io\/[^:]+:BackupStorageLocation$/,
    what: "backup storage location",
    endpoint: "spec.config.s3Url",
    fallback: { path: "spec.provider", hostOf: lookup(VELERO_DEFAULT_HOSTS) },
  },
  {
    types: /^kubernetes:source\.toolkit\.fluxcd\.io\/[^:]+:Bucket$/,
    what: "bucket source",
    endpoint: "spec.endpoint",
    fallback: { path: "spec.provider", hostOf: lookup(FLUX_BUCKET_DEFAULT_HOSTS) },
  },
  {
    types: /^kubernetes:core\/v1:Service$/,
    what: "external service",
    endpoint: "spec.externalName",
    applies: (props) => {
      const spec = props.spec as { type?: unknown } | undefined;
      return spec?.type === "ExternalName";
    },
    internal: /(?:^|\.)(?:svc|svc\.cluster\.local|cluster\.local)\.?$/,
  },
];

/** Host of a URL or bare host (`https://s3.gra.io.cloud.ovh.net` → `s3.gra.io.cloud.ovh.net`). */
export function hostOfUrl(value: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  return URL.canParse(withScheme) ? new URL(withScheme).hostname.replace(/^\[|\]$/g, "") : value;
}

/** The rows that cover `type`. */
export function destinationRowsOf(type: string): DestinationRow[] {
  return DESTINATIONS.filter((row) => row.types.test(type));
}
