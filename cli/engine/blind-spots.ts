/**
 * What the mock runtime cannot see, by resource type and by invoke: the report's notes name each one the plan
 * used, so nobody reads a pass as covering objects that were never rendered. Collections whose objects only a
 * provider renders are also violations of image-manifests-missing-rendered-objects (domain/rendered-collections.ts).
 */
import { RENDERED_COLLECTIONS } from "../../domain/rendered-collections";

/** Resources whose content only the provider renders (mocks register the resource, not what it creates). */
export const RESOURCE_BLIND_SPOTS: Readonly<Record<string, string>> = {
  "kubernetes:helm.sh/v3:Release":
    "Helm releases (kubernetes.helm.v3.Release) are installed by the provider: their charts' objects were not checked, only the images their values name",
  ...Object.fromEntries(
    Object.entries(RENDERED_COLLECTIONS)
      .filter(([type]) => type !== "kubernetes:helm.sh/v3:Chart") // noted by its template invoke below
      .map(([type, how]) => [type, `${how}: the objects of ${type} were not checked offline`]),
  ),
};

/** Invokes whose canned answer leaves something out. */
export const INVOKE_BLIND_SPOTS: Readonly<Record<string, string>> = {
  "kubernetes:helm:template":
    "Helm v3 charts are not rendered offline: the objects of kubernetes.helm.v3.Chart were not checked",
};

/** One note per blind spot the plan touched, in a stable order. */
export function blindSpotNotes(types: Iterable<string>, invokes: Iterable<string>): string[] {
  const seen = new Set([...types, ...invokes]);
  return [...Object.entries(RESOURCE_BLIND_SPOTS), ...Object.entries(INVOKE_BLIND_SPOTS)]
    .filter(([key]) => seen.has(key))
    .map(([, note]) => note);
}

/** Multi-language components are built inside their provider plugin: offline, only their package is judged. */
export function remoteComponentNotes(types: Iterable<string>): string[] {
  const unique = [...new Set(types)].sort();
  return unique.length === 0
    ? []
    : [
        `multi-language components (${unique.join(", ")}) are built by their provider plugins: what they create was not checked; each is judged by its package and default provider`,
      ];
}
