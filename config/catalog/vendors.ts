/**
 * Who operates a Pulumi package's resources, and under which law. A resource's vendor is found from the package
 * in its type token (`scaleway:`, `aws:`); a package absent from this table cannot be placed, which every policy
 * treats as a violation (fail closed).
 */

export interface Vendor {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 country of the legal seat of the contracting entity. */
  readonly seat: string;
  readonly parent: string;
  /** True when a US parent or US entity makes the vendor subject to the US CLOUD Act. */
  readonly cloudAct: boolean;
  /** Pulumi package names (the part of a type token before the first `:`) whose resources this vendor runs. */
  readonly packages: readonly string[];
}

/** Vendors whose resources we place region by region (the regions table has their sites). */
export const EU_VENDORS = {
  scaleway: {
    id: "scaleway",
    name: "Scaleway",
    seat: "FR",
    parent: "Iliad Group",
    cloudAct: false,
    packages: ["scaleway"],
  },
  ovhcloud: {
    id: "ovhcloud",
    name: "OVHcloud",
    seat: "FR",
    parent: "OVH Groupe SA",
    cloudAct: false,
    packages: ["ovh"],
  },
  stackit: {
    id: "stackit",
    name: "STACKIT",
    seat: "DE",
    parent: "Schwarz Group",
    cloudAct: false,
    packages: ["stackit"],
  },
  ionos: {
    id: "ionos",
    name: "IONOS Cloud",
    seat: "DE",
    parent: "United Internet",
    cloudAct: false,
    packages: ["ionoscloud"],
  },
  proximus: {
    id: "proximus",
    name: "Proximus",
    seat: "BE",
    parent: "Proximus Group",
    cloudAct: false,
    packages: [],
  },
  post: {
    id: "post",
    name: "POST Luxembourg",
    seat: "LU",
    parent: "POST Group",
    cloudAct: false,
    packages: [],
  },
  hetzner: {
    id: "hetzner",
    name: "Hetzner Online",
    seat: "DE",
    parent: "Hetzner Online GmbH",
    cloudAct: false,
    packages: ["hcloud"],
  },
  upcloud: {
    id: "upcloud",
    name: "UpCloud",
    seat: "FI",
    parent: "UpCloud Ltd",
    cloudAct: false,
    packages: ["upcloud"],
  },
  outscale: {
    id: "outscale",
    name: "3DS OUTSCALE",
    seat: "FR",
    parent: "Dassault Systèmes",
    cloudAct: false,
    packages: ["outscale"],
  },
} as const satisfies Record<string, Vendor>;
export type EuVendorId = keyof typeof EU_VENDORS;

