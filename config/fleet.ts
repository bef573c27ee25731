/**
 * `sovereign:fleet`: how one service spreads over several vendors, and what must survive the loss of any one of
 * them. The arithmetic (weights → replicas, loss of a vendor) lives in `domain/fleet-math.ts`, shared by the fleet
 * component, the `diversification` pack and the exit report.
 */
import { z } from "zod";
import { cron, namespaceName } from "./primitives";

const share = z.number().min(0).max(100);

/** How the fleet's DNS service answers for a workload's shared host. */
export const DnsRouting = {
  /** One record whose address pool is health-checked by the DNS service: a failed vendor drops out. */
  healthChecked: "health-checked",
  /** One record answering each target's address in proportion to its replicas (no health check). */
  weighted: "weighted",
  /** One plain record per target at the shared name; clients try the next address when one fails. */
  roundRobin: "round-robin",
} as const;
export type DnsRouting = (typeof DnsRouting)[keyof typeof DnsRouting];

/** The EU DNS services the fleet can write to, and the routing each one offers (first = default). */
export const DNS_SERVICES = {
  scaleway: {
    label: "Scaleway Domains and DNS",
    routing: ["health-checked", "weighted", "round-robin"],
  },
  ovhcloud: { label: "OVHcloud DNS", routing: ["round-robin"] },
} as const satisfies Record<string, { label: string; routing: readonly DnsRouting[] }>;
export type DnsServiceId = keyof typeof DNS_SERVICES;

const REPLICATION_DEFAULTS = {
  namespace: "sovereign-fleet",
  objectSchedule: "*/15 * * * *",
  databaseSchedule: "0 * * * *",
  backupRetentionDays: 14,
  dumpSizeLimit: "20Gi",
} as const;

const dnsServiceId = z.enum(Object.keys(DNS_SERVICES) as [DnsServiceId, ...DnsServiceId[]]);

/** One more DNS service serving the fleet's zone. */
const additionalDnsService = z
  .object({
    provider: dnsServiceId,
    /** @default - the provider's first routing in `DNS_SERVICES` */
    routing: z.enum(DnsRouting).optional(),
  })
  .strict();

const pinnedImage = z
  .string()
  .regex(
    /^[a-z0-9.-]+(:[0-9]+)?\/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$/,
    "must be a registry-qualified image with a pinned tag or digest, e.g. rg.fr-par.scw.cloud/mirror/rclone:1.68.2",
  )
  .refine((image) => !/:latest$/.test(image), "must pin a version, not :latest");

export const fleetSchema = z
  .object({
    /** Distinct vendors each workload must run on. @default 3 */
    minVendors: z.number().int().min(1).max(20).default(3),
    /** Distinct countries each workload must run in. @default 2 */
    minJurisdictions: z.number().int().min(1).max(20).default(2),
    /** No vendor may carry more than this percentage of any workload's replicas. @default 50 */
    maxVendorSharePercent: share.default(50),
    /**
     * Capacity share per target name (weights, any scale; 0 drains the target). When given, it names every target
     * that `replicas` does not fix. @default - equal weights
     */
    weights: z.record(z.string(), z.number().min(0).max(1000)).optional(),
    /** Fixed replicas per target name, for every workload running there; the rest is spread by weight. @default - none */
    replicas: z.record(z.string(), z.number().int().min(0).max(1000)).optional(),
    /**
     * Replicas each workload must keep after losing any one vendor.
     * @default - replicas − ceil(replicas / max(vendors it runs on, minVendors)): what an even spread keeps
     */
    required: z.record(z.string(), z.number().int().min(0).max(1000)).optional(),
    dns: z
      .object({
        /** The EU DNS service that hosts `zone`. */
        provider: dnsServiceId,
        /** Zone the records go in: `sovereign:domain` or a parent of it. @default - `sovereign:domain` */
        zone: z.string().optional(),
        /** @default 60 */
        ttl: z.number().int().min(60).max(86400).default(60),
        /** @default - the provider's first routing in `DNS_SERVICES` (scaleway: health-checked, ovhcloud: round-robin) */
        routing: z.enum(DnsRouting).optional(),
        /** Text the health check expects in the body of `https://<host><healthPath>`. @default "ok" */
        mustContain: z.string().min(1).default("ok"),
        /**
         * More DNS services, each of another vendor, that serve the same zone with the same records (each with its
         * own routing), so the fleet's names survive the loss of one DNS vendor once the zone is delegated to all.
         * @default [] - `provider` alone
         */
        alsoServedBy: z.array(additionalDnsService).default([]),
      })
      .strict(),
    replication: z
      .object({
        /** Namespace of the replication jobs on every target. @default "sovereign-fleet" */
        namespace: namespaceName.default(REPLICATION_DEFAULTS.namespace),
        /** Bucket sync schedule (cron). @default "*\/15 * * * *" */
        objectSchedule: cron.default(REPLICATION_DEFAULTS.objectSchedule),
        /** PostgreSQL dump schedule (cron). @default "0 * * * *" */
        databaseSchedule: cron.default(REPLICATION_DEFAULTS.databaseSchedule),
        /** Days a shipped dump stays in the other vendor's bucket. @default 14 */
        backupRetentionDays: z
          .number()
          .int()
          .min(1)
          .max(3650)
          .default(REPLICATION_DEFAULTS.backupRetentionDays),
        /** Size limit of the scratch volume a dump is staged in. @default "20Gi" */
        dumpSizeLimit: z
          .string()
          .regex(/^[0-9]+(Mi|Gi|Ti)$/, "must be a Kubernetes quantity such as 20Gi")
          .default(REPLICATION_DEFAULTS.dumpSizeLimit),
        /** rclone image. @default - rclone from the source target's mirror (config/catalog/mirrored.ts) */
        rcloneImage: pinnedImage.optional(),
        /** PostgreSQL client image (pg_dump). @default - postgres from the source target's mirror (config/catalog/mirrored.ts) */
        postgresImage: pinnedImage.optional(),
      })
      .strict()
      .default(REPLICATION_DEFAULTS),
  })
  .strict();

