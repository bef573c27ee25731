/**
 * The stack config of Sovereign Deploy (namespace `sovereign`), as one zod schema. Pure: `parseStackConfig` takes
 * plain values (what `pulumi config` holds, objects already parsed from JSON) and returns the typed config or throws
 * a `ConfigError` listing every problem. Secrets never pass through here: targets only *name* the secret config keys
 * that hold kubeconfigs and passwords, and `stacks/index.ts` reads those with `requireSecret`.
 */
import { z } from "zod";
import { EU_VENDORS, isEuVendor, type EuVendorId } from "./catalog/vendors";
import { placeOf, siteIds } from "./catalog/places";
import { groupAllows } from "./catalog/jurisdictions";
import { OVH_OFFERINGS, SCALEWAY_OFFERINGS, type Capability } from "./catalog/offerings";
import { SIZE_CLASSES } from "./catalog/sizes";
import { CLASSIFICATIONS, DEFAULT_CLASSIFICATION } from "./catalog/assurance";
import { fleetSchema, checkFleet } from "./fleet";
import { ConfigError, issuesFromZod, type ConfigIssue } from "./errors";
import { configKey } from "./primitives";
import { IMAGES_DEFAULTS, imagesSchema, registryRefSchema, registrySecretKeys } from "./images";
import { CERTIFICATES_DEFAULTS, certificateIssues, certificatesSchema } from "./certificates";
import { ovhNetworkFacts, ovhNetworkIssues, vrackSchema } from "./ovh-network";

const dnsLabel = z
  .string()
  .regex(
    /^[a-z]([a-z0-9-]{0,18}[a-z0-9])?$/,
    "must be a DNS label: 1-20 lower-case letters, digits or '-', starting with a letter",
  );
const size = z.enum(SIZE_CLASSES);

/** IngressClass of the platform's ingress controller (Traefik) where the target names none. */
export const DEFAULT_INGRESS_CLASS = "traefik";

export const Environment = { dev: "dev", staging: "staging", prod: "prod" } as const;
export type Environment = (typeof Environment)[keyof typeof Environment];

const databaseManaged = z
  .object({
    /** @default true */
    enabled: z.boolean().default(true),
    /** @default - the target's size */
    size: size.optional(),
    /** @default false - one node; true adds a standby (Scaleway) or a business-plan replica (OVHcloud) */
    highAvailability: z.boolean().default(false),
    /** @default 7 */
    backupRetentionDays: z.number().int().min(1).max(365).default(7),
    /**
     * Any text; changing it draws new database passwords (the keeper of their `random.RandomPassword`, or
     * OVHcloud's `passwordReset`). @default - passwords are drawn once and kept in state
     */
    passwordRotation: z.string().min(1).optional(),
  })
  .strict();

const objectStoreManaged = z
  .object({
    /** @default true */
    enabled: z.boolean().default(true),
    /** @default true */
    versioning: z.boolean().default(true),
  })
  .strict();

const nodes = z
  .object({
    /** @default 2 */
    min: z.number().int().min(1).max(100).default(2),
    /** @default 5 */
    max: z.number().int().min(1).max(200).default(5),
  })
  .strict()
  .refine((n) => n.max >= n.min, { message: "max must be at least min", path: ["max"] });

const targetBase = {
  name: dnsLabel,
  /** @default "small" */
  size: size.default("small"),
  /** @default {min: 2, max: 5} */
  nodes: nodes.default({ min: 2, max: 5 }),
  /** @default - `sovereign:environment` is `prod` */
  protect: z.boolean().optional(),
  /**
   * Mirror of third-party images and charts for this target.
   * @default - `sovereign:images.mirror`, else the target's own registry
   */
  mirror: registryRefSchema.optional(),
};

