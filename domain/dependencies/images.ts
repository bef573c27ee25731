/**
 * Images a resource makes its cluster pull: every container of every pod-bearing kind (regular, init, ephemeral),
 * the image fields of operators' custom resources (CloudNativePG, with the operator's default when unset), and
 * images named in Helm values with an explicit registry host (`image.registry` + `repository`/`image`, or a
 * `repository`/`image` that starts with a host). Values naming no host leave the chart's own default, which only
 * the rendered chart shows.
 */
import { CONTAINER_REGISTRIES } from "../../config/catalog/hosts";
import { IMAGE_FIELDS, parseImage } from "../images";
import { containersOf, podSpecOf } from "../pods";
import { attributeHost } from "./attribute";
import type { Found } from "./found";
import { DependencyKind } from "./model";
import { isRecord, knownString, valuesAt, type Json } from "./resources";

/** Helm resources whose `values` hold image settings. */
const HELM_TYPES = /^kubernetes:helm\.sh\/(?:v3:Release|v4:Chart)$/;

export function imageDependency(image: string): Found {
  const ref = parseImage(image);
  return {
    kind: DependencyKind.image,
    endpoint: image,
    ...attributeHost(CONTAINER_REGISTRIES, ref.host),
  };
}

function podImages(type: string, props: Json): string[] {
  const spec = podSpecOf(type, props);
  if (!spec) return [];
  return containersOf(spec).flatMap((c) => knownString(c.container.image) ?? []);
}

function fieldImages(type: string, props: Json): string[] {
  return IMAGE_FIELDS.filter((f) => f.types.test(type)).flatMap((field) => {
    const values = valuesAt(props, field.path).filter((v) => v !== "");
    const replaced = field.replacedBy !== undefined && valuesAt(props, field.replacedBy).length > 0;
    if (values.length === 0) return field.defaultImage && !replaced ? [field.defaultImage] : [];
    return values.flatMap((v) => knownString(v) ?? []);
  });
}

const hasHost = (ref: string) => !parseImage(ref).implicitHost;

/** The image one values node names, when it names a registry host. */
function valuesNodeImage(node: Json): string | undefined {
  const registry = knownString(node.registry);
  const repository = knownString(node.repository) ?? knownString(node.image);
  const tag = knownString(node.tag);
  const withTag = (name: string) => (tag && !name.includes("@") ? `${name}:${tag}` : name);
  if (registry && repository) return withTag(`${registry.replace(/\/+$/, "")}/${repository}`);
  if (repository && hasHost(repository)) return withTag(repository);
  return undefined;
}

/** Every image with an explicit host anywhere in Helm values. */
export function helmValuesImages(values: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    if (!isRecord(node)) return;
    const image = valuesNodeImage(node);
    if (image) found.push(image);
    for (const [key, child] of Object.entries(node)) {
      // `image: "host/repo:tag"` as one string.
      const text = key === "image" ? knownString(child) : undefined;
      if (text && hasHost(text) && !image) found.push(text);
      walk(child);
    }
  };
  walk(values);
  return found;
}

export function imagesOf(type: string, props: Json): Found[] {
  const images = [
    ...podImages(type, props),
    ...fieldImages(type, props),
    ...(HELM_TYPES.test(type) ? helmValuesImages(props.values) : []),
  ];
  return [...new Set(images)].map(imageDependency);
}
