/**
 * Physical (cloud) names. Logical names are the component's `name` plus a role; physical names are derived here
 * only, lower-cased, DNS-safe, with a short stable hash so two stacks never collide, and cut to the provider's
 * limit. Renaming a physical name replaces one resource; renaming a logical name is a migration.
 */
import { createHash } from "node:crypto";

export const NAME_LIMITS = {
  scaleway: 63,
  ovhcloud: 63,
  kubernetes: 63,
  /** S3 bucket names: 3-63, lower-case letters, digits, '-'. */
  bucket: 63,
} as const;
export type NameLimit = keyof typeof NAME_LIMITS;

const HASH_LENGTH = 6;

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, HASH_LENGTH);
}

/**
 * `physicalName(["eu-fleet", "par", "shop"], "bucket")` → `eu-fleet-par-shop-1a2b3c`. The hash covers every part,
 * so cutting a long name to the limit never makes two names equal.
 */
export function physicalName(parts: readonly string[], limit: NameLimit): string {
  const max = NAME_LIMITS[limit];
  const hash = shortHash(parts.join("/"));
  const base = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  const head = base.slice(0, max - HASH_LENGTH - 1).replace(/-+$/, "");
  const start = /^[a-z]/.test(head) ? head : `s${head}`.slice(0, max - HASH_LENGTH - 1);
  return `${start}-${hash}`;
}
