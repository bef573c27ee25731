/**
 * The dependency model of a plan: for every target, every run-time dependency its resources create, attributed to
 * a vendor and a country. Pure and derived from the planned resources alone, so it reads any program, and the
 * engine's report, the `diversification` pack and the fleet map all see the same model.
 */
import { chartsOf } from "./charts";
import { dnsOf, zoneIndex } from "./dns";
import type { Found } from "./found";
import { imagesOf } from "./images";
import { issuerIndex, issuersOf } from "./issuers";
import { SERVING_KINDS, type Dependency, type TargetPlace } from "./model";
import { describeResource, propsOf, type DependencyResource } from "./resources";
import { JOB_TYPES, storesOf } from "./storage";
import { targetResolver, type ProviderPlacer } from "./targets";

export * from "./model";
export type { DependencyResource } from "./resources";
export type { ProviderPlacer } from "./targets";

export interface DependencyModel {
  /** Every target that runs cluster objects, with its own vendor and country. */
  readonly targets: readonly TargetPlace[];
  readonly dependencies: readonly Dependency[];
  /** URN of every cluster object → the name of its target. */
  readonly targetOf: ReadonlyMap<string, string>;
}

const models = new WeakMap<readonly DependencyResource[], DependencyModel>();

/**
 * The targets and dependencies of `resources`; `placeProvider` places targets whose objects carry no placement
 * labels (the engine reads their provider's kubeconfig). Computed once per list.
 */
export function dependencyModel(
  resources: readonly DependencyResource[],
  placeProvider?: ProviderPlacer,
): DependencyModel {
  const cached = models.get(resources);
  if (cached) return cached;
  const targetOf = targetResolver(resources, placeProvider);
  const zones = zoneIndex(resources);
  const issuers = issuerIndex(resources, targetOf);
  const targets = new Map<string, TargetPlace>();
  const targetByUrn = new Map<string, string>();
  const seen = new Set<string>();
  const dependencies: Dependency[] = [];
  for (const r of resources) {
    const target = targetOf(r);
    if (!target) continue;
    if (!targets.has(target.name)) targets.set(target.name, target);
    targetByUrn.set(r.urn, target.name);
    const job = JOB_TYPES.test(r.type);
    const props = propsOf(r);
    const found: Found[] = [
      ...imagesOf(r.type, props),
      ...chartsOf(r.type, props),
      ...dnsOf(r.type, props, zones),
      ...issuersOf(r.type, props, target, issuers),
      ...storesOf(r.type, props),
    ];
    for (const f of found) {
      const key = [target.name, f.kind, f.endpoint, f.vendor, r.urn].join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      dependencies.push({
        target: target.name,
        kind: f.kind,
        endpoint: f.endpoint,
        vendor: f.vendor,
        country: f.country,
        urn: r.urn,
        resource: describeResource(r),
        serving: !job && SERVING_KINDS.has(f.kind),
        ...(f.problem ? { problem: f.problem } : {}),
      });
    }
  }
  const model = { targets: [...targets.values()], dependencies, targetOf: targetByUrn };
  models.set(resources, model);
  return model;
}
