/**
 * Scaleway Container Registry: one private namespace in the target's region, and an IAM application whose API key
 * pushes (the copy job) and pulls there. Scaleway's registry takes any user name with the API secret key as the
 * password; `nologin` is the convention of Scaleway's own examples (scaleway/serverless-examples,
 * jobs/ml-ops/terraform/providers.tf).
 */
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import type { RegistryOutputs } from "../../contract/types";
import { scalewayLocation, scalewayName, scalewayOptions, type ScalewayContext } from "./provider";
import { scopedApiKey } from "./iam";

/** IAM permission set of the registry credential (push and pull), scoped to the namespace's project. */
export const REGISTRY_PERMISSION_SET = "ContainerRegistryFullAccess";
export const REGISTRY_USERNAME = "nologin";

/**
 * Children: `${name}-registry`, and `${name}-registry-application`, `-policy`, `-key` (iam.ts).
 * Undefined when `registry` is false.
 */
export function scalewayRegistry(
  name: string,
  ctx: ScalewayContext,
  parent: pulumi.Resource,
): RegistryOutputs | undefined {
  if (!ctx.target.registry) return undefined;
  const { region } = scalewayLocation(ctx);
  const opts = scalewayOptions(name, ctx, parent);
  const namespace = new scaleway.registry.Namespace(
    `${name}-registry`,
    {
      name: scalewayName(ctx, "registry"),
      region,
      projectId: ctx.target.projectId,
      isPublic: false,
      description: `Images of target ${ctx.target.name}`,
    },
    opts,
  );
  const key = scopedApiKey(
    ctx,
    {
      prefix: `${name}-registry`,
      parent,
      role: "registry",
      permissionSet: REGISTRY_PERMISSION_SET,
      projectId: namespace.projectId,
      description: `Registry credential of target ${ctx.target.name} (copy job and image pulls)`,
    },
    opts,
  );
  return {
    endpoint: namespace.endpoint,
    credential: {
      username: pulumi.output(REGISTRY_USERNAME),
      password: pulumi.secret(key.secretKey),
    },
  };
}
