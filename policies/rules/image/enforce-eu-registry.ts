/**
 * Images are data too: where they are pulled from decides who can read, change or withhold them. Every container
 * of every pod-bearing kind (regular, init and ephemeral), and the image fields of operators' custom resources
 * (CloudNativePG), must come from a registry the catalog places in the allowed group, or one the pack config
 * lists. A name without a registry host means Docker Hub.
 */
import { CONTAINER_REGISTRIES } from "../../../config/catalog/hosts";
import { ALLOWED_GROUP, readConfig, stringList, type GroupConfig } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { allowListed, judgeHost } from "../../lib/hosts";
import { readHelmValues } from "../../../domain/helm-values";
import { HELM_VALUES_FIELDS, IMAGE_FIELDS, parseImage } from "../../../domain/images";
import { kubernetesKind, podSpecPathOf, podTemplateReferenceOf } from "../../../domain/pods";
import { readPath, type Reading } from "../../lib/read";
import { deferUnknowns, rawOf, unknownCause, type UnknownAt } from "../../lib/unknown";

const configSchema = {
  properties: {
    allowedGroup: ALLOWED_GROUP,
    allowedRegistries: stringList(
      'Extra registries to accept: host, *.domain or host/path-prefix, e.g. ["harbor.example.eu", "registry.example.eu/platform"].',
    ),
  },
};

const FIX =
  "Push the image to an EU registry (Scaleway rg.<region>.scw.cloud, OVHcloud <id>.<cluster>.<region>.container-registry.ovh.net, STACKIT registry.onstackit.cloud) and reference it there, or list your own EU registry in allowedRegistries in this policy's config.";

interface ImageConfig extends GroupConfig {
  readonly allowedRegistries: string[];
}

const ROLES = ["containers", "initContainers", "ephemeralContainers"] as const;

/** One image to judge, and the words that name it given its registry (`containers[0] 'app' image 'nginx:1.27' (registry 'docker.io')`). */
interface ImageSite {
  readonly image: string;
  readonly describe: (registry: string) => string;
}

const named = (label: string, image: string): ImageSite => ({
  image,
  describe: (registry) => `${label} image '${image}' (${registry})`,
});

const defaulted = (path: string, image: string): ImageSite => ({
  image,
  describe: (registry) =>
    `${path} is unset, so the operator's default image '${image}' applies; its ${registry}`,
});

function judgeImage(site: ImageSite, config: ImageConfig): string | undefined {
  const ref = parseImage(site.image);
  if (allowListed(config.allowedRegistries, ref.host, ref.path)) return undefined;
  const implied = ref.implicitHost ? ": a name without a registry host means Docker Hub" : "";
  const what = site.describe(`registry '${ref.host}'${implied}`);
  const verdict = judgeHost(CONTAINER_REGISTRIES, ref.host, config.allowedGroup, what, FIX);
  return verdict.ok ? undefined : verdict.reason;
}

/** Images of a pod-bearing kind; `partial` (a `*Patch`) means absent fields are no violation. */
function podImages(
  type: string,
  props: unknown,
  unknowns: UnknownAt[],
  problems: string[],
): ImageSite[] {
  const kind = kubernetesKind(type) ?? type;
  const partial = kind.endsWith("Patch");
  const [spec] = readPath(props, (podSpecPathOf(type) ?? []).join("."));
  if (spec?.kind === "unknown") unknowns.push({ path: spec.path, cause: spec.cause });
  if (spec?.kind !== "value") {
    // A Rollout that references a Deployment's template runs that Deployment's images, judged there.
    const reference = podTemplateReferenceOf(type);
    const referenced =
      reference !== undefined && readPath(props, reference).some((r) => r.kind !== "absent");
    if (spec?.kind === "absent" && !partial && !referenced)
      problems.push(
        `${kind} has no pod spec, so its images cannot be placed. Declare its containers.`,
      );
    return [];
  }
  const sites: ImageSite[] = [];
  for (const role of ROLES) {
    for (const container of readPath(spec.value, `${role}[]`)) {
      if (container.kind === "unknown")
        unknowns.push({ path: `${spec.path}.${container.path}`, cause: container.cause });
      if (container.kind !== "value") continue;
      const name = (container.value as { name?: unknown }).name;
      const label = `${container.path}${typeof name === "string" ? ` '${name}'` : ""}`;
      const [image] = readPath(container.value, "image");
      if (image?.kind === "unknown")
        unknowns.push({ path: `${spec.path}.${container.path}.image`, cause: image.cause });
      if (image?.kind === "value") sites.push(named(label, String(image.value)));
      if (image?.kind === "absent" && !partial)
        problems.push(`${label} has no image, so its registry cannot be placed. Set the image.`);
    }
  }
  return sites;
}

