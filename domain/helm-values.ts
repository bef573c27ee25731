/**
 * Images and registries that Helm values name, in the shapes charts read: `image: "<ref>"`, an image object
 * `{ registry?, repository | image, tag?, digest? }` (Bitnami, ingress-nginx and most charts), and a registry
 * override for every image (`global.imageRegistry`, `imageRegistry`). A chart's own defaults live in the chart,
 * which no reader of values sees: only what the values name is read here.
 */

export interface ValuesImage {
  /** Dotted path of the image in the values (`controller.image`). */
  readonly path: string;
  /** The reference as the chart composes it (`registry/repository:tag`). */
  readonly image: string;
}

export interface ValuesReading<C> {
  readonly images: ValuesImage[];
  /** Registry overrides (`global.imageRegistry`): host and optional path prefix. */
  readonly registries: { readonly path: string; readonly registry: string }[];
  /** Paths whose value cannot be read now (unknown during preview, a secret offline), with why. */
  readonly unknown: { readonly path: string; readonly cause: C }[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : undefined;
const join = (at: string, key: string | number) =>
  typeof key === "number" ? `${at}[${key}]` : at === "" ? key : `${at}.${key}`;
/** Charts nest values a few levels deep; a cap keeps a cyclic or generated object from running away. */
const MAX_DEPTH = 16;

/** `{ registry?, repository | image, tag?, digest? }` composed as the chart would, or undefined for other objects. */
function imageObject(node: Json, defaultRegistry: string | undefined): string | undefined {
  const name = text(node.repository) ?? (text(node.registry) ? text(node.image) : undefined);
  if (name === undefined) return undefined;
  const registry = text(node.registry) ?? defaultRegistry;
  const tag = text(node.tag);
  const digest = text(node.digest);
  return `${registry ? `${registry.replace(/\/+$/, "")}/` : ""}${name}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
}

/** Reads `values`; `unknownCause` says why a value cannot be known now (the caller's sentinels), else undefined. */
export function readHelmValues<C>(
  values: unknown,
  unknownCause: (v: unknown) => C | undefined,
): ValuesReading<C> {
  const out: ValuesReading<C> = { images: [], registries: [], unknown: [] };
  const isUnknown = (v: unknown) => unknownCause(v) !== undefined;
  const pushUnknown = (path: string, v: unknown) => {
    const cause = unknownCause(v);
    if (cause !== undefined) out.unknown.push({ path, cause });
  };
  if (isUnknown(values)) {
    pushUnknown("", values);
    return out;
  }
  const global = isObject(values) && isObject(values.global) ? values.global : {};
  const globalRegistry = text(global.imageRegistry);
  const walk = (node: unknown, at: string, key: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isUnknown(node)) {
      if (/image|registry|repository/i.test(key)) pushUnknown(at, node);
      return;
    }
    if (typeof node === "string") {
      if (/^image$/i.test(key) || /Image$/.test(key)) out.images.push({ path: at, image: node });
      else if (/^imageRegistry$/i.test(key)) out.registries.push({ path: at, registry: node });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, join(at, i), key, depth + 1));
      return;
    }
    if (!isObject(node)) return;
    const composed =
      /image/i.test(key) || "registry" in node ? imageObject(node, globalRegistry) : undefined;
    const unknownParts = ["registry", "repository", "image"].filter((part) =>
      isUnknown(node[part]),
    );
    if (unknownParts.length > 0 && (/image/i.test(key) || "registry" in node)) {
      for (const part of unknownParts) pushUnknown(join(at, part), node[part]);
      return;
    }
    if (composed !== undefined) {
      out.images.push({ path: at, image: composed });
      return;
    }
    for (const [k, v] of Object.entries(node)) walk(v, join(at, k), k, depth + 1);
  };
  walk(values, "", "", 0);
  return out;
}