const scalewayTarget = z
  .object({
    ...targetBase,
    provider: z.literal("scaleway"),
    region: z.string(),
    /** @default - the region's first zone */
    zone: z.string().optional(),
    /** @default - the provider's project (`scaleway:projectId` or SCW_DEFAULT_PROJECT_ID) */
    projectId: z.string().uuid().optional(),
    /**
     * The organization the bucket credential (IAM application, policy) belongs to.
     * @default - SCW_DEFAULT_ORGANIZATION_ID, else SCW_ORGANIZATION_ID, from the environment
     */
    organizationId: z.string().uuid().optional(),
    /** @default "10.10.0.0/20" */
    privateNetworkCidr: z.cidrv4().default("10.10.0.0/20"),
    database: databaseManaged.default({
      enabled: true,
      highAvailability: false,
      backupRetentionDays: 7,
    }),
    objectStore: objectStoreManaged.default({ enabled: true, versioning: true }),
    /** @default true - a private registry namespace in the region */
    registry: z.boolean().default(true),
  })
  .strict();

const ovhTarget = z
  .object({
    ...targetBase,
    provider: z.literal("ovhcloud"),
    region: z.string(),
    /** The Public Cloud project id (`serviceName` in the OVH API). */
    serviceName: z
      .string()
      .regex(/^[0-9a-f]{32}$/, "must be the 32-hex-digit Public Cloud project id"),
    /**
     * Availability zone of the node pool, in a 3-AZ region (EU-WEST-PAR, EU-SOUTH-MIL); 1-AZ regions take none.
     * @default - the region's first zone in a 3-AZ region
     */
    zone: z.string().optional(),
    /**
     * VLAN of the target's private network in the vRack: one network per VLAN, so OVHcloud targets of one project
     * need distinct ids, and 0 collides with a VLAN 0 network the project already has. @default 0
     */
    vlanId: z.number().int().min(0).max(4000).default(0),
    /**
     * The vRack the project joins (docs/provider-preconditions.md).
     * @default - none: the project must already be attached to a vRack
     */
    vrack: vrackSchema.optional(),
    /** @default "10.20.0.0/24" */
    subnetCidr: z.cidrv4().default("10.20.0.0/24"),
    database: databaseManaged.default({
      enabled: true,
      highAvailability: false,
      backupRetentionDays: 7,
    }),
    objectStore: objectStoreManaged.default({ enabled: true, versioning: true }),
    /** @default true - a Managed Private Registry (Harbor) in the target's region */
    registry: z.boolean().default(true),
    /**
     * Harbor project images go under in that registry; create it once in the registry's Harbor UI (OVHcloud's API
     * has no resource for it). @default "sovereign"
     */
    registryProject: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9._-]{0,253}[a-z0-9])?$/, "must be a Harbor project name")
      .default("sovereign"),
  })
  .strict();

const externalDatabase = z
  .object({
    mode: z.literal("external"),
    host: z.string().min(1),
    /** @default 5432 */
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().min(1),
    user: z.string().min(1),
    /** Secret config key (in `sovereign:`) holding the password. */
    passwordSecret: configKey,
  })
  .strict();

const inClusterDatabase = z
  .object({
    mode: z.literal("in-cluster"),
    /** @default 2 - CloudNativePG instances (one primary, one standby) */
    instances: z.number().int().min(1).max(9).default(2),
    /** @default "10Gi" */
    storage: z
      .string()
      .regex(/^[0-9]+(Mi|Gi|Ti)$/, "must be a Kubernetes quantity such as 10Gi")
      .default("10Gi"),
    /** @default 7 */
    backupRetentionDays: z.number().int().min(1).max(365).default(7),
    /** PostgreSQL image for CloudNativePG, from an EU registry. @default - the EU mirror's postgresql:16 image */
    image: z.string().optional(),
    /**
     * Any text; changing it draws new database passwords (the keeper of their `random.RandomPassword`, or
     * OVHcloud's `passwordReset`). @default - passwords are drawn once and kept in state
     */
    passwordRotation: z.string().min(1).optional(),
  })
  .strict();

const externalObjectStore = z
  .object({
    mode: z.literal("external"),
    /** S3 endpoint URL, e.g. https://object.storage.eu01.onstackit.cloud */
    endpoint: z.url({ protocol: /^https$/ }),
    /** S3 region name the endpoint expects. @default - the target's region */
    s3Region: z.string().optional(),
    /** An existing bucket. */
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name"),
    /** Secret config keys (in `sovereign:`) holding the access key and the secret key. */
    accessKeySecret: configKey,
    secretKeySecret: configKey,
  })
  .strict();

