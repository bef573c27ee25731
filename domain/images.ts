/**
 * Container image references: the registry host an image is pulled from, normalised as Docker does (an image
 * without a registry host means Docker Hub), and the image fields of non-pod kinds as data.
 */

export interface ImageRef {
  /** Registry host, lower-cased, port kept (`harbor.example.eu:5000`). */
  readonly host: string;
  /** Repository path under the host (`library/nginx`), without tag or digest. */
  readonly path: string;
  /** True when the reference named no host, so Docker's default (Docker Hub) applies. */
  readonly implicitHost: boolean;
}

const DOCKER_HUB = "docker.io";

/** Registry host and repository of an image reference (`nginx:1.27` → docker.io, library/nginx). */
export function parseImage(image: string): ImageRef {
  const name = image.trim().split("@")[0] ?? "";
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  // Docker's rule (distribution/reference): the first component is a host when it has a dot or a port, or is localhost.
  const hasHost = first.includes(".") || first.includes(":") || first === "localhost";
  const remainder = hasHost ? name.slice(slash + 1) : name;
  const repository = remainder.replace(/:[^/:]*$/, "");
  return {
    host: hasHost ? first.toLowerCase() : DOCKER_HUB,
    path: hasHost || repository.includes("/") ? repository : `library/${repository}`,
    implicitHost: !hasHost,
  };
}

export interface ImageField {
  /** Type tokens of the Kubernetes kind (custom resources included). */
  readonly types: RegExp;
  /** Dotted path of the image field (`[]` reads every element). */
  readonly path: string;
  /** What the operator pulls when the field is absent; undefined when absence is fine. */
  readonly defaultImage?: string;
  /** A sibling field that, when set, replaces this one (absence is then fine). */
  readonly replacedBy?: string;
}

/**
 * Image fields of kinds that are not pod-bearing (pod kinds are read through domain/pods.ts): operators'
 * custom resources (CloudNativePG, which the Kubernetes adapter runs PostgreSQL with) and EU vendors' serverless
 * containers and jobs.
 */
export const IMAGE_FIELDS: readonly ImageField[] = [
  {
    types: /^kubernetes:postgresql\.cnpg\.io\/v1:Cluster$/,
    path: "spec.imageName",
    defaultImage: "ghcr.io/cloudnative-pg/postgresql",
    replacedBy: "spec.imageCatalogRef",
  },
  {
    types: /^kubernetes:postgresql\.cnpg\.io\/v1:(?:Cluster)?ImageCatalog$/,
    path: "spec.images[].image",
  },
  {
    // Scaleway Serverless Containers: exactly one of image and registryImage is set (the SDK's docs).
    types: /^scaleway:(?:containers\/container|index\/container):Container$/,
    path: "image",
  },
  {
    types: /^scaleway:(?:containers\/container|index\/container):Container$/,
    path: "registryImage",
  },
  {
    types: /^scaleway:(?:job\/definition:Definition|index\/jobDefinition:JobDefinition)$/,
    path: "imageUri",
  },
  {
    // A Pooler runs PgBouncer: its pod template may name the image, else the operator pulls its own default.
    types: /^kubernetes:postgresql\.cnpg\.io\/v1:Pooler$/,
    path: "spec.template.spec.containers[].image",
    defaultImage: "ghcr.io/cloudnative-pg/pgbouncer",
  },
];

/** Where Helm values live, per kind that carries them (Helm releases and charts, Flux HelmReleases). */
export const HELM_VALUES_FIELDS: readonly { readonly types: RegExp; readonly path: string }[] = [
  { types: /^kubernetes:helm\.sh\/(?:v3:Release|v3:Chart|v4:Chart)$/, path: "values" },
  { types: /^kubernetes:helm\.toolkit\.fluxcd\.io\/[^:]+:HelmRelease$/, path: "spec.values" },
];
