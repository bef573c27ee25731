/** OVHcloud Managed Private Registry in the target's macro region (the default plan: the SDK computes `planId`). */
import * as ovh from "@ovhcloud/pulumi-ovh";
import type * as pulumi from "@pulumi/pulumi";
import type { RegistryOutputs } from "../../contract/types";
import { ovhName, ovhOffering, ovhOptions, type OvhContext } from "./provider";

/** Child: `${name}-registry`. Undefined when `registry` is false. */
export function ovhRegistry(
  name: string,
  ctx: OvhContext,
  parent: pulumi.Resource,
): RegistryOutputs | undefined {
  if (!ctx.target.registry) return undefined;
  const registry = new ovh.cloudproject.ContainerRegistry(
    `${name}-registry`,
    {
      serviceName: ctx.target.serviceName,
      name: ovhName(ctx, "registry"),
      region: ovhOffering(ctx).serviceRegion,
    },
    ovhOptions(name, parent),
  );
  // Images are pushed to the registry's host, without the scheme its URL carries.
  return { endpoint: registry.url.apply((url) => url.replace(/^https?:\/\//, "")) };
}
