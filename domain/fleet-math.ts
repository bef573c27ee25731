/**
 * The fleet's arithmetic, pure and shared by the deploy wiring, the fleet component, the `diversification` pack
 * and the exit report: weights → replicas (largest remainder), the replicas a workload must keep, capacity per
 * vendor, shares, and what remains after losing each vendor.
 */
import type { FleetConfig } from "../config/fleet";

/**
 * Splits `total` into whole numbers proportional to `weights` (largest-remainder method): every key gets the floor
 * of its quota, and the replicas left over go to the largest remainders, ties to the key listed first.
 */
export function spreadReplicas<K extends string>(
  total: number,
  weights: Readonly<Record<K, number>>,
): Record<K, number> {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`total must be a whole number of at least 0, got ${total}`);
  const keys = Object.keys(weights) as K[];
  const bad = keys.find((k) => !Number.isFinite(weights[k]) || weights[k] < 0);
  if (bad !== undefined)
    throw new RangeError(
      `weight of ${bad} must be a finite number of at least 0, got ${weights[bad]}`,
    );
  const sum = keys.reduce((acc, k) => acc + weights[k], 0);
  const result = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  if (total === 0) return result;
  if (sum === 0)
    throw new RangeError(
      `cannot spread ${total} replicas over weights that are all 0 (${keys.join(", ") || "none"})`,
    );
  const quotas = keys.map((key, order) => {
    const quota = (total * weights[key]) / sum;
    return { key, order, floor: Math.floor(quota), remainder: quota - Math.floor(quota) };
  });
  for (const q of quotas) result[q.key] = q.floor;
  let left = total - quotas.reduce((acc, q) => acc + q.floor, 0);
  const byRemainder = [...quotas].sort((a, b) => b.remainder - a.remainder || a.order - b.order);
  for (const q of byRemainder) {
    if (left === 0) break;
    result[q.key] += 1;
    left -= 1;
  }
  return result;
}

interface TargetLike {
  readonly name: string;
}
interface WorkloadLike {
  readonly name: string;
  readonly replicas: number;
  readonly targets?: readonly string[];
}

/**
 * Replicas of one workload per target it runs on: fixed counts from `fleet.replicas` first, the rest spread by
 * `fleet.weights` (equal weights when none). A target the workload does not run on is absent; a drained one has 0.
 */
export function replicasOfWorkload(
  fleet: Pick<FleetConfig, "weights" | "replicas"> | undefined,
  targets: readonly TargetLike[],
  workload: WorkloadLike,
): Record<string, number> {
  const runsOn = targets
    .map((t) => t.name)
    .filter((t) => workload.targets === undefined || workload.targets.includes(t));
  const fixed = Object.fromEntries(
    runsOn
      .filter((t) => fleet?.replicas?.[t] !== undefined)
      .map((t) => [t, fleet?.replicas?.[t] ?? 0]),
  );
  const fixedSum = Object.values(fixed).reduce((a, b) => a + b, 0);
  const spreadOver = Object.fromEntries(
    runsOn.filter((t) => fixed[t] === undefined).map((t) => [t, fleet?.weights?.[t] ?? 1]),
  );
  const spread = spreadReplicas(Math.max(0, workload.replicas - fixedSum), spreadOver);
  return Object.fromEntries(runsOn.map((t) => [t, fixed[t] ?? spread[t] ?? 0]));
}

/** `replicasOfWorkload` for every workload of a stack: workload name → target name → replicas. */
export function replicasByTarget(config: {
  readonly targets: readonly TargetLike[];
  readonly workloads: readonly WorkloadLike[];
  readonly fleet?: Pick<FleetConfig, "weights" | "replicas">;
}): Record<string, Record<string, number>> {
  return Object.fromEntries(
    config.workloads.map((w) => [w.name, replicasOfWorkload(config.fleet, config.targets, w)]),
  );
}

/**
 * Replicas a workload must keep after losing any one vendor: `fleet.required[workload]`, else what an even spread
 * over max(its vendors, minVendors) keeps when the largest vendor goes: replicas − ceil(replicas / that).
 */
export function requiredReplicas(
  fleet: Pick<FleetConfig, "required" | "minVendors">,
  workload: { readonly name: string; readonly replicas: number },
  vendorCount: number,
): number {
  const declared = fleet.required?.[workload.name];
  if (declared !== undefined) return declared;
  const spreadOver = Math.max(vendorCount, fleet.minVendors, 1);
  return Math.max(0, workload.replicas - Math.ceil(workload.replicas / spreadOver));
}

/** One Deployment's worth of capacity: where it runs and how many replicas. */
export interface CapacityRow {
  readonly vendor: string;
  readonly country: string;
  readonly replicas: number;
}

export interface VendorCapacity {
  readonly vendor: string;
  /** Countries this vendor runs the workload in, sorted. */
  readonly countries: readonly string[];
  readonly replicas: number;
  /** Percentage of the workload's replicas, 0 when the workload has none. */
  readonly sharePercent: number;
}

/** Capacity summed per vendor, largest first (ties by vendor id); vendors with 0 replicas are left out. */
export function capacityByVendor(rows: readonly CapacityRow[]): VendorCapacity[] {
  const total = rows.reduce((acc, r) => acc + r.replicas, 0);
  const byVendor = new Map<string, { replicas: number; countries: Set<string> }>();
  for (const row of rows.filter((r) => r.replicas > 0)) {
    const entry = byVendor.get(row.vendor) ?? { replicas: 0, countries: new Set<string>() };
    entry.replicas += row.replicas;
    entry.countries.add(row.country);
    byVendor.set(row.vendor, entry);
  }
  return [...byVendor.entries()]
    .map(([vendor, e]) => ({
      vendor,
      countries: [...e.countries].sort(),
      replicas: e.replicas,
      sharePercent: sharePercent(e.replicas, total),
    }))
    .sort((a, b) => b.replicas - a.replicas || a.vendor.localeCompare(b.vendor));
}

/** `part` as a percentage of `total`, rounded to one decimal; 0 when `total` is 0. */
export function sharePercent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part * 1000) / total) / 10;
}

/** Distinct countries with capacity, sorted. */
export function countriesOf(rows: readonly CapacityRow[]): string[] {
  return [...new Set(rows.filter((r) => r.replicas > 0).map((r) => r.country))].sort();
}

export interface VendorLoss {
  /** The vendor lost. */
  readonly vendor: string;
  readonly lost: number;
  readonly remaining: number;
  readonly required: number;
  /** Replicas short of `required` after the loss; 0 when the fleet still serves. */
  readonly missing: number;
}

/** What remains of a workload after losing each vendor that carries some of it, in `capacityByVendor` order. */
export function lossAnalysis(capacity: readonly VendorCapacity[], required: number): VendorLoss[] {
  const total = capacity.reduce((acc, c) => acc + c.replicas, 0);
  return capacity.map((c) => {
    const remaining = total - c.replicas;
    return {
      vendor: c.vendor,
      lost: c.replicas,
      remaining,
      required,
      missing: Math.max(0, required - remaining),
    };
  });
}
