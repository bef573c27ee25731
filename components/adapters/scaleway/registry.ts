/** Scaleway Container Registry: one private namespace in the target's region. */
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import type { RegistryOutputs } from "../../contract/types";
import { scalewayLocation, scalewayName, scalewayOptions, type ScalewayContext } from "./provider";

/** Child: `${name}-registry`. Undefined when `registry` is false. */
export function scalewayRegistry(
  name: string,
  ctx: ScalewayContext,
  parent: pulumi.Resource,
): RegistryOutputs | undefined {
  if (!ctx.target.registry) return undefined;
  const { region } = scalewayLocation(ctx);
  const namespace = new scaleway.registry.Namespace(
    `${name}-registry`,
    {
      name: scalewayName(ctx, "registry"),
      region,
      projectId: ctx.target.projectId,
      isPublic: false,
      description: `Images of target ${ctx.target.name}`,
    },
    scalewayOptions(name, ctx, parent),
  );
  return { endpoint: namespace.endpoint };
}