const kubernetesTarget = z
  .object({
    ...targetBase,
    provider: z.literal("kubernetes"),
    /** The vendor that runs the cluster, from config/catalog/vendors.ts. */
    vendor: z.string(),
    region: z.string(),
    /** Secret config key (in `sovereign:`) holding the kubeconfig. @default "kubeconfig-<target name>" */
    kubeconfigSecret: configKey.optional(),
    /** kubeconfig context. @default - the kubeconfig's current context */
    context: z.string().optional(),
    /** IngressClass the platform's Traefik serves. @default "traefik" */
    ingressClass: z.string().default(DEFAULT_INGRESS_CLASS),
    /**
     * The vendor's registry this target pulls from (STACKIT Container Registry, IONOS Private Container Registry,
     * any EU Harbor), with a credential that may push (the copy job) and pull.
     * @default - none: workloads pull the configured image
     */
    registry: registryRefSchema.optional(),
    /**
     * `in-cluster`: a CloudNativePG cluster (the operator must be installed) backed up to the external object store;
     * `external`: a managed PostgreSQL reached from the cluster.
     * @default {mode: "none"}
     */
    database: z
      .discriminatedUnion(
        "mode",
        [externalDatabase, inClusterDatabase, z.object({ mode: z.literal("none") }).strict()],
        {
          error: (iss) =>
            iss.code === "invalid_union" ? "must be one of in-cluster, external, none" : undefined,
        },
      )
      .default({ mode: "none" }),
    /** @default {mode: "none"} */
    objectStore: z
      .discriminatedUnion(
        "mode",
        [externalObjectStore, z.object({ mode: z.literal("none") }).strict()],
        {
          error: (iss) =>
            iss.code === "invalid_union"
              ? "must be external or none (in-cluster object storage is not offered: point at the vendor's S3 endpoint)"
              : undefined,
        },
      )
      .default({ mode: "none" }),
  })
  .strict();

/**
 * The fields the catalog cross-checks read, parsed on their own: a target that lacks another field (an OVHcloud
 * `serviceName`) is still sited, so one run reports its region too.
 */
const MANAGED_SITING = {
  provider: true,
  region: true,
  zone: true,
  database: true,
  objectStore: true,
  registry: true,
} as const;
const targetSiting = z.discriminatedUnion("provider", [
  z.object(scalewayTarget.shape).pick(MANAGED_SITING),
  z.object(ovhTarget.shape).pick(MANAGED_SITING),
  z
    .object(kubernetesTarget.shape)
    .pick({ provider: true, vendor: true, region: true, database: true, objectStore: true }),
]);
type TargetSiting = z.output<typeof targetSiting>;

/** Zod skips a refinement after an aborting issue; these run on whatever part of the value they need. */
const ALWAYS = { when: () => true };

export const targetSchema = z
  .discriminatedUnion("provider", [scalewayTarget, ovhTarget, kubernetesTarget], {
    error: (iss) =>
      iss.code === "invalid_union" ? "must be one of scaleway, ovhcloud, kubernetes" : undefined,
  })
  .superRefine((t, ctx) => {
    const sited = targetSiting.safeParse(t);
    if (!sited.success) return;
    for (const issue of regionIssues(sited.data)) ctx.addIssue({ code: "custom", ...issue });
  }, ALWAYS);

/** The names the reference checks read, parsed on their own (other errors do not hide a duplicate name). */
const stackReferences = z.object({
  targets: z.array(z.object({ name: z.string() })),
  workloads: z.array(z.object({ name: z.string(), targets: z.array(z.string()).optional() })),
});
type StackReferences = z.output<typeof stackReferences>;

