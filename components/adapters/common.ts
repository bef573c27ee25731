/**
 * What every adapter shares: the neutral names of the application database, the options of stateful children,
 * secret look-ups that say which key to set, and database passwords derived from the stack's password seed.
 */
import { createHmac } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import type { TargetContext } from "../contract/types";

/**
 * EU registry (and OCI chart repository) holding copies of the third-party images the platform runs (ingress
 * controller, PostgreSQL for CloudNativePG): upstream registries (registry.k8s.io, ghcr.io) are US-operated.
 */
export const EU_IMAGE_MIRROR = "rg.fr-par.scw.cloud/sovereign-mirror";

/** The application database and its (non-admin) owner, the same on every provider. */
export const APP_DATABASE = { name: "app", user: "app" } as const;

/**
 * Secret config key (in `sovereign:`) of the seed database passwords are derived from. Scaleway's managed
 * PostgreSQL and CloudNativePG take a password they do not generate; a seed in stack config keeps each password
 * stable across runs (a value drawn at program time would change on every `pulumi up`) without `@pulumi/random`.
 */
export const PASSWORD_SEED_KEY = "passwordSeed";

/**
 * Derived passwords start with an upper-case letter, a lower-case letter, a digit and a `-`, so they meet every
 * provider's complexity rule, and contain only URL-safe characters, so DSNs need no escaping.
 */
const PASSWORD_PREFIX = "Sd9-";
const PASSWORD_BODY_LENGTH = 32;

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

/** HMAC-SHA256 of `stack/target/role` under `seed`, shaped as a password. Pure. */
export function passwordFromSeed(
  seed: string,
  stack: string,
  target: string,
  role: string,
): string {
  const body = createHmac("sha256", seed)
    .update(`${stack}/${target}/${role}`)
    .digest("base64url")
    .slice(0, PASSWORD_BODY_LENGTH);
  return `${PASSWORD_PREFIX}${body}`;
}

/**
 * The password of database role `role` on this target, derived from `sovereign:passwordSeed`: stable across runs,
 * different per stack, target and role, rotated by changing the seed. Secret.
 */
export function derivedPassword(
  ctx: Pick<TargetContext, "secrets" | "stack" | "target">,
  role: string,
  parent: pulumi.Resource,
): pulumi.Output<string> {
  const seed = requiredSecret(
    ctx,
    PASSWORD_SEED_KEY,
    "the seed database passwords are derived from",
    parent,
    '"$(openssl rand -base64 32)"',
  );
  return pulumi.secret(seed.apply((s) => passwordFromSeed(s, ctx.stack, ctx.target.name, role)));
}

/** `value`, or an error naming what a provider's outputs lacked (read inside `apply`). */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null)
    throw new Error(`${what} is missing from the provider's outputs`);
  return value;
}
