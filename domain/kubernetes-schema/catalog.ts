/**
 * The schemas one Kubernetes minor judges objects by: its upstream OpenAPI definitions and the vendored CRDs,
 * compiled by ajv on first use per kind and kept for the process (a plan repeats a few dozen kinds).
 */
import Ajv, { type ValidateFunction } from "ajv";
import {
  CRD_BUNDLES,
  readCrd,
  readOpenApiDefinitions,
  type CrdBundle,
} from "../../config/kubernetes/sources";
import { REMOVED_APIS } from "../../config/catalog/kubernetes-removed-apis";
import { crdSchemas } from "./crd";
import type { GroupVersionKind } from "./gvk";
import { definitionsByGroupVersionKind, gvkKey, openApiDefinitionsToJsonSchema } from "./openapi";

const OPENAPI_ID = "kubernetes-openapi";
const OBJECT_META_REF = `${OPENAPI_ID}#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`;

/** Where an object's schema comes from. */
export type SchemaOrigin =
  | { readonly kind: "openapi"; readonly definition: string }
  | { readonly kind: "crd"; readonly bundle: CrdBundle; readonly file: string };

export interface KindSchema {
  readonly origin: SchemaOrigin;
  readonly validate: ValidateFunction;
}

export interface SchemaCatalog {
  readonly minor: string;
  readonly strict: boolean;
  /** The schema of `gvk`, or undefined when neither the OpenAPI document nor a vendored CRD defines it. */
  schemaOf(gvk: GroupVersionKind): KindSchema | undefined;
  /** True when the OpenAPI document or a vendored CRD defines `gvk` (nothing is compiled to answer). */
  describes(gvk: GroupVersionKind): boolean;
  /** True for groups Kubernetes itself serves (this minor's, or a removed API's), whose kinds need no CRD. */
  isBuiltInGroup(group: string): boolean;
}

/** Groups some vendored minor or the removed-API table names: Kubernetes' own, never a CRD's. */
function builtInGroups(byGvk: ReadonlyMap<string, string>): Set<string> {
  const groups = new Set([...byGvk.keys()].map((key) => key.slice(0, key.indexOf("/"))));
  for (const api of REMOVED_APIS)
    groups.add(api.apiVersion.includes("/") ? (api.apiVersion.split("/")[0] ?? "") : "");
  return groups;
}

/** The CRD files of `group`, by the upstream naming `<group>_<plural>`. */
function crdFilesOf(group: string): { bundle: CrdBundle; file: string }[] {
  return CRD_BUNDLES.flatMap((bundle) =>
    bundle.files.filter((file) => file.startsWith(`${group}_`)).map((file) => ({ bundle, file })),
  );
}

function createCatalog(minor: string, strict: boolean): SchemaCatalog {
  const definitions = readOpenApiDefinitions(minor);
  const byGvk = definitionsByGroupVersionKind(definitions);
  const groups = builtInGroups(byGvk);
  // Go patterns are not always valid with JavaScript's `u` flag; formats are not what the API server enforces.
  // Refs compiled once and shared, unoptimised code and no meta-schema pass: compiling is most of the cost.
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: false,
    unicodeRegExp: false,
    inlineRefs: false,
    validateSchema: false,
    code: { optimize: false },
  });
  ajv.addSchema({
    $id: OPENAPI_ID,
    definitions: openApiDefinitionsToJsonSchema(definitions, strict),
  });
  const compiled = new Map<string, KindSchema | null>();
  const crdGroupsRead = new Set<string>();
  const crdOrigins = new Map<string, { origin: SchemaOrigin; schema: object }>();

  const readCrdGroup = (group: string) => {
    if (crdGroupsRead.has(group)) return;
    crdGroupsRead.add(group);
    for (const { bundle, file } of crdFilesOf(group)) {
      for (const crd of crdSchemas(readCrd(bundle, file), strict, OBJECT_META_REF))
        crdOrigins.set(gvkKey(crd.group, crd.version, crd.kind), {
          origin: { kind: "crd", bundle, file },
          schema: crd.schema,
        });
    }
  };

  const build = (gvk: GroupVersionKind): KindSchema | null => {
    const key = gvkKey(gvk.group, gvk.version, gvk.kind);
    const definition = byGvk.get(key);
    if (definition !== undefined) {
      return {
        origin: { kind: "openapi", definition },
        validate: ajv.compile({ $ref: `${OPENAPI_ID}#/definitions/${definition}` }),
      };
    }
    if (groups.has(gvk.group)) return null;
    readCrdGroup(gvk.group);
    const crd = crdOrigins.get(key);
    return crd ? { origin: crd.origin, validate: ajv.compile(crd.schema) } : null;
  };

  return {
    minor,
    strict,
    schemaOf(gvk) {
      const key = gvkKey(gvk.group, gvk.version, gvk.kind);
      if (!compiled.has(key)) compiled.set(key, build(gvk));
      return compiled.get(key) ?? undefined;
    },
    describes(gvk) {
      const key = gvkKey(gvk.group, gvk.version, gvk.kind);
      if (byGvk.has(key)) return true;
      if (groups.has(gvk.group)) return false;
      readCrdGroup(gvk.group);
      return crdOrigins.has(key);
    },
    isBuiltInGroup: (group) => groups.has(group),
  };
}

const catalogs = new Map<string, SchemaCatalog>();

/** The catalog of `minor` (throws, naming the vendored minors, when none is vendored for it). */
export function schemaCatalog(minor: string, strict: boolean): SchemaCatalog {
  const key = `${minor}/${strict}`;
  let catalog = catalogs.get(key);
  if (catalog === undefined) {
    catalog = createCatalog(minor, strict);
    catalogs.set(key, catalog);
  }
  return catalog;
}
