/**
 * An upstream CustomResourceDefinition's `openAPIV3Schema` as JSON Schema for ajv, per served version. Rewrites
 * follow the API server's structural-schema rules: `x-kubernetes-int-or-string` accepts both, an object with
 * declared properties prunes (strict: rejects) other fields unless `x-kubernetes-preserve-unknown-fields`, and
 * `metadata` is the Kubernetes ObjectMeta (optional: Pulumi autonames). CEL rules (`x-kubernetes-validations`) are not evaluated.
 */

type Json = Record<string, unknown>;

export interface CrdVersionSchema {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly schema: Json;
}

const INT_OR_STRING = [{ type: "integer" }, { type: "string" }];

/** Keywords of OpenAPI v3 structural schemas that carry over to JSON Schema draft-07 as they are. */
const KEPT = new Set([
  "type",
  "enum",
  "required",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "multipleOf",
]);

/** A Go (RE2) pattern JavaScript can run; undefined when it cannot (such a pattern is left unchecked). */
function portablePattern(pattern: unknown): string | undefined {
  if (typeof pattern !== "string") return undefined;
  try {
    new RegExp(pattern);
    return pattern;
  } catch {
    return undefined;
  }
}

function rewrite(node: unknown, strict: boolean): Json {
  if (node === null || typeof node !== "object") return {};
  const schema = node as Json;
  const out: Json = {};
  for (const key of KEPT) if (schema[key] !== undefined) out[key] = schema[key];
  // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum.
  if (schema.exclusiveMinimum === true) out.exclusiveMinimum = out.minimum;
  if (schema.exclusiveMaximum === true) out.exclusiveMaximum = out.maximum;
  if (schema.exclusiveMinimum === true) delete out.minimum;
  if (schema.exclusiveMaximum === true) delete out.maximum;
  const pattern = portablePattern(schema.pattern);
  if (pattern !== undefined) out.pattern = pattern;
  if (schema.properties !== undefined) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties as Json).map(([name, sub]) => [name, rewrite(sub, strict)]),
    );
  }
  if (schema.items !== undefined) out.items = rewrite(schema.items, strict);
  if (typeof schema.additionalProperties === "object")
    out.additionalProperties = rewrite(schema.additionalProperties, strict);
  else if (typeof schema.additionalProperties === "boolean")
    out.additionalProperties = schema.additionalProperties;
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list)) out[key] = list.map((sub) => rewrite(sub, strict));
  }
  if (schema.not !== undefined) out.not = rewrite(schema.not, strict);
  if (schema["x-kubernetes-int-or-string"] === true) {
    delete out.type;
    out.anyOf ??= INT_OR_STRING;
  }
  const preserves = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (
    strict &&
    !preserves &&
    out.properties !== undefined &&
    out.additionalProperties === undefined
  )
    out.additionalProperties = false;
  return out;
}

interface CrdDocument {
  readonly spec?: {
    readonly group?: string;
    readonly names?: { readonly kind?: string };
    readonly versions?: readonly {
      readonly name: string;
      readonly served?: boolean;
      readonly schema?: { readonly openAPIV3Schema?: unknown };
    }[];
  };
}

/**
 * The schema of each served version of `crd`, with `metadata` pointing at `objectMetaRef` (the ObjectMeta
 * definition of the Kubernetes minor checked against).
 */
export function crdSchemas(
  crd: unknown,
  strict: boolean,
  objectMetaRef: string,
): CrdVersionSchema[] {
  const spec = (crd as CrdDocument).spec;
  const group = spec?.group;
  const kind = spec?.names?.kind;
  if (group === undefined || kind === undefined) return [];
  return (spec?.versions ?? [])
    .filter((v) => v.served !== false && v.schema?.openAPIV3Schema !== undefined)
    .map((v) => {
      const schema = rewrite(v.schema?.openAPIV3Schema, strict);
      const properties = (schema.properties ?? {}) as Json;
      // Pulumi autonames objects: the provider writes metadata.name, so a program may leave metadata out.
      if (Array.isArray(schema.required))
        schema.required = (schema.required as string[]).filter((key) => key !== "metadata");
      schema.properties = {
        ...properties,
        apiVersion: { type: "string" },
        kind: { type: "string" },
        metadata: { $ref: objectMetaRef },
      };
      return { group, version: v.name, kind, schema };
    });
}
