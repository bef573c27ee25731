/**
 * What every adapter shares: the neutral names of the application database, the options of stateful children,
 * and secret look-ups that say which key to set.
 */
import * as pulumi from "@pulumi/pulumi";
import type { TargetContext } from "../contract/types";

/**
 * EU registry (and OCI chart repository) holding copies of the third-party images the platform runs (ingress
 * controller, PostgreSQL for CloudNativePG): upstream registries (registry.k8s.io, ghcr.io) are US-operated.
 */
export const EU_IMAGE_MIRROR = "rg.fr-par.scw.cloud/sovereign-mirror";

/** The application database and its (non-admin) owner, the same on every provider. */
export const APP_DATABASE = { name: "app", user: "app" } as const;

/** `protect`/`retainOnDelete` of stateful children (databases, buckets): both follow the target's protection. */
export function statefulOptions(ctx: Pick<TargetContext, "protect">): pulumi.CustomResourceOptions {
  return { protect: ctx.protect, retainOnDelete: ctx.protect };
}

/** The secret config value `key`, or a ResourceError naming the key, what it holds and the command to set it. */
export function requiredSecret(
  ctx: Pick<TargetContext, "secrets" | "stack" | "target">,
  key: string,
  holds: string,
  parent: pulumi.Resource,
  example = "<value>",
): pulumi.Output<string> {
  const value = ctx.secrets[key];
  if (value === undefined) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name} needs the secret config key sovereign:${key} (${holds}), which is not set; ` +
        `set it with: pulumi config set --secret sovereign:${key} ${example} -s ${ctx.stack}`,
      parent,
    );
  }
  return pulumi.secret(value);
}

/** `value`, or an error naming what a provider's outputs lacked (read inside `apply`). */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null)
    throw new Error(`${what} is missing from the provider's outputs`);
  return value;
}
