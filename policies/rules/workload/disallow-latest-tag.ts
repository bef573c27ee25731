/**
 * A `latest` or missing tag makes every node pull whatever was pushed last: rollbacks, audits and the region of
 * the bytes are all unknowable. A digest pins the content, so a digest-pinned image passes whatever its tag. Which
 * registry the image comes from is the eu-sovereignty pack's business, not this rule's.
 */
import { definePolicy } from "../../lib/define";
import { ALL_ROLES, containerLabel, containersIn, validatePod } from "./lib/containers";

interface Config {
  readonly disallowedTags: readonly string[];
  readonly requireDigest: boolean;
}

const DEFAULTS: Config = { disallowedTags: ["latest"], requireDigest: false };

/** The parts of an image reference: `registry:5000/team/app:1.2@sha256:…`. */
export interface ImageReference {
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** Splits an image reference; a `:` before the last `/` is a registry port, not a tag. */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf("@");
  const named = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const colon = named.lastIndexOf(":");
  const hasTag = colon > named.lastIndexOf("/");
  return {
    repository: hasTag ? named.slice(0, colon) : named,
    tag: hasTag ? named.slice(colon + 1) : undefined,
    digest: digest === "" ? undefined : digest,
  };
}

export const workloadImageDisallowLatestTag = definePolicy({
  name: "workload-image-disallow-latest-tag",
  description:
    "Every container image of a pod-bearing Kubernetes resource is pinned by a digest or an explicit tag other than latest.",
  configSchema: {
    properties: {
      disallowedTags: {
        type: "array",
        items: { type: "string" },
        default: [...DEFAULTS.disallowedTags],
        description: "Mutable tags no image may use.",
      },
      requireDigest: {
        type: "boolean",
        default: DEFAULTS.requireDigest,
        description: "Require every image to be pinned by digest (`@sha256:…`), whatever its tag.",
      },
    },
  },
  enforcementLevel: "advisory",
  validateResource: validatePod((pod, args) => {
    const cfg = { ...DEFAULTS, ...args.getConfig<Partial<Config>>() };
    return containersIn(pod.spec, ALL_ROLES).flatMap((ref) => {
      const image = ref.container.image;
      if (typeof image !== "string" || image.trim() === "")
        return pod.partial && image === undefined ? [] : [`${containerLabel(ref)} sets no image`];
      const { tag, digest } = parseImage(image);
      if (digest !== undefined) return [];
      if (cfg.requireDigest)
        return [`${containerLabel(ref)} image "${image}" is not pinned by digest (@sha256:…)`];
      if (tag === undefined)
        return [`${containerLabel(ref)} image "${image}" has no tag, so it pulls "latest"`];
      return cfg.disallowedTags.includes(tag)
        ? [`${containerLabel(ref)} image "${image}" uses the mutable tag "${tag}"`]
        : [];
    });
  }),
  severity: "medium",
  tags: ["kubernetes", "supply-chain", "images"],
  remediationSteps:
    "Give the image an immutable version tag or a digest, e.g. rg.fr-par.scw.cloud/acme/shop:1.4.2 or …@sha256:<digest>; for Sovereign Deploy workloads set `image` in `sovereign:workloads[]`. Set `requireDigest: true` in this policy's config to demand digests.",
  url: "https://kubernetes.io/docs/concepts/containers/images/#image-names",
  pack: "workload-baseline",
  area: "workload",
});
