/**
 * Every policy of every pack, in one place: names are unique across packs (reports and exemptions key on them),
 * and packs, reports and the README select policies by metadata, never by hand-kept lists.
 */
import type { Severity } from "@pulumi/policy";
import type { PackName, PolicyArea, SovereignPolicy } from "./lib/define";
import { dataPolicies } from "./rules/data";
import { endpointPolicies } from "./rules/endpoint";
import { fleetPolicies } from "./rules/fleet";
import { imagePolicies } from "./rules/image";
import { regionPolicies } from "./rules/region";
import { sealPolicies } from "./rules/seal";
import { toolchainPolicies } from "./rules/toolchain";
import { vendorPolicies } from "./rules/vendor";
import { workloadPolicies } from "./rules/workload";

/** A selection: every given field must match; an empty query selects everything. */
export interface PolicyQuery {
  readonly pack?: PackName;
  readonly area?: PolicyArea;
  readonly severity?: Severity;
  readonly tag?: string;
}

export interface PolicyRegistry {
  /** Every policy in registration order. */
  readonly all: readonly SovereignPolicy[];
  readonly byName: ReadonlyMap<string, SovereignPolicy>;
  readonly byPack: ReadonlyMap<PackName, readonly SovereignPolicy[]>;
  readonly byArea: ReadonlyMap<PolicyArea, readonly SovereignPolicy[]>;
  readonly bySeverity: ReadonlyMap<Severity, readonly SovereignPolicy[]>;
  readonly byTag: ReadonlyMap<string, readonly SovereignPolicy[]>;
  /** The policies matching `query`, in registration order. */
  select(query: PolicyQuery): SovereignPolicy[];
}

function indexBy<K>(
  policies: readonly SovereignPolicy[],
  keys: (p: SovereignPolicy) => readonly K[],
) {
  const index = new Map<K, SovereignPolicy[]>();
  for (const policy of policies) {
    for (const key of keys(policy)) index.set(key, [...(index.get(key) ?? []), policy]);
  }
  return index;
}

/** A registry of `policies`; throws when two share a name. */
export function createRegistry(policies: readonly SovereignPolicy[]): PolicyRegistry {
  const byName = new Map<string, SovereignPolicy>();
  for (const policy of policies) {
    const first = byName.get(policy.name);
    if (first) {
      throw new Error(
        `policy name '${policy.name}' is registered twice (packs ${first.pack} and ${policy.pack}); rename one: names must be unique across packs`,
      );
    }
    byName.set(policy.name, policy);
  }
  return {
    all: [...policies],
    byName,
    byPack: indexBy(policies, (p) => [p.pack]),
    byArea: indexBy(policies, (p) => [p.area]),
    bySeverity: indexBy(policies, (p) => [p.severity]),
    byTag: indexBy(policies, (p) => p.tags),
    select: (query) =>
      policies.filter(
        (p) =>
          (query.pack === undefined || p.pack === query.pack) &&
          (query.area === undefined || p.area === query.area) &&
          (query.severity === undefined || p.severity === query.severity) &&
          (query.tag === undefined || p.tags.includes(query.tag)),
      ),
  };
}

/** The eu-sovereignty rules, in report order: placement, vendors, endpoints, images, assurance levels, toolchain. */
export const euSovereigntyPolicies: readonly SovereignPolicy[] = [
  ...regionPolicies,
  ...vendorPolicies,
  ...endpointPolicies,
  ...imagePolicies,
  ...sealPolicies,
  ...toolchainPolicies,
];

/** Every policy of every pack. */
export const REGISTRY: PolicyRegistry = createRegistry([
  ...euSovereigntyPolicies,
  ...workloadPolicies,
  ...dataPolicies,
  ...fleetPolicies,
]);