const workloadSchema = z
  .object({
    name: dnsLabel,
    image: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9._/:@-]*[a-z0-9])?$/i,
        "must be a container image reference such as rg.fr-par.scw.cloud/acme/shop:1.4.2",
      ),
    /**
     * Data classification: sets the minimum SEAL the offerings it runs on must reach (`seal-enforce-minimum`,
     * docs/sovereignty.md). @default "internal"
     */
    classification: z.enum(CLASSIFICATIONS).default(DEFAULT_CLASSIFICATION),
    /** Replicas across the stack's targets (in a fleet, spread by `sovereign:fleet` weights). @default 2 */
    replicas: z.number().int().min(1).max(1000).default(2),
    /** @default 8080 */
    port: z.number().int().min(1).max(65535).default(8080),
    /** @default "small" */
    size: size.default("small"),
    /** @default "/healthz" */
    healthPath: z.string().startsWith("/").default("/healthz"),
    /** Plain environment variables (never secrets). @default {} */
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
    /** Hostname prefix under `sovereign:domain`. @default - the workload name */
    host: dnsLabel.optional(),
    /** @default {minReplicas: replicas per target, maxReplicas: 3 × that, cpuPercent: 70} */
    autoscale: z
      .object({
        maxFactor: z.number().int().min(1).max(10).default(3),
        cpuPercent: z.number().int().min(10).max(100).default(70),
      })
      .strict()
      .default({ maxFactor: 3, cpuPercent: 70 }),
    /** Wire the target's PostgreSQL connection secret. @default true */
    database: z.boolean().default(true),
    /** Wire the target's bucket and its credentials. @default true */
    objectStore: z.boolean().default(true),
    /** Target names to run on. @default - every target */
    targets: z.array(dnsLabel).min(1).optional(),
  })
  .strict();

export const stackConfigSchema = z
  .object({
    /** @default "dev"; `prod` protects databases and buckets */
    environment: z.enum(Environment).default("dev"),
    /** DNS zone the ingress hosts live under. @default "apps.example.eu" */
    domain: z
      .string()
      .regex(
        /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/,
        "must be a DNS domain such as apps.example.eu",
      )
      .default("apps.example.eu"),
    targets: z.array(targetSchema).min(1, "must list at least one target"),
    workloads: z.array(workloadSchema).min(1, "must list at least one workload"),
    fleet: fleetSchema.optional(),
    /** Build registry, default mirror and copy job. @default {sync: {namespace: "sovereign-images", schedule: "17 *\/6 * * *"}} */
    images: imagesSchema.default(IMAGES_DEFAULTS),
    /** ACME CA of every target's cert-manager. @default {server: Let's Encrypt production} */
    certificates: certificatesSchema.default(CERTIFICATES_DEFAULTS),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const refs = stackReferences.safeParse(cfg);
    if (refs.success)
      for (const issue of referenceIssues(refs.data)) ctx.addIssue({ code: "custom", ...issue });
    // The fleet checks read every target and workload: only once those parsed.
    const aborted = ctx.issues.some((i) => i.continue !== true);
    for (const issue of ovhNetworkIssues(ovhNetworkFacts(cfg.targets)))
      ctx.addIssue({ code: "custom", ...issue });
    if (!aborted && cfg.fleet)
      for (const issue of checkFleet(cfg.fleet, cfg.targets, cfg.workloads, cfg.domain))
        ctx.addIssue({ code: "custom", ...issue });
    if (!aborted) for (const issue of supplyIssues(cfg)) ctx.addIssue({ code: "custom", ...issue });
  }, ALWAYS);

export type StackConfigInput = z.input<typeof stackConfigSchema>;
export type StackConfig = z.output<typeof stackConfigSchema>;
export type Target = StackConfig["targets"][number];
export type ScalewayTarget = Extract<Target, { provider: "scaleway" }>;
export type OvhTarget = Extract<Target, { provider: "ovhcloud" }>;
export type KubernetesTarget = Extract<Target, { provider: "kubernetes" }>;
export type Workload = StackConfig["workloads"][number];
export type ProviderId = Target["provider"];

interface CrossIssue {
  path: (string | number)[];
  message: string;
  input?: unknown;
}

/** The vendor a target runs on: the managed provider itself, or the vendor a `kubernetes` target names. */
export function vendorOfTarget(t: Pick<Target, "provider"> & { vendor?: string }): EuVendorId {
  return t.provider === "kubernetes" ? (t.vendor as EuVendorId) : t.provider;
}

const OFFERINGS: Record<
  "scaleway" | "ovhcloud",
  Readonly<
    Record<
      string,
      { readonly capabilities: readonly Capability[]; readonly zones: readonly string[] }
    >
  >