export type FleetConfig = z.output<typeof fleetSchema>;
export type FleetConfigInput = z.input<typeof fleetSchema>;

interface Named {
  readonly name: string;
}
interface WorkloadLike extends Named {
  readonly replicas?: number;
  readonly targets?: readonly string[];
}
interface FleetIssue {
  path: (string | number)[];
  message: string;
  input?: unknown;
}

/** The routing a DNS service uses: the configured one, else the provider's default. */
export function dnsRoutingOf(dns: {
  readonly provider: DnsServiceId;
  readonly routing?: DnsRouting | undefined;
}): DnsRouting {
  return dns.routing ?? DNS_SERVICES[dns.provider].routing[0];
}

/** One DNS service writing the fleet's records, with the routing of its shared names. */
export interface DnsServing {
  readonly provider: DnsServiceId;
  readonly routing: DnsRouting;
}

/** Every DNS service that serves the fleet's zone: `provider` first, then `alsoServedBy` in order. */
export function dnsServicesOf(dns: FleetConfig["dns"]): DnsServing[] {
  return [dns, ...dns.alsoServedBy].map((s) => ({
    provider: s.provider,
    routing: dnsRoutingOf(s),
  }));
}

/** The DNS zone records go in. */
export function dnsZoneOf(dns: FleetConfig["dns"], domain: string): string {
  return dns.zone ?? domain;
}

/**
 * Cross-field checks of `sovereign:fleet` against the stack's targets, workloads and domain: every name must exist,
 * every workload must get replicas somewhere, and the DNS service must offer the routing asked for.
 */
export function checkFleet(
  fleet: FleetConfig,
  targets: readonly Named[],
  workloads: readonly WorkloadLike[],
  domain?: string,
): FleetIssue[] {
  const targetNames = targets.map((t) => t.name);
  return [
    ...namingIssues(
      fleet,
      targetNames,
      workloads.map((w) => w.name),
    ),
    ...workloads.flatMap((w) => replicaIssues(fleet, targetNames, w)),
    ...dnsIssues(fleet, domain),
  ];
}

function namingIssues(
  fleet: FleetConfig,
  targetNames: readonly string[],
  workloadNames: readonly string[],
): FleetIssue[] {
  const issues: FleetIssue[] = [];
  const unknownTarget = (key: string, name: string) => ({
    path: ["fleet", key, name],
    input: name,
    message: `names no target of this stack; use one of ${targetNames.join(", ")}`,
  });
  for (const name of Object.keys(fleet.weights ?? {})) {
    if (!targetNames.includes(name)) issues.push(unknownTarget("weights", name));
    if (fleet.replicas?.[name] !== undefined) {
      issues.push({
        path: ["fleet", "weights", name],
        input: name,
        message:
          "is also fixed in fleet.replicas; give a target a weight or a replica count, not both",
      });
    }
  }
  for (const name of Object.keys(fleet.replicas ?? {})) {
    if (!targetNames.includes(name)) issues.push(unknownTarget("replicas", name));
  }
  // A misspelt target name is one problem: its target's missing weight is only reported once every key is known.
  const weightKeys = Object.keys(fleet.weights ?? {});
  if (fleet.weights && weightKeys.every((k) => targetNames.includes(k))) {
    for (const name of targetNames) {
      if (fleet.weights[name] === undefined && fleet.replicas?.[name] === undefined) {
        issues.push({
          path: ["fleet", "weights", name],
          input: undefined,
          message:
            "is missing: once fleet.weights is set it must weigh every target (0 drains one); or remove fleet.weights for equal shares",
        });
      }
    }
  }
  for (const name of Object.keys(fleet.required ?? {})) {
    if (!workloadNames.includes(name)) {
      issues.push({
        path: ["fleet", "required", name],
        input: name,
        message: `names no workload of this stack; use one of ${workloadNames.join(", ")}`,
      });
    }
  }
  return issues;
}

