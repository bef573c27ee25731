/**
 * Per-policy configuration: the JSON-schema fragments every sovereignty policy shares, and one reader that applies
 * the schema's defaults (the engine hands a policy `{}` when the pack config names it not) and rejects values a
 * policy cannot honour with a message that says what to write instead.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import {
  JURISDICTION_GROUP_NAMES,
  JURISDICTION_GROUPS,
  type JurisdictionGroup,
} from "../../config/catalog/jurisdictions";

/** `allowedGroup`: which jurisdiction classes pass. */
export const ALLOWED_GROUP: PolicyConfigJSONSchema = {
  type: "string",
  enum: JURISDICTION_GROUP_NAMES,
  default: "eu",
  description:
    "Jurisdiction group that passes: eu (EU member states), eea (EU + Iceland, Liechtenstein, Norway) or eu+adequacy (EEA + countries with an EU adequacy decision).",
};

/** A list of strings defaulting to empty. */
export const stringList = (description: string): PolicyConfigJSONSchema => ({
  type: "array",
  items: { type: "string" },
  default: [],
  description,
});

/** Config every placement policy reads. */
export interface GroupConfig {
  readonly allowedGroup: JurisdictionGroup;
}

/**
 * Configs already read, by the object `getConfig` returned and the schema: an engine hands a policy the same
 * config object for every resource, so the defaults are merged and checked once per policy, not per resource.
 */
const readConfigs = new WeakMap<object, WeakMap<PolicyConfigSchema, object>>();

/** The policy's config with the schema's defaults filled in, checked against the group names and list types. */
export function readConfig<T extends object>(
  args: { getConfig<C extends object>(): C },
  schema: PolicyConfigSchema,
): T {
  const given = args.getConfig<Record<string, unknown>>();
  const known = readConfigs.get(given)?.get(schema);
  if (known !== undefined) return known as T;
  const merged = mergeConfig(given, schema);
  const bySchema = readConfigs.get(given) ?? new WeakMap<PolicyConfigSchema, object>();
  bySchema.set(schema, merged);
  readConfigs.set(given, bySchema);
  return merged as T;
}

function mergeConfig(
  given: Record<string, unknown>,
  schema: PolicyConfigSchema,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema.properties)) {
    merged[key] = given[key] ?? prop.default;
  }
  const group = merged.allowedGroup;
  if (group !== undefined && !Object.hasOwn(JURISDICTION_GROUPS, String(group))) {
    throw new Error(
      `policy config allowedGroup '${String(group)}' is not a jurisdiction group; use one of ${JURISDICTION_GROUP_NAMES.join(", ")}`,
    );
  }
  for (const [key, prop] of Object.entries(schema.properties)) {
    const value = merged[key];
    if (
      prop.type === "array" &&
      !(Array.isArray(value) && value.every((v) => typeof v === "string"))
    ) {
      throw new Error(
        `policy config ${key} must be a list of strings, got ${JSON.stringify(value)}`,
      );
    }
  }
  return merged;
}
