/**
 * What the plan can say from the labels a program declares: the fleet target and workload of a Kubernetes object,
 * the replicas it asks for, and, for a Kubernetes provider whose kubeconfig is not readable offline (a secret, an
 * assumed placeholder), the place its labelled objects agree on. Such places are marked `declared`.
 */
import { LABEL } from "../../domain/labels";
import { placeKey, type Placed } from "./placement";
import type { RecordedResource } from "./recorder";

/** Kinds whose `spec.replicas` says how many pods serve. */
const REPLICATED_KINDS = new Set([
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:ReplicaSet",
]);

function labelsOf(r: RecordedResource): Record<string, unknown> {
  const metadata = r.inputs.metadata;
  const labels =
    metadata !== null && typeof metadata === "object"
      ? (metadata as Record<string, unknown>).labels
      : undefined;
  return labels !== null && typeof labels === "object" ? (labels as Record<string, unknown>) : {};
}

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

export interface DeclaredFacts {
  readonly target?: string;
  readonly workload?: string;
  readonly replicas?: number;
}

/** Target, workload and replicas of one resource, from its labels and spec; `{}` for other resources. */
export function declaredFacts(r: RecordedResource): DeclaredFacts {
  if (!r.type.startsWith("kubernetes:")) return {};
  const labels = labelsOf(r);
  const target = str(labels[LABEL.target]);
  if (!REPLICATED_KINDS.has(r.type)) return target ? { target } : {};
  const spec = r.inputs.spec as Record<string, unknown> | undefined;
  const replicas = spec?.replicas;
  return {
    ...(target ? { target } : {}),
    workload: str(labels[LABEL.name]) ?? r.name,
    // Kubernetes defaults an unset replicas to 1 (apps/v1 DeploymentSpec).
    ...(replicas === undefined
      ? { replicas: 1 }
      : typeof replicas === "number"
        ? { replicas }
        : {}),
  };
}

/** A declared place, with the fleet target when the objects agree on one. */
export type DeclaredPlace = Placed & { readonly target?: string };

/**
 * A declared place for each Kubernetes provider, when every labelled object it deploys declares the same one
 * (and the target too, when they agree on it). Providers whose objects disagree get none.
 */
export function declaredProviderPlaces(
  resources: readonly RecordedResource[],
  placed: readonly Placed[],
  providerUrnOf: (r: RecordedResource) => string | undefined,
): Map<string, DeclaredPlace> {
  const places = new Map<string, Placed | null>();
  const targets = new Map<string, string | null>();
  resources.forEach((r, i) => {
    const p = placed[i];
    const provider = providerUrnOf(r);
    if (!p?.declared || provider === undefined) return;
    const before = places.get(provider);
    if (before === undefined) places.set(provider, p);
    else if (before !== null && placeKey(before) !== placeKey(p)) places.set(provider, null);
    const target = str(labelsOf(r)[LABEL.target]) ?? null;
    if (!targets.has(provider)) targets.set(provider, target);
    else if (targets.get(provider) !== target) targets.set(provider, null);
  });
  const agreed = new Map<string, DeclaredPlace>();
  for (const [urn, p] of places) {
    if (p === null) continue;
    const target = targets.get(urn);
    agreed.set(urn, { ...p, declared: true, ...(target ? { target } : {}) });
  }
  return agreed;
}