/** Images of custom kinds from IMAGE_FIELDS, with the operator default where a field is absent. */
function fieldImages(type: string, props: unknown, unknowns: UnknownAt[]): ImageSite[] {
  const sites: ImageSite[] = [];
  for (const field of IMAGE_FIELDS.filter((f) => f.types.test(type))) {
    const readings: Reading[] = readPath(props, field.path);
    const replaced =
      field.replacedBy !== undefined &&
      readPath(props, field.replacedBy).some((r) => r.kind !== "absent");
    for (const reading of readings) {
      if (reading.kind === "unknown") unknowns.push({ path: reading.path, cause: reading.cause });
      if (reading.kind === "value") sites.push(named(reading.path, String(reading.value)));
      if (reading.kind === "absent" && field.defaultImage && !replaced) {
        sites.push(defaulted(reading.path, field.defaultImage));
      }
    }
  }
  return sites;
}

/** Images and registry overrides that Helm values name (the chart's own defaults are not visible). */
function valuesImages(type: string, props: unknown, unknowns: UnknownAt[]): ImageSite[] {
  const sites: ImageSite[] = [];
  for (const field of HELM_VALUES_FIELDS.filter((f) => f.types.test(type))) {
    const [values] = readPath(props, field.path);
    if (values?.kind === "unknown") unknowns.push({ path: values.path, cause: values.cause });
    if (values?.kind !== "value") continue;
    const reading = readHelmValues(values.value, unknownCause);
    const at = (path: string) => (path === "" ? field.path : `${field.path}.${path}`);
    for (const u of reading.unknown) unknowns.push({ path: at(u.path), cause: u.cause });
    for (const image of reading.images) sites.push(named(at(image.path), image.image));
    for (const { path, registry } of reading.registries)
      sites.push({
        image: `${registry.replace(/\/+$/, "")}/image`,
        describe: (where) => `${at(path)} '${registry}' (${where})`,
      });
  }
  return sites;
}

const appliesTo = (type: string) =>
  podSpecPathOf(type) !== undefined ||
  IMAGE_FIELDS.some((f) => f.types.test(type)) ||
  HELM_VALUES_FIELDS.some((f) => f.types.test(type));

export const imageContainerEnforceEuRegistry = definePolicy({
  name: "image-container-enforce-eu-registry",
  description:
    "Requires every container image of every pod-bearing Kubernetes kind, and of operator resources such as CloudNativePG clusters, to come from a registry the catalog places inside the allowed jurisdiction group or one the pack config lists.",
  configSchema,
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    appliesTo,
    (args, reportViolation) => {
      const isPod = podSpecPathOf(args.type) !== undefined;
      const config = readConfig<ImageConfig>(args, configSchema);
      const props = rawOf(args.props);
      const unknowns: UnknownAt[] = [];
      const problems: string[] = [];
      const sites = [
        ...(isPod
          ? podImages(args.type, props, unknowns, problems)
          : fieldImages(args.type, props, unknowns)),
        ...valuesImages(args.type, props, unknowns),
      ];
      problems.forEach((p) => reportViolation(p));
      for (const site of sites) {
        const reason = judgeImage(site, config);
        if (reason) reportViolation(reason);
      }
      deferUnknowns(unknowns);
    },
    "only pod-bearing kinds, custom kinds with image fields and kinds with Helm values",
  ),
  severity: "high",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "kubernetes", "supply-chain"],
  remediationSteps:
    "Mirror the image into an EU registry (e.g. the Scaleway or OVHcloud registry the platform creates) and reference it by that host; for CloudNativePG set spec.imageName to the mirrored PostgreSQL image. To accept your own registry, add it to allowedRegistries in this policy's config.",
  url: "docs/policies.md#image-container-enforce-eu-registry",
  pack: "eu-sovereignty",
  area: "image",
});
