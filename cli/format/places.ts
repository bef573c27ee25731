/**
 * The plan summarised per place: one entry per vendor, region and country the resources are placed at, with how
 * many resources, how many of them were placed by declared labels, the fleet targets and the workloads' replicas.
 * The text summary, the fleet map and the HTML report all read it.
 */
import { placeKey } from "../engine/placement";
import type { PlannedResource } from "../engine/report";

export interface PlaceSummary {
  /** `vendor|region|country`. */
  readonly key: string;
  readonly vendor: string;
  readonly region: string | null;
  readonly country: string | null;
  readonly resources: number;
  /** Resources placed by declared labels rather than an observed location. */
  readonly declared: number;
  readonly targets: readonly string[];
  /** Replicas per workload, by workload name. */
  readonly replicas: ReadonlyMap<string, number>;
}

/** Groups that are not vendors, printed after the vendors in this order. */
export const NON_VENDOR_GROUPS = ["unknown", "component", "neutral"] as const;

/** Code-point order: the same on every machine, whatever its locale. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const rank = (vendor: string) => (NON_VENDOR_GROUPS as readonly string[]).indexOf(vendor) + 1;

/** `ovhcloud · GRA (FR)`, `ovhcloud (FR)`, `neutral`. */
export function placeName(p: Pick<PlaceSummary, "vendor" | "region" | "country">): string {
  if (p.region === null) return p.country ? `${p.vendor} (${p.country})` : p.vendor;
  return `${p.vendor} · ${p.region}${p.country ? ` (${p.country})` : ""}`;
}

/** The places of `resources`, vendors first, then unknown, component and neutral, each by name. */
export function summarisePlaces(resources: readonly PlannedResource[]): PlaceSummary[] {
  const places = new Map<
    string,
    {
      key: string;
      vendor: string;
      region: string | null;
      country: string | null;
      resources: number;
      declared: number;
      targets: Set<string>;
      replicas: Map<string, number>;
    }
  >();
  for (const r of resources) {
    const key = placeKey(r);
    let p = places.get(key);
    if (!p) {
      p = {
        key,
        vendor: r.vendor,
        region: r.region,
        country: r.country,
        resources: 0,
        declared: 0,
        targets: new Set(),
        replicas: new Map(),
      };
      places.set(key, p);
    }
    p.resources += 1;
    if (r.declared) p.declared += 1;
    if (r.target !== undefined) p.targets.add(r.target);
    if (r.workload !== undefined && r.replicas !== undefined)
      p.replicas.set(r.workload, (p.replicas.get(r.workload) ?? 0) + r.replicas);
  }
  return [...places.values()]
    .map((p) => ({ ...p, targets: [...p.targets].sort(byCodePoint) }))
    .sort((a, b) => rank(a.vendor) - rank(b.vendor) || byCodePoint(placeName(a), placeName(b)));
}

/** `shop ×2, api ×3`, or `12 workloads, 40 replicas` when there are more than `max`. */
export function replicasText(replicas: ReadonlyMap<string, number>, max = 3): string {
  if (replicas.size === 0) return "";
  if (replicas.size > max) {
    const total = [...replicas.values()].reduce((a, b) => a + b, 0);
    return `${replicas.size} workloads, ${total} replicas`;
  }
  return [...replicas]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([w, n]) => `${w} ×${n}`)
    .join(", ");
}

/** `declared`, `3 declared` or "" for how a place's resources were placed. */
export function declaredText(p: Pick<PlaceSummary, "declared" | "resources">): string {
  if (p.declared === 0) return "";
  return p.declared === p.resources ? "declared" : `${p.declared} declared`;
}
