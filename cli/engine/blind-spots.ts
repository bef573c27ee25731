/**
 * What the mock runtime cannot see, by resource type and by invoke: the report's notes name each one the plan
 * used, so nobody reads a pass as covering objects that were never rendered.
 */

/** Resources whose content only the provider renders (mocks register the resource, not what it creates). */
export const RESOURCE_BLIND_SPOTS: Readonly<Record<string, string>> = {
  "kubernetes:helm.sh/v3:Release":
    "Helm releases (kubernetes.helm.v3.Release) are installed by the provider: their charts' objects were not checked",
  "kubernetes:helm.sh/v4:Chart":
    "Helm v4 charts are rendered by the provider: their objects were not checked",
  "kubernetes:yaml/v2:ConfigFile":
    "YAML v2 ConfigFiles are parsed by the provider: their objects were not checked",
  "kubernetes:yaml/v2:ConfigGroup":
    "YAML v2 ConfigGroups are parsed by the provider: their objects were not checked",
  "kubernetes:kustomize/v2:Directory":
    "Kustomize v2 directories are built by the provider: their objects were not checked",
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
