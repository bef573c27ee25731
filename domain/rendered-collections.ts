/**
 * Kubernetes collections whose objects another program renders: the provider (Helm v4 charts, YAML v2 and Kustomize
 * v2 are remote components) or an invoke the provider answers (Helm v3 charts, Kustomize v1). Under a real preview
 * their objects are registered as children and judged; offline, nothing renders them, so a collection without
 * children is a collection whose objects nobody checked.
 */

/** Type token → what renders it, for messages. */
export const RENDERED_COLLECTIONS: Readonly<Record<string, string>> = {
  "kubernetes:helm.sh/v3:Chart":
    "Helm v3 charts are rendered by the provider's helm template invoke",
  "kubernetes:helm.sh/v4:Chart": "Helm v4 charts are rendered by the provider",
  "kubernetes:yaml/v2:ConfigFile": "YAML v2 ConfigFiles are parsed by the provider",
  "kubernetes:yaml/v2:ConfigGroup": "YAML v2 ConfigGroups are parsed by the provider",
  "kubernetes:kustomize/v2:Directory": "Kustomize v2 directories are built by the provider",
  "kubernetes:kustomize:Directory":
    "Kustomize directories are built by the provider's kustomize invoke",
};

export function isRenderedCollection(type: string): boolean {
  return Object.hasOwn(RENDERED_COLLECTIONS, type);
}

/** The collections among `resources` that have no child: their objects were never rendered, so never judged. */
export function unrenderedCollections<R extends { readonly type: string; readonly urn: string }>(
  resources: readonly R[],
  parentUrnOf: (r: R) => string | undefined,
): R[] {
  const parents = new Set(resources.map(parentUrnOf).filter((u) => u !== undefined));
  return resources.filter((r) => isRenderedCollection(r.type) && !parents.has(r.urn));
}
