/**
 * Host-name patterns that place a container registry or a Kubernetes API server. One shape serves both tables:
 * a pattern, the vendor that runs the host, and where the site comes from (a named group `site` in the pattern,
 * or a fixed site). Patterns are anchored: `ghcr.io.evil.example` must never pass as `ghcr.io`.
 */
import type { VendorId } from "./vendors";

export interface HostPattern {
  readonly pattern: RegExp;
  readonly vendor: VendorId;
  /** A fixed site id when the host names none. */
  readonly site?: string;
  readonly label: string;
}

export const CONTAINER_REGISTRIES: readonly HostPattern[] = [
  {
    pattern: /^rg\.(?<site>[a-z]{2}-[a-z]{3})\.scw\.cloud$/,
    vendor: "scaleway",
    label: "Scaleway Container Registry",
  },
  {
    pattern: /^[a-z0-9-]+\.(?:[a-z0-9]+\.)?(?<site>[a-z0-9-]+)\.container-registry\.ovh\.net$/,
    vendor: "ovhcloud",
    label: "OVHcloud Managed Private Registry",
  },
  {
    pattern: /^registry\.onstackit\.cloud$/,
    vendor: "stackit",
    site: "eu01",
    label: "STACKIT Container Registry",
  },
  {
    pattern: /^[a-z0-9-]+\.cr\.(?<site>[a-z]{2}-[a-z]{3})\.ionos\.com$/,
    vendor: "ionos",
    label: "IONOS Private Container Registry",
  },
  {
    pattern: /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)$/,
    vendor: "docker",
    label: "Docker Hub",
  },
  {
    pattern: /^(?:ghcr\.io|docker\.pkg\.github\.com)$/,
    vendor: "github",
    label: "GitHub Container Registry",
  },
  {
    pattern: /^(?:mcr\.microsoft\.com|[a-z0-9-]+\.azurecr\.io)$/,
    vendor: "azure",
    label: "Microsoft / Azure Container Registry",
  },
  {
    pattern: /^(?:gcr\.io|[a-z0-9-]+\.gcr\.io|[a-z0-9-]+-docker\.pkg\.dev)$/,
    vendor: "gcp",
    label: "Google Container / Artifact Registry",
  },
  {
    pattern: /^(?:registry\.k8s\.io|k8s\.gcr\.io)$/,
    vendor: "cncf",
    label: "Kubernetes project registry",
  },
  {
    pattern:
      /^(?:[0-9]{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?|public\.ecr\.aws)$/,
    vendor: "aws",
    label: "Amazon ECR",
  },
  { pattern: /^quay\.io$/, vendor: "redhat", label: "Quay" },
  {
    pattern: /^registry\.digitalocean\.com$/,
    vendor: "digitalocean",
    label: "DigitalOcean Container Registry",
  },
];

export const KUBERNETES_ENDPOINTS: readonly HostPattern[] = [
  {
    pattern: /^[0-9a-f-]+\.api\.k8s\.(?<site>[a-z]{2}-[a-z]{3})\.scw\.cloud$/,
    vendor: "scaleway",
    label: "Scaleway Kapsule",
  },
  {
    pattern: /^[a-z0-9]+\.c[0-9]+\.(?<site>[a-z0-9-]+)\.k8s\.ovh\.net$/,
    vendor: "ovhcloud",
    label: "OVHcloud Managed Kubernetes",
  },
  {
    pattern: /^api\.[a-z0-9-]+\.[a-z0-9]+\.s\.ske\.(?<site>eu[0-9]{2})\.onstackit\.cloud$/,
    vendor: "stackit",
    label: "STACKIT Kubernetes Engine",
  },
  {
    pattern: /^[a-z0-9.-]+\.ske\.(?<site>eu[0-9]{2})\.stackit\.cloud$/,
    vendor: "stackit",
    label: "STACKIT Kubernetes Engine (internal host)",
  },
  { pattern: /^[a-z0-9.-]+\.eks\.amazonaws\.com(?:\.cn)?$/, vendor: "aws", label: "Amazon EKS" },
  { pattern: /^[a-z0-9.-]+\.azmk8s\.io$/, vendor: "azure", label: "Azure AKS" },
  { pattern: /^[a-z0-9.-]+\.gke\.goog$/, vendor: "gcp", label: "Google GKE" },
  {
    pattern: /^[a-z0-9.-]+\.k8s\.ondigitalocean\.com$/,
    vendor: "digitalocean",
    label: "DigitalOcean Kubernetes",
  },
  { pattern: /^[a-z0-9.-]+\.linodelke\.net$/, vendor: "akamai", label: "Linode Kubernetes Engine" },
];

export interface HostMatch {
  readonly vendor: VendorId;
  readonly label: string;
  /** The site named by the host, when the host names one. */
  readonly site?: string;
}

/** Hosts already matched, per table: a plan names the same few registries and API servers on every resource. */
const matched = new WeakMap<readonly HostPattern[], Map<string, HostMatch | undefined>>();

