/**
 * What the workload-baseline rules share: the pod of a pod-bearing resource, the containers a rule looks at, and
 * how a container is named in a violation. Reads props lazily, so an unknown value during preview throws the
 * engine's UnknownValueError where it is read and the engine reports "can't run during preview".
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import { scopedValidation, type ScopedValidation } from "../../../lib/define";
import {
  containersOf,
  isPodBearing,
  kubernetesKind,
  podSpecOf,
  type ContainerRef,
  type ContainerRole,
} from "../../../../domain/pods";

type Json = Record<string, unknown>;

export interface PodUnderTest {
  /** `Deployment`, `CronJob`…, without a `Patch` suffix. */
  readonly kind: string;
  /**
   * True for `*Patch` kinds: a patch states only what it changes, so an absent field is no violation there;
   * only values it sets are judged.
   */
  readonly partial: boolean;
  /** The PodSpec, or undefined when the resource carries none. */
  readonly spec: Json | undefined;
}

/** The pod of a pod-bearing resource, or undefined for every other type (domain/pods.ts decides). */
export function podUnderTest(type: string, props: Json): PodUnderTest | undefined {
  const raw = kubernetesKind(type);
  if (raw === undefined || !isPodBearing(type)) return undefined;
  const kind = raw.replace(/Patch$/, "");
  return { kind, partial: raw !== kind, spec: podSpecOf(type, props) };
}

/** The message for a pod-bearing resource without a pod spec (never for patches, which may omit it). */
export function missingPodSpec(pod: PodUnderTest): string {
  return `${pod.kind} has no pod spec: declare its containers so the baseline can be checked`;
}

/** The containers of `spec` in the given roles. */
export function containersIn(spec: Json, roles: readonly ContainerRole[]): ContainerRef[] {
  return containersOf(spec).filter((ref) => roles.includes(ref.role));
}

/** Every role: regular, init and ephemeral containers. */
export const ALL_ROLES: readonly ContainerRole[] = [
  "containers",
  "initContainers",
  "ephemeralContainers",
];

/** `container "app" (containers[0])`, or `container initContainers[1]` when the name is absent. */
export function containerLabel(ref: ContainerRef): string {
  const name = ref.container.name;
  const where = `${ref.role}[${ref.index}]`;
  return typeof name === "string" && name !== ""
    ? `container "${name}" (${where})`
    : `container ${where}`;
}

/** The object at `key` of `obj`, or undefined when absent or not an object. */
export function objectAt(obj: Json | undefined, key: string): Json | undefined {
  const v = obj?.[key];
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
}

/** The array at `key` of `obj`, or an empty array when absent or not an array. */
export function arrayAt(obj: Json | undefined, key: string): unknown[] {
  const v = obj?.[key];
  return Array.isArray(v) ? v : [];
}

/** A pod whose spec is present. */
export type PodWithSpec = PodUnderTest & { readonly spec: Json };

/**
 * The validateResource of a pod rule: skips types that bear no pods, reports a missing pod spec (except on
 * patches), and reports every message `check` returns.
 */
export function validatePod(
  check: (pod: PodWithSpec, args: ResourceValidationArgs) => readonly string[],
): ScopedValidation {
  // podUnderTest is undefined exactly for the types that bear no pods.
  return scopedValidation(isPodBearing, (args, reportViolation) => {
    const pod = podUnderTest(args.type, args.props);
    if (pod === undefined) return;
    if (pod.spec === undefined) {
      if (!pod.partial) reportViolation(missingPodSpec(pod));
      return;
    }
    for (const message of check({ ...pod, spec: pod.spec }, args)) reportViolation(message);
  });
}