/** Vendors whose every resource is blocked by `eu-sovereignty`, whatever region it names. */
export const NON_EU_VENDORS = {
  aws: {
    id: "aws",
    name: "Amazon Web Services",
    seat: "US",
    parent: "Amazon.com, Inc.",
    cloudAct: true,
    packages: ["aws", "aws-native", "awsx", "eks", "aws-apigateway", "aws-static-website"],
  },
  azure: {
    id: "azure",
    name: "Microsoft Azure",
    seat: "US",
    parent: "Microsoft Corporation",
    cloudAct: true,
    packages: ["azure", "azure-native", "azuread", "azuredevops", "azure-justrun"],
  },
  gcp: {
    id: "gcp",
    name: "Google Cloud",
    seat: "US",
    parent: "Alphabet Inc.",
    cloudAct: true,
    packages: ["gcp", "google-native", "gke"],
  },
  digitalocean: {
    id: "digitalocean",
    name: "DigitalOcean",
    seat: "US",
    parent: "DigitalOcean Holdings",
    cloudAct: true,
    packages: ["digitalocean"],
  },
  oracle: {
    id: "oracle",
    name: "Oracle Cloud",
    seat: "US",
    parent: "Oracle Corporation",
    cloudAct: true,
    packages: ["oci"],
  },
  akamai: {
    id: "akamai",
    name: "Akamai (Linode)",
    seat: "US",
    parent: "Akamai Technologies",
    cloudAct: true,
    packages: ["linode"],
  },
  vultr: {
    id: "vultr",
    name: "Vultr",
    seat: "US",
    parent: "The Constant Company",
    cloudAct: true,
    packages: ["vultr"],
  },
  cloudflare: {
    id: "cloudflare",
    name: "Cloudflare",
    seat: "US",
    parent: "Cloudflare, Inc.",
    cloudAct: true,
    packages: ["cloudflare"],
  },
  ibm: {
    id: "ibm",
    name: "IBM Cloud",
    seat: "US",
    parent: "IBM",
    cloudAct: true,
    packages: ["ibm"],
  },
  redhat: {
    id: "redhat",
    name: "Red Hat (Quay)",
    seat: "US",
    parent: "IBM",
    cloudAct: true,
    packages: [],
  },
  docker: {
    id: "docker",
    name: "Docker Hub",
    seat: "US",
    parent: "Docker, Inc.",
    cloudAct: true,
    packages: [],
  },
  github: {
    id: "github",
    name: "GitHub",
    seat: "US",
    parent: "Microsoft Corporation",
    cloudAct: true,
    packages: ["github"],
  },
  cncf: {
    id: "cncf",
    name: "Kubernetes project registry",
    seat: "US",
    parent: "The Linux Foundation",
    cloudAct: true,
    packages: [],
  },
  alibaba: {
    id: "alibaba",
    name: "Alibaba Cloud",
    seat: "CN",
    parent: "Alibaba Group",
    cloudAct: false,
    packages: ["alicloud"],
  },
  tencent: {
    id: "tencent",
    name: "Tencent Cloud",
    seat: "CN",
    parent: "Tencent Holdings",
    cloudAct: false,
    packages: ["tencentcloud"],
  },
  pulumi: {
    id: "pulumi",
    name: "Pulumi Cloud",
    seat: "US",
    parent: "Pulumi Corporation",
    cloudAct: true,
    // No package: Pulumi Cloud holds state and secrets' keys (config/catalog/toolchain.ts), it runs no resources.
    packages: [],
  },
  huawei: {
    id: "huawei",
    name: "Huawei Cloud",
    seat: "CN",
    parent: "Huawei Technologies",
    cloudAct: false,
    packages: ["huaweicloud"],
  },
} as const satisfies Record<string, Vendor>;
export type NonEuVendorId = keyof typeof NON_EU_VENDORS;

/**
 * Packages whose resources live nowhere: they generate values (random, tls), run on the machine that runs Pulumi
 * (command), or are Kubernetes objects whose place is the cluster their provider points at (checked through the
 * provider's kubeconfig, not here).
 */
export const NEUTRAL_PACKAGES = {
  random: "generates values in the engine",
  tls: "generates keys and certificates in the engine",
  command: "runs on the machine that runs Pulumi",
  time: "computes timestamps in the engine",
  std: "pure functions",
  pulumi: "engine built-ins (stack references, providers)",
  kubernetes: "objects placed by their provider's kubeconfig",
  sovereign: "Sovereign Deploy components",
} as const satisfies Record<string, string>;

export type VendorId = EuVendorId | NonEuVendorId;
export const VENDORS: Readonly<Record<VendorId, Vendor>> = { ...EU_VENDORS, ...NON_EU_VENDORS };

const vendorByPackage: ReadonlyMap<string, Vendor> = new Map(
  Object.values(VENDORS).flatMap((v) => v.packages.map((p) => [p, v] as const)),
);

/** The package of a type token: `pulumi:providers:aws` → `aws`, `aws:s3/bucket:Bucket` → `aws`. */
export function packageOfType(type: string): string {
  const providerPrefix = "pulumi:providers:";
  if (type.startsWith(providerPrefix)) return type.slice(providerPrefix.length);
  const colon = type.indexOf(":");
  return colon < 0 ? type : type.slice(0, colon);
}

export function vendorOfPackage(pkg: string): Vendor | undefined {
  return vendorByPackage.get(pkg);
}

export function isNeutralPackage(pkg: string): boolean {
  return Object.hasOwn(NEUTRAL_PACKAGES, pkg);
}

export function isEuVendor(id: string): id is EuVendorId {
  return Object.hasOwn(EU_VENDORS, id);
}