/** The first pattern that matches `host` (lower-cased, port stripped), or undefined when nothing places it. */
export function matchHost(table: readonly HostPattern[], host: string): HostMatch | undefined {
  const bare = host.toLowerCase().replace(/:\d+$/, "");
  let byHost = matched.get(table);
  if (byHost === undefined) {
    byHost = new Map();
    matched.set(table, byHost);
  }
  if (byHost.has(bare)) return byHost.get(bare);
  const entry = table.find((e) => e.pattern.test(bare));
  const match = entry && {
    vendor: entry.vendor,
    label: entry.label,
    site: entry.pattern.exec(bare)?.groups?.site ?? entry.site,
  };
  byHost.set(bare, match);
  return match;
}

/**
 * S3 endpoints of object storage services, for backup and copy destinations. Hosts as the catalog already writes
 * them (config/catalog/offerings.ts: `s3.<site>.scw.cloud`, `s3.<region>.io.cloud.ovh.net`), STACKIT's
 * `object.storage.eu01.onstackit.cloud` (config/schema.ts example), IONOS `s3-eu-central-1.ionoscloud.com` and
 * `s3.eu-south-2.ionoscloud.com` (IONOS Object Storage endpoint list, docs.ionos.com), Amazon S3's regional hosts
 * (`s3.<region>.amazonaws.com`, AWS general reference). Bucket-in-host forms are accepted before each.
 */
export const OBJECT_STORAGE_ENDPOINTS: readonly HostPattern[] = [
  {
    pattern: /^(?:[a-z0-9.-]+\.)?s3\.(?<site>[a-z]{2}-[a-z]{3})\.scw\.cloud$/,
    vendor: "scaleway",
    label: "Scaleway Object Storage",
  },
  {
    pattern: /^(?:[a-z0-9.-]+\.)?s3\.(?<site>[a-z0-9-]+)\.(?:io\.|perf\.)?cloud\.ovh\.net$/,
    vendor: "ovhcloud",
    label: "OVHcloud Object Storage",
  },
  {
    pattern: /^(?:[a-z0-9.-]+\.)?object\.storage\.(?<site>eu[0-9]{2})\.onstackit\.cloud$/,
    vendor: "stackit",
    label: "STACKIT Object Storage",
  },
  {
    pattern: /^(?:[a-z0-9.-]+\.)?s3[.-](?<site>[a-z]{2}-[a-z]+-[0-9])\.ionoscloud\.com$/,
    vendor: "ionos",
    label: "IONOS Object Storage",
  },
  {
    pattern: /^(?:[a-z0-9.-]+\.)?s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/,
    vendor: "aws",
    label: "Amazon S3",
  },
  { pattern: /^storage\.googleapis\.com$/, vendor: "gcp", label: "Google Cloud Storage" },
  {
    pattern: /^[a-z0-9]+\.blob\.core\.windows\.net$/,
    vendor: "azure",
    label: "Azure Blob Storage",
  },
  {
    pattern: /^[a-z0-9]+\.r2\.cloudflarestorage\.com$/,
    vendor: "cloudflare",
    label: "Cloudflare R2",
  },
  {
    // Hetzner Object Storage: `<location>.your-objectstorage.com` (docs.hetzner.com/storage/object-storage).
    pattern: /^(?:[a-z0-9.-]+\.)?(?<site>fsn1|nbg1|hel1)\.your-objectstorage\.com$/,
    vendor: "hetzner",
    label: "Hetzner Object Storage",
  },
  {
    pattern: /^(?:[a-z0-9.-]+\.)?digitaloceanspaces\.com$/,
    vendor: "digitalocean",
    label: "DigitalOcean Spaces",
  },
];

/**
 * Hosts an `ExternalName` Service or an operator may send data to: object storage, then any other host under a
 * hyperscaler's domain (managed databases such as `*.rds.amazonaws.com`, `*.database.azure.com`).
 */
export const SERVICE_ENDPOINTS: readonly HostPattern[] = [
  ...OBJECT_STORAGE_ENDPOINTS,
  {
    pattern: /^(?:[a-z0-9.-]+\.)?amazonaws\.com(?:\.cn)?$/,
    vendor: "aws",
    label: "Amazon Web Services",
  },
  { pattern: /^(?:[a-z0-9.-]+\.)?googleapis\.com$/, vendor: "gcp", label: "Google Cloud" },
  {
    pattern: /^(?:[a-z0-9.-]+\.)?(?:windows\.net|azure\.com)$/,
    vendor: "azure",
    label: "Microsoft Azure",
  },
  {
    pattern: /^(?:[a-z0-9.-]+\.)?ondigitalocean\.com$/,
    vendor: "digitalocean",
    label: "DigitalOcean",
  },
  { pattern: /^(?:[a-z0-9.-]+\.)?oraclecloud\.com$/, vendor: "oracle", label: "Oracle Cloud" },
];
