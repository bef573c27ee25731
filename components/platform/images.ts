/**
 * Where a target's pods get their images: the workloads' images from the target's own registry (a copy of the
 * build registry's), third-party images and charts from the target's mirror (components/contract/images.ts has the
 * pull Secrets).
 */
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ImagesConfig } from "../../config/images";
import type {
  RegistryCredential,
  RegistryOutputs,
  TargetContext,
  TargetImages,
} from "../contract/types";
import { registryOf } from "../adapters/common";

type Credentialed = RegistryOutputs & { readonly credential: RegistryCredential };
const hasCredential = (r: RegistryOutputs | undefined): r is Credentialed =>
  r?.credential !== undefined;

/**
 * The target's registries: its own (from the adapter), its mirror (`targets[].mirror`, else `sovereign:images.mirror`,
 * else its own registry) and, when it has no registry of its own, the build registry its workloads pull from.
 */
export function targetImages(
  ctx: Pick<TargetContext, "secrets" | "stack" | "target">,
  registry: RegistryOutputs | undefined,
  images: ImagesConfig,
  parent: pulumi.Resource,
): TargetImages {
  const mirrorRef = ctx.target.mirror ?? images.mirror;
  const mirror = mirrorRef ? registryOf(ctx, mirrorRef, parent) : registry;
  if (mirror === undefined) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name} has no registry of its own and no mirror for third-party images; set ` +
        `sovereign:targets[].mirror or sovereign:images.mirror, or give the target a registry`,
      parent,
    );
  }
  const source =
    registry === undefined && images.source ? registryOf(ctx, images.source, parent) : undefined;
  const pullCredentials = [...new Set([registry, mirror, source])].filter(hasCredential);
  return { registry, mirror, pullCredentials };
}

/** Helm `repositoryOpts` for charts in the mirror: its credential, when it has one. */
export function chartRepositoryOpts(
  images: TargetImages,
): k8s.types.input.helm.v3.RepositoryOpts | undefined {
  const credential = images.mirror.credential;
  return credential && { username: credential.username, password: credential.password };
}
