/**
 * `sovereign:fleet`: how one service spreads over several vendors, and what must survive the loss of any one of
 * them. The arithmetic (weights → replicas, loss of a vendor) lives in `fleet-math.ts`, shared by the fleet
 * component, the `diversification` pack and the exit report.
 */
import { z } from "zod";

const share = z.number().min(0).max(100);

export const fleetSchema = z
  .object({
    /** @default 3 */
    minVendors: z.number().int().min(1).max(20).default(3),
    /** Distinct countries. @default 2 */
    minJurisdictions: z.number().int().min(1).max(20).default(2),
    /** No vendor may carry more than this percentage of any workload's replicas. @default 50 */
    maxVendorSharePercent: share.default(50),
    /** Relative capacity per target name (weights, any scale). @default - equal weights */
    weights: z.record(z.string(), z.number().min(0).max(1000)).optional(),
    /** Replicas each workload must keep after losing any one vendor. @default - ceil(replicas × (vendors - 1) / vendors) */
    required: z.record(z.string(), z.number().int().min(0).max(1000)).optional(),
    dns: z
      .object({
        /** The EU DNS service that hosts `zone`. */
        provider: z.enum(["scaleway", "ovhcloud"]),
        /** @default - `sovereign:domain` */
        zone: z.string().optional(),
        /** @default 60 */
        ttl: z.number().int().min(60).max(86400).default(60),
      })
      .strict(),
    replication: z
      .object({
        /** Bucket sync schedule (cron). @default "*\/15 * * * *" */
        objectSchedule: z.string().default("*/15 * * * *"),
        /** PostgreSQL dump schedule (cron). @default "0 * * * *" */
        databaseSchedule: z.string().default("0 * * * *"),
        /** rclone image, mirrored into an EU registry. */
        rcloneImage: z.string().default("rg.fr-par.scw.cloud/sovereign-mirror/rclone:1.68.2"),
        /** PostgreSQL client image (pg_dump), mirrored into an EU registry. */
        postgresImage: z.string().default("rg.fr-par.scw.cloud/sovereign-mirror/postgres:16.4"),
      })
      .strict()
      .default({
        objectSchedule: "*/15 * * * *",
        databaseSchedule: "0 * * * *",
        rcloneImage: "rg.fr-par.scw.cloud/sovereign-mirror/rclone:1.68.2",
        postgresImage: "rg.fr-par.scw.cloud/sovereign-mirror/postgres:16.4",
      }),
  })
  .strict();

export type FleetConfig = z.output<typeof fleetSchema>;

interface Named {
  readonly name: string;
}

/** Fleet keys that name targets or workloads must name ones that exist. */
export function checkFleet(
  fleet: FleetConfig,
  targets: readonly Named[],
  workloads: readonly Named[],
): { path: (string | number)[]; message: string; input?: unknown }[] {
  const issues: { path: (string | number)[]; message: string; input?: unknown }[] = [];
  const targetNames = targets.map((t) => t.name);
  const workloadNames = workloads.map((w) => w.name);
  for (const name of Object.keys(fleet.weights ?? {})) {
    if (!targetNames.includes(name)) {
      issues.push({ path: ["fleet", "weights", name], input: name, message: `names no target of this stack; use one of ${targetNames.join(", ")}` });
    }
  }
  if (fleet.weights && Object.values(fleet.weights).every((w) => w === 0)) {
    issues.push({ path: ["fleet", "weights"], input: fleet.weights, message: "must give at least one target a weight above 0" });
  }
  for (const name of Object.keys(fleet.required ?? {})) {
    if (!workloadNames.includes(name)) {
      issues.push({ path: ["fleet", "required", name], input: name, message: `names no workload of this stack; use one of ${workloadNames.join(", ")}` });
    }
  }
  return issues;
}