function replicaIssues(
  fleet: FleetConfig,
  targetNames: readonly string[],
  w: WorkloadLike,
): FleetIssue[] {
  if (w.replicas === undefined) return [];
  const runsOn = (w.targets ?? targetNames).filter((t) => targetNames.includes(t));
  const fixed = runsOn.filter((t) => fleet.replicas?.[t] !== undefined);
  const fixedSum = fixed.reduce((sum, t) => sum + (fleet.replicas?.[t] ?? 0), 0);
  const spread = runsOn.filter((t) => !fixed.includes(t));
  const weightOf = (t: string) => fleet.weights?.[t] ?? 1;
  const issues: FleetIssue[] = [];
  if (fixedSum > w.replicas) {
    issues.push({
      path: ["fleet", "replicas"],
      input: fleet.replicas,
      message: `fixes ${fixedSum} replicas of workload ${w.name} on ${fixed.join(", ")}, more than its ${w.replicas} replicas; lower the counts or raise the workload's replicas`,
    });
  } else if (fixedSum < w.replicas && spread.every((t) => weightOf(t) === 0)) {
    const allFixed = spread.length === 0;
    const why = allFixed
      ? "every target it runs on has a fixed count"
      : `every other target it runs on (${spread.join(", ")}) has weight 0`;
    issues.push({
      path: ["fleet", allFixed ? "replicas" : "weights"],
      input: allFixed ? fleet.replicas : fleet.weights,
      message: `leaves ${w.replicas - fixedSum} of workload ${w.name}'s ${w.replicas} replicas nowhere to run: ${why}; give a target a weight above 0 or change the workload's replicas`,
    });
  }
  const required = fleet.required?.[w.name];
  if (required !== undefined && required > w.replicas) {
    issues.push({
      path: ["fleet", "required", w.name],
      input: required,
      message: `asks for more replicas after a vendor loss than workload ${w.name} has in total (${w.replicas}); lower it or raise the workload's replicas`,
    });
  }
  return issues;
}

function routingIssue(
  service: { readonly provider: DnsServiceId; readonly routing?: DnsRouting | undefined },
  path: (string | number)[],
): FleetIssue[] {
  const offered: readonly DnsRouting[] = DNS_SERVICES[service.provider].routing;
  if (service.routing === undefined || offered.includes(service.routing)) return [];
  return [
    {
      path: [...path, "routing"],
      input: service.routing,
      message: `is not offered by ${DNS_SERVICES[service.provider].label}; use one of ${offered.join(", ")}`,
    },
  ];
}

function dnsIssues(fleet: FleetConfig, domain: string | undefined): FleetIssue[] {
  const issues: FleetIssue[] = [...routingIssue(fleet.dns, ["fleet", "dns"])];
  const seen: DnsServiceId[] = [fleet.dns.provider];
  fleet.dns.alsoServedBy.forEach((s, i) => {
    const path = ["fleet", "dns", "alsoServedBy", i];
    issues.push(...routingIssue(s, path));
    // A second zone at the same vendor is lost with it: only another vendor adds a DNS authority.
    if (seen.includes(s.provider))
      issues.push({
        path: [...path, "provider"],
        input: s.provider,
        message: `already serves the zone; name a DNS service of a vendor other than ${seen.join(" and ")}`,
      });
    seen.push(s.provider);
  });
  const zone = fleet.dns.zone;
  if (
    domain !== undefined &&
    zone !== undefined &&
    zone !== domain &&
    !domain.endsWith(`.${zone}`)
  ) {
    issues.push({
      path: ["fleet", "dns", "zone"],
      input: zone,
      message: `is neither sovereign:domain (${domain}) nor a parent of it; the workloads' hosts live under ${domain}`,
    });
  }
  return issues;
}
