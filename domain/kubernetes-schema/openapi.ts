/**
 * The upstream OpenAPI v2 definitions of one Kubernetes minor, as JSON Schema for ajv. Three rewrites make them
 * judge what the API server judges: int-or-string fields accept both, a Quantity accepts a number (its JSON
 * decoder does), and in strict mode an object with declared properties accepts no other field (what kubectl's
 * `--validate=strict` and the server's `fieldValidation=Strict` reject; kubeconform `-strict` does the same).
 */

type Json = Record<string, unknown>;

const INT_OR_STRING = { anyOf: [{ type: "string" }, { type: "integer" }] } as const;
const QUANTITY = { anyOf: [{ type: "string" }, { type: "number" }] } as const;
const QUANTITY_DEFINITION = "io.k8s.apimachinery.pkg.api.resource.Quantity";

/** Keywords that say nothing a validator checks (docs, merge hints, formats we do not enforce). */
const DROPPED = new Set(["description", "format", "default", "example"]);

function rewrite(node: unknown, strict: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, strict));
  if (node === null || typeof node !== "object") return node;
  const schema = node as Json;
  if (schema.format === "int-or-string") return INT_OR_STRING;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith("x-")) continue;
    if (key === "properties") {
      out.properties = Object.fromEntries(
        Object.entries(value as Json).map(([name, sub]) => [name, rewrite(sub, strict)]),
      );
    } else if (key === "enum" || key === "required") {
      out[key] = value;
    } else {
      out[key] = rewrite(value, strict);
    }
  }
  if (strict && out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

/** The definitions rewritten for validation; `$ref`s keep pointing at `#/definitions/<name>`. */
export function openApiDefinitionsToJsonSchema(
  definitions: Readonly<Record<string, unknown>>,
  strict: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(definitions))
    out[name] = name === QUANTITY_DEFINITION ? QUANTITY : rewrite(definition, strict);
  return out;
}

/** `group/version/Kind` (group "" for core) → definition name, from `x-kubernetes-group-version-kind`. */
export function definitionsByGroupVersionKind(
  definitions: Readonly<Record<string, unknown>>,
): Map<string, string> {
  const index = new Map<string, string>();
  for (const [name, definition] of Object.entries(definitions)) {
    const gvks = (definition as Json)["x-kubernetes-group-version-kind"];
    if (!Array.isArray(gvks)) continue;
    for (const gvk of gvks as { group: string; version: string; kind: string }[]) {
      const key = gvkKey(gvk.group, gvk.version, gvk.kind);
      // meta/v1 types (DeleteOptions, WatchEvent) list every group; the group's own definition wins.
      if (!index.has(key) || !name.startsWith("io.k8s.apimachinery.")) index.set(key, name);
    }
  }
  return index;
}

export const gvkKey = (group: string, version: string, kind: string) =>
  `${group}/${version}/${kind}`;
