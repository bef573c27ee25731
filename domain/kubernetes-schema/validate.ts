/**
 * Judges one declared Kubernetes object against its schema, the way Pulumi declares it: a value unknown during
 * preview (or made up offline) is never judged, `null` means "unset" as it does for the API server, a patch may
 * leave required fields out, and findings name paths and rules, never values (secrets stay secret).
 */
import type { ErrorObject } from "ajv";
import { apiLabel, type GroupVersionKind } from "./gvk";
import type { SchemaCatalog, SchemaOrigin } from "./catalog";

type Json = Record<string, unknown>;

export interface SchemaFinding {
  /** `spec.template.spec.containers[0].ports[1].containerPort`; "" for the object itself. */
  readonly path: string;
  readonly message: string;
}

export type SchemaVerdict =
  | {
      readonly kind: "checked";
      readonly origin: SchemaOrigin;
      readonly findings: readonly SchemaFinding[];
      /** Paths whose value was unknown and so not judged. */
      readonly unknownPaths: readonly string[];
    }
  /** A Kubernetes group, but this minor's OpenAPI document defines no such version or kind. */
  | { readonly kind: "not-served"; readonly message: string }
  /** A custom resource whose CRD is not vendored: not schema-checked. */
  | { readonly kind: "no-schema"; readonly message: string };

interface Prepared {
  readonly value: unknown;
  readonly unknownPaths: string[];
}

const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The object without nulls, with the JSON pointers of unknown values collected. Copy on write: a part with no null
 * in it is the declared part itself (Ajv only reads it), so a plan's objects are not copied to be validated.
 */
function prepare(value: unknown, isUnknown: (value: unknown) => boolean): Prepared {
  const unknownPaths: string[] = [];
  // The keys down to the node being walked; joined into a pointer only for an unknown value, which few are.
  const keys: string[] = [];
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== "object") {
      if (isUnknown(node)) unknownPaths.push(keys.map((k) => `/${escapePointer(k)}`).join(""));
      return node;
    }
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      node.forEach((item: unknown, i) => {
        keys.push(String(i));
        const walked = walk(item);
        keys.pop();
        if (walked !== item) (copy ??= [...node])[i] = walked;
      });
      return copy ?? node;
    }
    const entries = Object.entries(node as Json);
    let copy: Json | undefined;
    entries.forEach(([key, child], i) => {
      const dropped = child === null || child === undefined;
      keys.push(key);
      const walked = dropped ? undefined : walk(child);
      keys.pop();
      if (copy === undefined && !dropped && walked === child) return;
      copy ??= Object.fromEntries(entries.slice(0, i));
      if (!dropped) copy[key] = walked;
    });
    return copy ?? node;
  };
  return { value: walk(value), unknownPaths };
}

/** `/spec/ports/0/port` → `spec.ports[0].port`. */
export function dottedPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce(
      (path, part) =>
        /^\d+$/.test(part) ? `${path}[${part}]` : path === "" ? part : `${path}.${part}`,
      "",
    );
}

const within = (pointer: string, prefix: string) =>
  pointer === prefix || pointer.startsWith(`${prefix}/`);

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown field "${String(params.additionalProperty)}"`;
    case "required":
      return `missing required field "${String(params.missingProperty)}"`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "anyOf":
      return "must be an integer or a string";
    default:
      return error.message ?? error.keyword;
  }
}

/** Ajv's errors as findings: one per path and rule, the branch errors of an int-or-string `anyOf` folded in. */
function findingsOf(
  errors: readonly ErrorObject[],
  unknownPaths: readonly string[],
  patch: boolean,
): SchemaFinding[] {
  const anyOfAt = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  const seen = new Set<string>();
  const findings: SchemaFinding[] = [];
  for (const error of errors) {
    if (unknownPaths.some((pointer) => within(error.instancePath, pointer))) continue;
    if (patch && error.keyword === "required") continue;
    if (
      error.keyword !== "anyOf" &&
      anyOfAt.has(error.instancePath) &&
      error.schemaPath.includes("/anyOf/")
    )
      continue;
    const finding = { path: dottedPath(error.instancePath), message: messageOf(error) };
    const key = `${finding.path} ${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

/** The verdict on `object`, declared as `gvk`, under `catalog`'s minor. */
export function validateKubernetesObject(
  catalog: SchemaCatalog,
  gvk: GroupVersionKind,
  object: unknown,
  isUnknown: (value: unknown) => boolean,
): SchemaVerdict {
  const schema = catalog.schemaOf(gvk);
  if (schema === undefined) {
    return catalog.isBuiltInGroup(gvk.group)
      ? {
          kind: "not-served",
          message: `${apiLabel(gvk)} is not an API of Kubernetes ${catalog.minor}: its OpenAPI document defines no such version or kind`,
        }
      : {
          kind: "no-schema",
          message: `${apiLabel(gvk)} is a custom resource whose CRD is not vendored: not schema-checked`,
        };
  }
  const { value, unknownPaths } = prepare(object, isUnknown);
  const valid = schema.validate(value);
  const findings = valid ? [] : findingsOf(schema.validate.errors ?? [], unknownPaths, gvk.patch);
  return {
    kind: "checked",
    origin: schema.origin,
    findings,
    unknownPaths: unknownPaths.map(dottedPath),
  };
}
