/**
 * The pod template of every pod-bearing Kubernetes kind, so image, hardening and secret policies read containers
 * the same way whatever wraps them. Kinds are a table: a new kind is one entry.
 */

type Json = Record<string, unknown>;

/**
 * Path from the object to its PodSpec, per built-in kind, keyed by `<group>:<kind>` (`core` for the core group): a
 * custom resource that happens to be called `Job` in another API group is no pod-bearing kind.
 */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  "core:Pod": ["spec"],
  "core:ReplicationController": ["spec", "template", "spec"],
  "core:PodTemplate": ["template", "spec"],
  "apps:Deployment": ["spec", "template", "spec"],
  "apps:StatefulSet": ["spec", "template", "spec"],
  "apps:DaemonSet": ["spec", "template", "spec"],
  "apps:ReplicaSet": ["spec", "template", "spec"],
  "extensions:Deployment": ["spec", "template", "spec"],
  "extensions:DaemonSet": ["spec", "template", "spec"],
  "extensions:ReplicaSet": ["spec", "template", "spec"],
  "batch:Job": ["spec", "template", "spec"],
  "batch:CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
  // Custom resources that carry a pod template (Argo Rollouts, Knative Serving, KEDA).
  "argoproj.io:Rollout": ["spec", "template", "spec"],
  "serving.knative.dev:Service": ["spec", "template", "spec"],
  "keda.sh:ScaledJob": ["spec", "jobTargetRef", "template", "spec"],
};

/** Kinds that may reference another object's pod template instead of holding one (a Rollout's workloadRef). */
const POD_TEMPLATE_REFERENCES: Readonly<Record<string, string>> = {
  "argoproj.io:Rollout": "spec.workloadRef",
};

/** The path of the field that may stand in for the pod template of `type`, if the kind has one. */
export function podTemplateReferenceOf(type: string): string | undefined {
  const key = groupKindOf(type);
  return key !== undefined && Object.hasOwn(POD_TEMPLATE_REFERENCES, key)
    ? POD_TEMPLATE_REFERENCES[key]
    : undefined;
}

/** `kubernetes:apps/v1:Deployment` → `Deployment`; undefined for non-Kubernetes types. */
export function kubernetesKind(type: string): string | undefined {
  if (!type.startsWith("kubernetes:")) return undefined;
  return type.slice(type.lastIndexOf(":") + 1);
}

/** `kubernetes:apps/v1:DeploymentPatch` → `apps:Deployment` (`*Patch` kinds share their kind's path). */
function groupKindOf(type: string): string | undefined {
  const kind = kubernetesKind(type);
  if (kind === undefined) return undefined;
  const groupVersion = type.slice("kubernetes:".length, type.lastIndexOf(":"));
  return `${groupVersion.slice(0, groupVersion.lastIndexOf("/"))}:${kind.replace(/Patch$/, "")}`;
}

/** Every type asked about so far → its PodSpec path (null: bears no pods); a plan has a few dozen types. */
const pathByType = new Map<string, readonly string[] | null>();

/** Path from the object to its PodSpec, or undefined for types that bear no pods. */
export function podSpecPathOf(type: string): readonly string[] | undefined {
  let path = pathByType.get(type);
  if (path === undefined) {
    const key = groupKindOf(type);
    path = key !== undefined && Object.hasOwn(POD_SPEC_PATHS, key) ? POD_SPEC_PATHS[key] : null;
    pathByType.set(type, path ?? null);
  }
  return path ?? undefined;
}

export function isPodBearing(type: string): boolean {
  return podSpecPathOf(type) !== undefined;
}

/** The PodSpec inside `props`, or undefined when the kind bears no pods or the spec is absent. */
export function podSpecOf(type: string, props: Json): Json | undefined {
  const path = podSpecPathOf(type);
  if (!path) return undefined;
  let node: unknown = props;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Json)[key];
  }
  return node !== null && typeof node === "object" ? (node as Json) : undefined;
}

export type ContainerRole = "containers" | "initContainers" | "ephemeralContainers";
export interface ContainerRef {
  readonly role: ContainerRole;
  readonly index: number;
  readonly container: Json;
}

/**
 * The items of a list with their indexes, holes skipped: what `list.map` and `flatMap` visit, in the same reads.
 * Read by index because an array method called on CrossGuard's props proxy first looks up
 * `constructor[Symbol.species]` through it, wrapping `Array` in new proxies on every call.
 */
export function indexed(
  list: readonly unknown[],
): { readonly index: number; readonly item: unknown }[] {
  const items: { index: number; item: unknown }[] = [];
  const length = list.length;
  for (let index = 0; index < length; index += 1)
    if (index in list) items.push({ index, item: list[index] });
  return items;
}

/** Every container of a PodSpec: regular, init and ephemeral. */
export function containersOf(spec: Json): ContainerRef[] {
  return (["containers", "initContainers", "ephemeralContainers"] as const).flatMap((role) => {
    const list = spec[role];
    return Array.isArray(list)
      ? indexed(list).map(({ index, item }) => ({ role, index, container: item as Json }))
      : [];
  });
}
