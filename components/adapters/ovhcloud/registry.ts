/**
 * OVHcloud Managed Private Registry (Harbor) in the target's macro region (the default plan: the SDK computes
 * `planId`), and a registry user whose generated password pushes (the copy job) and pulls. Images go under the
 * target's Harbor project (`registryProject`), which is created once in Harbor: OVHcloud's API has no resource for it.
 */
import * as ovh from "@ovhcloud/pulumi-ovh";
import * as pulumi from "@pulumi/pulumi";
import type { RegistryOutputs } from "../../contract/types";
import { ovhName, ovhOffering, ovhOptions, type OvhContext } from "./provider";

/** Children: `${name}-registry`, `${name}-registry-user`. Undefined when `registry` is false. */
export function ovhRegistry(
  name: string,
  ctx: OvhContext,
  parent: pulumi.Resource,
): RegistryOutputs | undefined {
  if (!ctx.target.registry) return undefined;
  const opts = ovhOptions(name, parent);
  const registry = new ovh.cloudproject.ContainerRegistry(
    `${name}-registry`,
    {
      serviceName: ctx.target.serviceName,
      name: ovhName(ctx, "registry"),
      region: ovhOffering(ctx).serviceRegion,
    },
    opts,
  );
  const login = ovhName(ctx, "sync");
  const user = new ovh.cloudproject.ContainerRegistryUser(
    `${name}-registry-user`,
    {
      serviceName: ctx.target.serviceName,
      registryId: registry.id,
      login,
      // Harbor wants an address; this one only names the robot-like user, nothing is sent to it.
      email: `${login}@registry.invalid`,
    },
    opts,
  );
  // Images are pushed to the registry's host, without the scheme its URL carries, under the Harbor project.
  return {
    endpoint: registry.url.apply(
      (url) =>
        `${url.replace(/^https?:\/\//, "").replace(/\/+$/, "")}/${ctx.target.registryProject}`,
    ),
    credential: { username: user.user, password: pulumi.secret(user.password) },
  };
}
