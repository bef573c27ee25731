/**
 * Whether a resource belongs to a production stack. CrossGuard hands policies the stack's tags but not its name,
 * so the name comes from the resource URN (`urn:pulumi:<stack>::<project>::…`, built alike by the Pulumi CLI and
 * the offline engine), unless the policy config key `stackName` overrides it.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

export interface ProductionConfig {
  /** Glob patterns (`*` any run of characters) a production stack name or tag value matches. */
  readonly productionStacks: readonly string[];
  /** Stack tags whose value is matched against `productionStacks` (e.g. `environment: prod`). */
  readonly productionTagKeys: readonly string[];
  /** The stack name. @default - the stack in the resource URN */
  readonly stackName?: string;
}

export const PRODUCTION_DEFAULTS: ProductionConfig = {
  productionStacks: ["prod*", "*-prod", "production", "eu-fleet"],
  productionTagKeys: ["environment", "env"],
};

/** The configSchema properties every production-aware policy declares. */
export const productionSchema: Record<keyof ProductionConfig, PolicyConfigJSONSchema> = {
  productionStacks: {
    type: "array",
    items: { type: "string" },
    default: [...PRODUCTION_DEFAULTS.productionStacks],
    description:
      "Glob patterns (`*` = any characters) naming production stacks, matched against the stack name and the values of `productionTagKeys`.",
  },
  productionTagKeys: {
    type: "array",
    items: { type: "string" },
    default: [...PRODUCTION_DEFAULTS.productionTagKeys],
    description: "Stack tags whose value is matched against `productionStacks`.",
  },
  stackName: {
    type: "string",
    description: "The stack's name, to override the one in the resource URN (the default).",
  },
};

/** `urn:pulumi:prod::shop::type::name` → `prod`; undefined for anything else. */
export function stackOfUrn(urn: string): string | undefined {
  const match = /^urn:pulumi:([^:]+)::/.exec(urn);
  return match?.[1];
}

/** Glob match, whole string, case-insensitive. */
export function globMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "i").test(value);
}

/**
 * Why the stack is production, e.g. `stack "eu-fleet" matches "eu-fleet"` or `stack tag environment=prod
 * matches "prod*"`; undefined when it is not.
 */
export function productionReason(
  cfg: ProductionConfig,
  urn: string,
  stackTags: ReadonlyMap<string, string>,
): string | undefined {
  const matching = (value: string) => cfg.productionStacks.find((p) => globMatches(p, value));
  const stack = cfg.stackName ?? stackOfUrn(urn);
  const byName = stack === undefined ? undefined : matching(stack);
  if (byName !== undefined) return `stack "${stack}" matches "${byName}"`;
  for (const key of cfg.productionTagKeys) {
    const value = stackTags.get(key);
    const byTag = value === undefined ? undefined : matching(value);
    if (byTag !== undefined) return `stack tag ${key}=${value} matches "${byTag}"`;
  }
  return undefined;
}
