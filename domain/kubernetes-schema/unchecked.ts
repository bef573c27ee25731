/**
 * The custom resources of a plan that no vendored CRD describes: the schema policy passes them as not applicable,
 * and the report says so, so nobody reads a pass as covering them.
 */
import { schemaCatalog } from "./catalog";
import { apiLabel, groupVersionKindOf } from "./gvk";

/** `example.com/v1 Widget` for each custom resource type of `types` with no vendored schema, sorted, once each. */
export function customResourcesWithoutSchema(types: Iterable<string>, minor: string): string[] {
  const objects = [...new Set(types)].flatMap((type) => groupVersionKindOf(type) ?? []);
  if (objects.length === 0) return [];
  const catalog = schemaCatalog(minor, true);
  const labels = objects
    .filter((gvk) => !catalog.isBuiltInGroup(gvk.group) && !catalog.describes(gvk))
    .map(apiLabel);
  return [...new Set(labels)].sort();
}

/** The report's note naming them, or none. */
export function uncheckedCustomResourcesNote(types: Iterable<string>, minor: string): string[] {
  const labels = customResourcesWithoutSchema(types, minor);
  return labels.length === 0
    ? []
    : [
        `Custom resources without a vendored CRD were not schema-checked (workload-kubernetes-enforce-schema): ${labels.join(", ")}`,
      ];
}
