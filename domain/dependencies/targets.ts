/**
 * Which target (cluster) a Kubernetes object runs on, and where that target runs. As the fleet facts do
 * (components/fleet/facts.ts), an object's `sovereign.eu/target`, `vendor` and `country` labels place it; an object
 * without them belongs to the target of the labelled objects sharing its Kubernetes provider, else to a target
 * named after that provider, placed by `placeProvider` (the engine reads its kubeconfig) or left `unknown`.
 */
import { LABEL } from "../labels";
import { UNATTRIBUTED, type TargetPlace } from "./model";
import {
  at,
  isRecord,
  knownString,
  propsOf,
  providerUrnOf,
  urnName,
  type DependencyResource,
} from "./resources";

/** Places a provider by URN (vendor and country), when the caller can; undefined leaves it `unknown`. */
export type ProviderPlacer = (
  providerUrn: string,
) => { readonly vendor: string; readonly country: string | null } | undefined;

const KUBERNETES_PROVIDER = "pulumi:providers:kubernetes";

/** Objects a Kubernetes provider deploys: every `kubernetes:` type (Helm releases included). */
export const isOnCluster = (type: string): boolean => type.startsWith("kubernetes:");

function labelledPlace(r: DependencyResource): TargetPlace | undefined {
  const labels = at(propsOf(r), ["metadata", "labels"]);
  if (!isRecord(labels)) return undefined;
  const name = knownString(labels[LABEL.target]);
  if (name === undefined) return undefined;
  return {
    name,
    vendor: knownString(labels[LABEL.vendor]) ?? UNATTRIBUTED,
    country: knownString(labels[LABEL.country]) ?? null,
  };
}

/** The target of every cluster object among `resources`; undefined for resources that run on no cluster. */
export function targetResolver(
  resources: readonly DependencyResource[],
  placeProvider: ProviderPlacer = () => undefined,
): (r: DependencyResource) => TargetPlace | undefined {
  const byProvider = new Map<string, TargetPlace>();
  for (const r of resources) {
    if (!isOnCluster(r.type)) continue;
    const place = labelledPlace(r);
    const provider = providerUrnOf(r);
    if (place && provider !== undefined && !byProvider.has(provider))
      byProvider.set(provider, place);
  }
  return (r) => {
    if (!isOnCluster(r.type) || r.type === KUBERNETES_PROVIDER) return undefined;
    const own = labelledPlace(r);
    if (own) return own;
    const provider = providerUrnOf(r);
    if (provider === undefined) return { name: "default", vendor: UNATTRIBUTED, country: null };
    const shared = byProvider.get(provider);
    if (shared) return shared;
    const placed = placeProvider(provider);
    return {
      name: urnName(provider),
      vendor: placed?.vendor ?? UNATTRIBUTED,
      country: placed?.country ?? null,
    };
  };
}
