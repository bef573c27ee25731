/**
 * The fleet's decisions before any resource exists, pure: which target copies its data to which (a ring that
 * always crosses vendors), which data services must be copied, and the rules the component registers.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ConfigError, keyPath } from "../../config/errors";
import {
  checkFleet,
  dnsRoutingOf,
  dnsServicesOf,
  dnsZoneOf,
  type FleetConfig,
} from "../../config/fleet";
import { requiredReplicas } from "../../domain/fleet-math";
import type { StackConfig, Target } from "../../config/schema";
import type { PlatformContract } from "../contract/types";
import { CopyKind, type FleetRules } from "../../domain/fleet-facts";

/** One target of the fleet as the platform built it, with the workloads it runs there. */
export interface PlatformEntry {
  readonly target: Target;
  readonly contract: PlatformContract;
  readonly workloads: readonly {
    readonly name: string;
    /** Replicas of the workload on this target (domain/fleet-math.ts `replicasByTarget`). */
    readonly replicas: number;
    /** The workload's host on this target (its Ingress host). */
    readonly host: pulumi.Output<string>;
  }[];
}

export interface FleetArgs {
  readonly config: StackConfig;
  readonly platforms: readonly PlatformEntry[];
  /**
   * Awaited after each workload's DNS records, so the runtime registers them before the next are declared
   * (stacks/deploy.ts: one turn of the event loop). Without it every record is declared in the constructor.
   */
  readonly pace?: () => Promise<void>;
}

/** What the ring needs to know of a target. */
export interface RingSite {
  readonly name: string;
  readonly vendor: string;
  readonly objects: boolean;
  readonly database: boolean;
}

export interface PlannedCopy {
  readonly kind: CopyKind;
  readonly source: string;
  readonly sourceVendor: string;
  readonly destination: string;
  readonly destinationVendor: string;
}

/** Which data service a copy reads from. Both kinds land in a bucket: the destination must have objects. */
const COPY_SOURCES: Readonly<Record<CopyKind, (site: RingSite) => boolean>> = {
  objects: (site) => site.objects,
  database: (site) => site.database,
};

/** The first site after `from` (in config order, wrapping) that runs at another vendor and has a bucket. */
export function nextOtherVendor(sites: readonly RingSite[], from: RingSite): RingSite | undefined {
  const start = sites.indexOf(from);
  for (let step = 1; step < sites.length; step += 1) {
    const candidate = sites[(start + step) % sites.length];
    if (candidate && candidate.vendor !== from.vendor && candidate.objects) return candidate;
  }
  return undefined;
}

/** Every data service that must be copied, and the copies the ring can make (a service with no partner has none). */
export function planCopies(sites: readonly RingSite[]): {
  stateful: FleetRules["stateful"];
  copies: PlannedCopy[];
} {
  const kinds = Object.values(CopyKind);
  const stateful = sites.flatMap((s) =>
    kinds
      .filter((k) => COPY_SOURCES[k](s))
      .map((kind) => ({ target: s.name, vendor: s.vendor, kind })),
  );
  const copies = stateful.flatMap((svc): PlannedCopy[] => {
    const from = sites.find((s) => s.name === svc.target);
    const to = from && nextOtherVendor(sites, from);
    return to
      ? [
          {
            kind: svc.kind,
            source: svc.target,
            sourceVendor: svc.vendor,
            destination: to.name,
            destinationVendor: to.vendor,
          },
        ]
      : [];
  });
  return { stateful, copies };
}

export function ringSitesOf(platforms: readonly PlatformEntry[]): RingSite[] {
  return platforms.map((p) => ({
    name: p.target.name,
    vendor: p.contract.placement.vendor,
    objects: p.contract.objectStore !== undefined,
    database: p.contract.database !== undefined,
  }));
}

/** The fleet config, checked against the platforms; throws a `ConfigError` naming every problem. */
export function checkedFleet(args: FleetArgs): FleetConfig {
  const { config, platforms } = args;
  if (!config.fleet) {
    throw new ConfigError([
      {
        key: keyPath(["fleet"]),
        value: undefined,
        problem: "is required by the fleet component",
        fix: "add sovereign:fleet to the stack file (docs/fleet.md shows an example)",
      },
    ]);
  }
  const issues = checkFleet(config.fleet, config.targets, config.workloads, config.domain).map(
    (i) => ({ key: keyPath(i.path), value: i.input, problem: i.message }),
  );
  const targetNames = config.targets.map((t) => t.name);
  const workloadNames = config.workloads.map((w) => w.name);
  platforms.forEach((p, i) => {
    if (!targetNames.includes(p.target.name)) {
      issues.push({
        key: `platforms[${i}].target.name`,
        value: p.target.name,
        problem: `names no target of sovereign:targets (${targetNames.join(", ")})`,
      });
    }
    for (const w of p.workloads.filter((x) => !workloadNames.includes(x.name))) {
      issues.push({
        key: `platforms[${i}].workloads`,
        value: w.name,
        problem: `names no workload of sovereign:workloads (${workloadNames.join(", ")})`,
      });
    }
  });
  if (issues.length > 0) throw new ConfigError(issues);
  return config.fleet;
}

/** The rules the component registers: thresholds, required replicas per workload, the data services to copy. */
export function rulesOf(
  config: StackConfig,
  fleet: FleetConfig,
  platforms: readonly PlatformEntry[],
): FleetRules {
  const vendorsRunning = (workload: string) =>
    new Set(
      platforms
        .filter((p) => p.workloads.some((w) => w.name === workload && w.replicas > 0))
        .map((p) => p.contract.placement.vendor),
    ).size;
  const [first, ...more] = dnsServicesOf(fleet.dns);
  // `alsoServedBy` only when set, so the rules of a one-service fleet stay as they were registered.
  const routings = {
    routing: first?.routing ?? dnsRoutingOf(fleet.dns),
    ...(more.length > 0
      ? { alsoServedBy: more.map((s) => ({ service: s.provider, routing: s.routing })) }
      : {}),
  };
  return {
    minVendors: fleet.minVendors,
    minJurisdictions: fleet.minJurisdictions,
    maxVendorSharePercent: fleet.maxVendorSharePercent,
    workloads: config.workloads.map((w) => ({
      name: w.name,
      replicas: w.replicas,
      required: requiredReplicas(fleet, w, vendorsRunning(w.name)),
    })),
    stateful: planCopies(ringSitesOf(platforms)).stateful,
    dns: { service: fleet.dns.provider, zone: dnsZoneOf(fleet.dns, config.domain), ...routings },
  };
}
