/**
 * When a dependency survives the loss of a vendor: the one rule the survival analysis, the vendor-loss policy and
 * the fleet map share. What a target reaches (an image, a DNS zone, an issuer) may be served by several vendors, as
 * a zone with the same records at Scaleway and at OVHcloud is; it survives the loss of one vendor when another
 * vendor the catalogs attribute serves it too. An unattributed server never counts (fail closed).
 */
import { UNATTRIBUTED, type Dependency } from "./model";

type Reach = Pick<Dependency, "target" | "kind" | "endpoint" | "vendor"> & {
  readonly serving?: boolean;
};

/** The dependencies of `deps` grouped by what they reach (target, tier, kind, endpoint): one group per thing. */
export function byReach<T extends Reach>(deps: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const d of deps) {
    const key = [d.target, d.serving, d.kind, d.endpoint].join("\u0000");
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  return groups;
}

/** True when a vendor other than `lost`, attributed by the catalogs, serves what `group` reaches. */
export function survivesLossOf(group: readonly Reach[], lost: string): boolean {
  return group.some((d) => d.vendor !== lost && d.vendor !== UNATTRIBUTED);
}

/** True when at least two attributed vendors serve what `group` reaches: no single vendor's loss takes it away. */
export function servedByTwoVendors(group: readonly Reach[]): boolean {
  return new Set(group.map((d) => d.vendor).filter((v) => v !== UNATTRIBUTED)).size >= 2;
}
