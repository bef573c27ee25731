/**
 * Images a resource makes its cluster pull: every container of every pod-bearing kind (regular, init, ephemeral),
 * the image fields of operators' custom resources (CloudNativePG, with the operator's default when unset), and
 * images named in Helm values with an explicit registry host (`image.registry` + `repository`/`image`, or a
 * `repository`/`image` that starts with a host). Values naming no host leave the chart's own default, which only
 * the rendered chart shows.
 */
import { CONTAINER_REGISTRIES } from "../../config/catalog/hosts";
import { readHelmValues } from "../helm-values";
import { HELM_VALUES_FIELDS, IMAGE_FIELDS, parseImage } from "../images";
import { containersOf, podSpecOf } from "../pods";
import { attributeHost } from "./attribute";
import type { Found } from "./found";
import { DependencyKind } from "./model";
import { knownString, valuesAt, type Json } from "./resources";

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
/** Unknown during preview or made up offline: not read (knownString's test, as a cause). */
const unreadable = (v: unknown) =>
  typeof v === "string" && v.trim() !== "" && knownString(v) === undefined ? "unknown" : undefined;

/** Every image with an explicit host anywhere in Helm values (domain/helm-values.ts reads them). */
export function helmValuesImages(values: unknown): string[] {
  return readHelmValues(values, unreadable)
    .images.map((i) => i.image)
    .filter(hasHost);
}

export function imagesOf(type: string, props: Json): Found[] {
  const images = [
    ...podImages(type, props),
    ...fieldImages(type, props),
    ...HELM_VALUES_FIELDS.filter((f) => f.types.test(type)).flatMap((f) =>
      valuesAt(props, f.path).flatMap(helmValuesImages),
    ),
  ];
  return [...new Set(images)].map(imageDependency);
}
