/**
 * N−1 over dependencies: for each vendor V the fleet runs on or depends on, which targets keep every serving
 * dependency when V is gone, and how many replicas of each workload they hold. A target at V is gone with it; a
 * target elsewhere is broken when one of its serving dependencies is served by V alone (or by nothing the catalogs
 * attribute: fail closed), and degraded when what it needs to deploy, renew certificates or copy data is. A
 * dependency served by at least two vendors survives the loss of one (dependencies/redundancy.ts).
 */
import { DEPENDS_BY, UNATTRIBUTED, type Dependency } from "./dependencies/model";
import type { DependencyModel } from "./dependencies";
import { byReach, survivesLossOf } from "./dependencies/redundancy";

/** Replicas of one workload in one Deployment, placed by its labels. */
export interface PlacedReplicas {
  readonly workload: string;
  readonly urn: string;
  readonly target?: string;
  readonly vendor?: string;
  readonly replicas: number;
}

export interface SurvivalInput {
  readonly workloads: readonly { readonly name: string; readonly required: number }[];
  readonly deployments: readonly PlacedReplicas[];
  readonly model: DependencyModel;
}

/** A dependency a target outside the lost vendor loses with it. */
export interface BrokenDependency {
  readonly target: string;
  /** The target's own vendor. */
  readonly targetVendor: string;
  readonly kind: Dependency["kind"];
  readonly endpoint: string;
  /** Who serves it: the lost vendor, or `unknown`. */
  readonly vendor: string;
  readonly urn: string;
  readonly resource: string;
  /** Why nothing attributes it, when `vendor` is `unknown`. */
  readonly problem?: string;
}

export interface Survival {
  /** The vendor lost. */
  readonly lost: string;
  /** Replicas per workload on targets that keep serving. */
  readonly capacity: Readonly<Record<string, number>>;
  readonly required: Readonly<Record<string, number>>;
  /** Targets that run at the lost vendor. */
  readonly targetsLost: readonly string[];
  /** Targets elsewhere that keep every serving dependency. */
  readonly serving: readonly string[];
  /** Serving dependencies lost: their targets stop counting. */
  readonly broken: readonly BrokenDependency[];
  /** Dependencies to deploy, renew certificates or copy data, lost: their targets keep serving until then. */
  readonly degraded: readonly BrokenDependency[];
}

/** Vendors whose loss is asked about: where replicas run, then every vendor a dependency names. */
function vendorsToLose(input: SurvivalInput): string[] {
  const vendors = new Set<string>();
  for (const d of input.deployments) if (d.vendor !== undefined) vendors.add(d.vendor);
  for (const d of input.model.dependencies) if (d.vendor !== UNATTRIBUTED) vendors.add(d.vendor);
  return [...vendors].sort();
}

/** Dependencies of each target, grouped by what they reach: `target → reach → entries` (one entry per vendor). */
function groupedDependencies(model: DependencyModel): Map<string, Dependency[][]> {
  const byTarget = new Map<string, Dependency[][]>();
  for (const group of byReach(model.dependencies).values()) {
    const target = group[0]?.target;
    if (target === undefined) continue;
    // Pushed, not copied: a target reaches one image per workload, a thousand in a large fleet.
    const groups = byTarget.get(target);
    if (groups) groups.push(group);
    else byTarget.set(target, [group]);
  }
  return byTarget;
}

/** What `lost` takes from `target`: each dependency no other attributed vendor serves, serving or not. */
function lostAt(
  target: string,
  targetVendor: string,
  groups: readonly Dependency[][],
  lost: string,
  serving: boolean,
): BrokenDependency[] {
  const broken: BrokenDependency[] = [];
  for (const entries of groups) {
    if (entries[0]?.serving !== serving || survivesLossOf(entries, lost)) continue;
    for (const e of entries)
      broken.push({
        target,
        targetVendor,
        kind: e.kind,
        endpoint: e.endpoint,
        vendor: e.vendor,
        urn: e.urn,
        resource: e.resource,
        ...(e.problem ? { problem: e.problem } : {}),
      });
  }
  return broken;
}

export function survivalOf(input: SurvivalInput): Survival[] {
  const groups = groupedDependencies(input.model);
  const targetVendor = new Map(input.model.targets.map((t) => [t.name, t.vendor]));
  const targetOfDeployment = (d: PlacedReplicas) => d.target ?? input.model.targetOf.get(d.urn);
  const required = Object.fromEntries(input.workloads.map((w) => [w.name, w.required]));
  return vendorsToLose(input).map((lost): Survival => {
    const targetsLost = input.model.targets.filter((t) => t.vendor === lost).map((t) => t.name);
    const lostFrom = (serving: boolean) =>
      [...groups].flatMap(([target, g]) => {
        const vendor = targetVendor.get(target) ?? UNATTRIBUTED;
        return vendor === lost ? [] : lostAt(target, vendor, g, lost, serving);
      });
    const broken = lostFrom(true);
    const degraded = lostFrom(false);
    const brokenTargets = new Set(broken.map((b) => b.target));
    const capacity = Object.fromEntries(input.workloads.map((w) => [w.name, 0]));
    for (const d of input.deployments) {
      const target = targetOfDeployment(d);
      if (d.vendor === undefined || d.vendor === lost || !(d.workload in capacity)) continue;
      if (target !== undefined && brokenTargets.has(target)) continue;
      capacity[d.workload] = (capacity[d.workload] ?? 0) + d.replicas;
    }
    const serving = input.model.targets
      .filter((t) => t.vendor !== lost && !brokenTargets.has(t.name))
      .map((t) => t.name);
    return { lost, capacity, required, targetsLost, serving, broken, degraded };
  });
}

/** `losing scaleway: target gra (ovhcloud) pulls rg.fr-par.scw.cloud/acme/shop:1.4.2 for Deployment shop`. */
export function brokenSentence(lost: string, b: BrokenDependency): string {
  const why =
    b.vendor === UNATTRIBUTED ? ` (${b.problem ?? "nothing attributes it to a vendor"})` : "";
  return `losing ${lost}: target ${b.target} (${b.targetVendor}) ${DEPENDS_BY[b.kind]} ${b.endpoint} for ${b.resource}${why}`;
}
