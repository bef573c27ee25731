/**
 * What every adapter shares: the neutral names of the application database, the options of stateful children,
 * and secret look-ups that say which key to set.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RegistryRef } from "../../config/images";
import type { RegistryOutputs, TargetContext } from "../contract/types";

/** The application database and its (non-admin) owner, the same on every provider. */
export const APP_DATABASE = { name: "app", user: "app" } as const;

/** Namespace of the platform's database objects on a target's cluster (CloudNativePG, OVHcloud's grants Job). */
export const DATABASE_NAMESPACE = "sovereign-data";

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

/** A registry named in config, with its credential read from the secret key it names (anonymous without one). */
export function registryOf(
  ctx: Pick<TargetContext, "secrets" | "stack" | "target">,
  ref: RegistryRef,
  parent: pulumi.Resource,
): RegistryOutputs {
  const { username, passwordSecret } = ref;
  return {
    endpoint: pulumi.output(ref.endpoint),
    credential:
      username === undefined || passwordSecret === undefined
        ? undefined
        : {
            username: pulumi.output(username),
            password: requiredSecret(
              ctx,
              passwordSecret,
              `the password of registry ${ref.endpoint}`,
              parent,
            ),
          },
  };
}

/** `value`, or an error naming what a provider's outputs lacked (read inside `apply`). */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null)
    throw new Error(`${what} is missing from the provider's outputs`);
  return value;
}
