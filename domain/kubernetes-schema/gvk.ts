/**
 * Which Kubernetes object a Pulumi type token declares. @pulumi/kubernetes registers every object, built-in or
 * custom (`apiextensions.CustomResource`), as `kubernetes:<group>/<version>:<Kind>`, with `core` for the core
 * group and a `Patch` suffix for server-side-apply patches.
 */

export interface GroupVersionKind {
  /** "" for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** `apps/v1`, or `v1` for the core group. */
  readonly apiVersion: string;
  /** True for `*Patch` types: a patch states only what it changes, so required fields may be absent. */
  readonly patch: boolean;
}

/** Modules of @pulumi/kubernetes that are Pulumi constructs, not API objects (their content is rendered later). */
const PULUMI_MODULES: ReadonlySet<string> = new Set(["helm.sh", "yaml", "kustomize"]);

/** The object a type token declares, or undefined for non-Kubernetes types and Pulumi constructs. */
export function groupVersionKindOf(type: string): GroupVersionKind | undefined {
  const match = /^kubernetes:([^:/]+)\/([^:/]+):([A-Za-z0-9]+)$/.exec(type);
  if (!match) return undefined;
  const [, module = "", version = "", rawKind = ""] = match;
  if (PULUMI_MODULES.has(module)) return undefined;
  const group = module === "core" ? "" : module;
  const patch = rawKind.endsWith("Patch");
  return {
    group,
    version,
    kind: patch ? rawKind.slice(0, -"Patch".length) : rawKind,
    apiVersion: group === "" ? version : `${group}/${version}`,
    patch,
  };
}

/** `policy/v1beta1 PodDisruptionBudget`: how messages name an object's API. */
export const apiLabel = (gvk: GroupVersionKind) => `${gvk.apiVersion} ${gvk.kind}`;