> = {
  scaleway: SCALEWAY_OFFERINGS,
  ovhcloud: OVH_OFFERINGS,
};
const capabilitiesOf = (provider: "scaleway" | "ovhcloud", site: string) =>
  OFFERINGS[provider][site]?.capabilities;

/** Region, vendor and capability checks of one target, against the catalog. Paths are relative to the target. */
function regionIssues(t: TargetSiting): CrossIssue[] {
  const at = (...p: (string | number)[]) => p;
  if (t.provider === "kubernetes" && !isEuVendor(t.vendor)) {
    return [
      {
        path: at("vendor"),
        input: t.vendor,
        message: `is not an EU vendor in the catalog; use one of ${Object.keys(EU_VENDORS).join(", ")}`,
      },
    ];
  }
  const vendor = vendorOfTarget(t);
  const place = placeOf(vendor, t.region);
  if (!place) {
    return [
      {
        path: at("region"),
        input: t.region,
        message: `is not a ${vendor} region in the catalog; use one of ${siteIds(vendor).join(", ")}`,
      },
    ];
  }
  const choices =
    t.provider === "kubernetes" ? euSites(vendor) : Object.keys(OFFERINGS[t.provider]);
  if (!groupAllows("eu", place.jurisdiction)) {
    return [
      {
        path: at("region"),
        input: t.region,
        message: `is in ${place.city}, ${place.country} (${place.jurisdiction}), outside the EU; choose an EU region of ${vendor}: ${choices.join(", ")}`,
      },
    ];
  }
  if (t.provider === "kubernetes") {
    // A database whose only copy lives in the cluster it serves is no backup: CloudNativePG ships to S3.
    return t.database.mode === "in-cluster" && t.objectStore.mode === "none"
      ? [
          {
            path: at("database", "mode"),
            input: "in-cluster",
            message:
              "needs an object store for its backups; set objectStore to {mode: external, endpoint, bucket, ...} with the vendor's S3 service, or use database mode external",
          },
        ]
      : [];
  }
  const caps = capabilitiesOf(t.provider, place.site);
  if (!caps) {
    return [
      {
        path: at("region"),
        input: t.region,
        message: `is an EU ${vendor} site where Sovereign Deploy cannot build a platform yet; use one of ${choices.join(", ")}`,
      },
    ];
  }
  const issues: CrossIssue[] = [];
  const wants: [Capability, boolean, string][] = [
    ["database", t.database.enabled, "database.enabled"],
    ["objectStore", t.objectStore.enabled, "objectStore.enabled"],
    ["registry", t.registry, "registry"],
  ];
  for (const [cap, wanted, key] of wants) {
    if (wanted && !caps.includes(cap)) {
      issues.push({
        path: at(...key.split(".")),
        input: true,
        message: `${cap} is not offered by ${vendor} in ${place.site}; set ${key} to false or choose another region`,
      });
    }
  }
  const zones = OFFERINGS[t.provider][place.site]?.zones ?? [];
  if (t.zone !== undefined && !zones.includes(t.zone.toLowerCase())) {
    issues.push({
      path: at("zone"),
      input: t.zone,
      message:
        zones.length > 0
          ? `is not a zone of ${place.site}; use one of ${zones.join(", ")}`
          : `names a zone, but ${vendor} ${place.site} has no availability zones; remove it`,
    });
  }
  return issues;
}

function euSites(vendor: EuVendorId): string[] {
  return siteIds(vendor).filter((s) => {
    const p = placeOf(vendor, s);
    return p !== undefined && groupAllows("eu", p.jurisdiction);
  });
}

