/**
 * The dependency side of the vendor-loss rule: for each vendor whose loss leaves a workload short, every serving
 * dependency that took a target carrying it down with the vendor, as one violation on the resource that creates it.
 * A dependency nothing attributes is lost with any vendor: it is reported once, as `losing any vendor`.
 */
import type { DependencyModel } from "../../../domain/dependencies";
import { REMEDY, UNATTRIBUTED } from "../../../domain/dependencies/model";
import type { DeploymentCapacity, FleetRules } from "../../../domain/fleet-facts";
import { brokenSentence, survivalOf, type Survival } from "../../../domain/survival";

export interface DependencyLoss {
  readonly message: string;
  readonly urn: string;
}

/**
 * Workloads a violation names before it counts the rest: a fleet whose workloads each have their own broken
 * dependency (an Ingress per workload) would otherwise name every workload in every violation, a report growing
 * with the square of the fleet (168 MB of messages at 1,000 workloads).
 */
const NAMED_WORKLOADS = 5;

function keepsSentence(
  short: readonly FleetRules["workloads"][number][],
  capacity: Survival["capacity"],
) {
  const named = short
    .slice(0, NAMED_WORKLOADS)
    .map(
      (w) =>
        `workload ${w.name} keeps ${capacity[w.name] ?? 0} of the ${w.required} replicas it requires`,
    );
  const more = short.length - named.length;
  return more > 0
    ? [...named, `and ${more} more workload(s) keep fewer than they require`].join("; ")
    : named.join("; ");
}

export function dependencyLosses(
  rules: FleetRules,
  deployments: readonly DeploymentCapacity[],
  model: DependencyModel,
): DependencyLoss[] {
  const placed = deployments.filter((d) => d.vendor !== undefined && d.country !== undefined);
  const losses: DependencyLoss[] = [];
  const reported = new Set<string>();
  for (const s of survivalOf({ workloads: rules.workloads, deployments: placed, model })) {
    const short = rules.workloads.filter((w) => (s.capacity[w.name] ?? 0) < w.required);
    if (short.length === 0) continue;
    const shortNames = new Set(short.map((w) => w.name));
    const carrying = new Set(
      placed
        .filter((d) => d.replicas > 0 && shortNames.has(d.workload))
        .map((d) => d.target ?? model.targetOf.get(d.urn)),
    );
    const keeps = keepsSentence(short, s.capacity);
    for (const b of s.broken.filter((x) => carrying.has(x.target))) {
      const unattributed = b.vendor === UNATTRIBUTED;
      const key = [unattributed ? "" : s.lost, b.target, b.kind, b.endpoint, b.urn].join("\u0000");
      if (reported.has(key)) continue;
      reported.add(key);
      const sentence = brokenSentence(unattributed ? "any vendor" : s.lost, b);
      losses.push({
        message: unattributed
          ? `${sentence}; it counts as lost with every vendor`
          : `${sentence}; with it ${keeps}: ${REMEDY[b.kind]}`,
        urn: b.urn,
      });
    }
  }
  return losses;
}
