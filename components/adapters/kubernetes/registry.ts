/**
 * The registry a kubernetes target names in config (STACKIT Container Registry, IONOS Private Container Registry,
 * any EU Harbor): nothing is created, the credential comes from the secret config key the target names.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RegistryOutputs } from "../../contract/types";
import { registryOf } from "../common";
import type { KubernetesContext } from "./context";

/** Undefined when the target names no registry. */
export function kubernetesRegistry(
  _name: string,
  ctx: KubernetesContext,
  parent: pulumi.Resource,
): RegistryOutputs | undefined {
  return ctx.target.registry && registryOf(ctx, ctx.target.registry, parent);
}
