/**
 * The run-time dependencies of a plan's targets: what each target needs from outside itself to keep serving (the
 * registry of every image, every chart source, the DNS authority of its names, its certificate issuer, the object
 * storage it reads) and where its data is copied (backups). Each is attributed to a vendor and a country through
 * the catalogs; `unknown` when nothing attributes it, which the survival analysis treats as lost with any vendor.
 */

export const DependencyKind = {
  image: "image",
  chart: "chart",
  dns: "dns",
  certificateIssuer: "certificate-issuer",
  objectStore: "object-store",
  backup: "backup",
} as const;
export type DependencyKind = (typeof DependencyKind)[keyof typeof DependencyKind];

/** Kinds a long-running pod needs to keep serving; the others are needed to deploy, renew or copy. */
export const SERVING_KINDS: ReadonlySet<DependencyKind> = new Set([
  DependencyKind.image,
  DependencyKind.dns,
  DependencyKind.objectStore,
]);

/** The vendor of a dependency nothing in the catalogs attributes. */
export const UNATTRIBUTED = "unknown";

export interface Dependency {
  /** The target (cluster) that depends on it. */
  readonly target: string;
  readonly kind: DependencyKind;
  /** What is reached: an image reference, a chart address, a DNS zone, an ACME directory, an S3 endpoint. */
  readonly endpoint: string;
  /** Vendor id that serves it, or `unknown`. */
  readonly vendor: string;
  /** ISO country of the serving site (or of the vendor's seat when the endpoint names no site), or null. */
  readonly country: string | null;
  /** The resource that creates the dependency. */
  readonly urn: string;
  /** That resource as people name it: `Deployment shop`, `Release traefik`. */
  readonly resource: string;
  /**
   * True when the target needs it to keep serving through a loss: the registries of its long-running pods (a
   * surviving target scales up and reschedules), the DNS authority of its names, the object storage its pods read.
   * False for what it needs only to change or to copy: chart sources (at deploy), certificate issuers (at renewal,
   * weeks before expiry), and what scheduled jobs reach (backup destinations, the jobs' images).
   */
  readonly serving: boolean;
  /** Why it could not be attributed, when `vendor` is `unknown`. */
  readonly problem?: string;
}

/** Where a target runs: its own vendor and country, from its objects' labels or its provider's placement. */
export interface TargetPlace {
  readonly name: string;
  readonly vendor: string;
  readonly country: string | null;
}

/** The verb that says how a target depends on an endpoint, for messages (`pulls`, `installs a chart from`). */
export const DEPENDS_BY: Readonly<Record<DependencyKind, string>> = {
  image: "pulls",
  chart: "installs a chart from",
  dns: "is named through DNS zone",
  "certificate-issuer": "gets its certificates from",
  "object-store": "reads and writes object storage at",
  backup: "copies its data to",
};

/** What to change so a target no longer loses a dependency of this kind with one vendor. */
export const REMEDY: Readonly<Record<DependencyKind, string>> = {
  image:
    "pull it from a registry of the target's own vendor (copy the image there) or from one that two vendors serve",
  chart: "install the chart from a registry of the target's own vendor (copy it there)",
  dns: "serve the zone from the DNS services of two vendors, and delegate it to both",
  "certificate-issuer":
    "declare the issuer in the program, with a CA the loss of one vendor does not take away (one per target, or two)",
  "object-store": "point the target at object storage of its own vendor",
  backup: "copy the data to a second vendor",
};
