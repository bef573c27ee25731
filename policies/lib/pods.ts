/**
 * The pod template of every pod-bearing Kubernetes kind, so image, hardening and secret policies read containers
 * the same way whatever wraps them. Kinds are a table: a new kind is one entry.
 */

type Json = Record<string, unknown>;

/** Path from the object to its PodSpec, per kind. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
  PodTemplate: ["template", "spec"],
};

/** `kubernetes:apps/v1:Deployment` → `Deployment`; undefined for non-Kubernetes types. */
export function kubernetesKind(type: string): string | undefined {
  if (!type.startsWith("kubernetes:")) return undefined;
  return type.slice(type.lastIndexOf(":") + 1);
}

export function isPodBearing(type: string): boolean {
  const kind = kubernetesKind(type);
  return kind !== undefined && Object.hasOwn(POD_SPEC_PATHS, kind.replace(/Patch$/, ""));
}

/** The PodSpec inside `props`, or undefined when the kind bears no pods or the spec is absent. */
export function podSpecOf(type: string, props: Json): Json | undefined {
  const kind = kubernetesKind(type)?.replace(/Patch$/, "");
  const path = kind === undefined ? undefined : POD_SPEC_PATHS[kind];
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

/** Every container of a PodSpec: regular, init and ephemeral. */
export function containersOf(spec: Json): ContainerRef[] {
  return (["containers", "initContainers", "ephemeralContainers"] as const).flatMap((role) => {
    const list = spec[role];
    return Array.isArray(list) ? list.map((container, index) => ({ role, index, container: container as Json })) : [];
  });
}