/** Indices of names already used earlier in the list: the first use is fine, later ones are the problem. */
function repeatedAt(names: readonly string[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  names.forEach((n, i) => (seen.has(n) ? repeated.add(i) : seen.add(n)));
  return repeated;
}

/** Unique target and workload names, and workloads pinned to targets that exist. */
function referenceIssues(cfg: StackReferences): CrossIssue[] {
  const issues: CrossIssue[] = [];
  const targetNames = cfg.targets.map((t) => t.name);
  const repeatedTargets = repeatedAt(targetNames);
  cfg.targets.forEach((t, i) => {
    if (repeatedTargets.has(i))
      issues.push({
        path: ["targets", i, "name"],
        input: t.name,
        message: "is used by another target; target names must be unique",
      });
  });
  const repeatedWorkloads = repeatedAt(cfg.workloads.map((w) => w.name));
  cfg.workloads.forEach((w, i) => {
    if (repeatedWorkloads.has(i))
      issues.push({
        path: ["workloads", i, "name"],
        input: w.name,
        message: "is used by another workload; workload names must be unique",
      });
    (w.targets ?? []).forEach((name, j) => {
      if (!targetNames.includes(name))
        issues.push({
          path: ["workloads", i, "targets", j],
          input: name,
          message: `is not a target of this stack; use one of ${targetNames.join(", ")}`,
        });
    });
  });
  return issues;
}

/** Where each target gets third-party images, and whether the ACME CA has what it needs. */
function supplyIssues(cfg: StackConfig): CrossIssue[] {
  const issues: CrossIssue[] = [];
  cfg.targets.forEach((t, i) => {
    if (!hasOwnRegistry(t) && t.mirror === undefined && cfg.images.mirror === undefined)
      issues.push({
        path: ["targets", i, "mirror"],
        input: undefined,
        message: `is needed: target ${t.name} has no registry of its own to mirror third-party images (ingress controller, cert-manager, PostgreSQL) into; set targets[${i}].mirror, sovereign:images.mirror, or give the target a registry`,
      });
  });
  return [...issues, ...certificateIssues(cfg.certificates)];
}

/** Whether the target has a registry of its own vendor (created by the platform, or named in config). */
export function hasOwnRegistry(t: Target): boolean {
  return t.provider === "kubernetes" ? t.registry !== undefined : t.registry;
}

/** The secret config keys (without the `sovereign:` namespace) that the targets name, with what each holds. */
export function secretKeysOf(cfg: StackConfig): { key: string; target: string; holds: string }[] {
  const every = "every target";
  const stackKeys = [
    ...registrySecretKeys(cfg.images.source, "build registry password"),
    ...registrySecretKeys(cfg.images.mirror, "mirror registry password"),
    ...(cfg.certificates.externalAccount
      ? [{ key: cfg.certificates.externalAccount.hmacKeySecret, holds: "ACME EAB HMAC key" }]
      : []),
  ].map((k) => ({ ...k, target: every }));
  const targetKeys = cfg.targets.flatMap((t) => [
    ...registrySecretKeys(t.mirror, "mirror registry password").map((k) => ({
      ...k,
      target: t.name,
    })),
    ...kubernetesSecretKeys(t),
  ]);
  return [...stackKeys, ...targetKeys];
}

function kubernetesSecretKeys(t: Target): { key: string; target: string; holds: string }[] {
  if (t.provider !== "kubernetes") return [];
  const keys = [
    { key: kubeconfigKeyOf(t), target: t.name, holds: "kubeconfig" },
    ...registrySecretKeys(t.registry, "registry password").map((k) => ({ ...k, target: t.name })),
  ];
  if (t.database.mode === "external")
    keys.push({ key: t.database.passwordSecret, target: t.name, holds: "PostgreSQL password" });
  if (t.objectStore.mode === "external") {
    keys.push({ key: t.objectStore.accessKeySecret, target: t.name, holds: "S3 access key" });
    keys.push({ key: t.objectStore.secretKeySecret, target: t.name, holds: "S3 secret key" });
  }
  return keys;
}

export function kubeconfigKeyOf(t: KubernetesTarget): string {
  return t.kubeconfigSecret ?? `kubeconfig-${t.name}`;
}

export interface ParseOptions {
  /** The stack file the values came from, named in every error. */
  readonly stackFile?: string;
  readonly stack?: string;
}

/**
 * Validates the `sovereign:*` config of a stack. `raw` maps each key without its namespace (`targets`, not
 * `sovereign:targets`) to its value, objects already parsed. Throws a `ConfigError` listing every problem.
 */
export function parseStackConfig(raw: unknown, opts: ParseOptions = {}): StackConfig {
  const result = stackConfigSchema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const issues: ConfigIssue[] = issuesFromZod(result.error.issues);
  throw new ConfigError(issues, opts);
}
