/**
 * Turning our policies into what `new PolicyPack` takes: the environment's enforcement levels applied, the
 * reviewed exemptions wrapped around each policy, and our extra metadata (pack, area) left out. The offline engine
 * calls the same function, so `sovereign check` runs exactly what the pack serves.
 */
import { readFileSync } from "node:fs";
import type {
  EnforcementLevel,
  PolicyPackArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { Environment } from "../../config/schema";
import reviewedExemptions from "../exemptions.json";
import type { PackName, SovereignPolicy } from "./define";
import {
  parseExemptions,
  withExemptions,
  type Exemption,
  type ExemptionOptions,
} from "./exemptions";

/** Enforcement per environment: a level per pack (AwsGuard's `all`) and per-policy overrides. */
export interface EnvironmentLevels {
  readonly packs: Readonly<Partial<Record<PackName, EnforcementLevel>>>;
  readonly policies: Readonly<Record<string, EnforcementLevel>>;
}

/** The level `policy` runs at in an environment: per-policy override, else the pack's, else the policy's own. */
export function levelIn(policy: SovereignPolicy, levels: EnvironmentLevels): EnforcementLevel {
  return (
    levels.policies[policy.name] ??
    levels.packs[policy.pack] ??
    policy.enforcementLevel ??
    "advisory"
  );
}

/** The environment variable that picks the environment a pack enforces. */
export const ENVIRONMENT_VARIABLE = "SOVEREIGN_ENVIRONMENT";

/** The environment named by SOVEREIGN_ENVIRONMENT. @default "prod" - the strictest levels when unset */
export function environmentFrom(env: Readonly<Record<string, string | undefined>>): Environment {
  const value = env[ENVIRONMENT_VARIABLE];
  if (value === undefined || value === "") return Environment.prod;
  if (Object.hasOwn(Environment, value)) return value as Environment;
  throw new Error(
    `${ENVIRONMENT_VARIABLE}='${value}' is not an environment; use one of ${Object.keys(Environment).join(", ")} (unset means prod)`,
  );
}

/**
 * The exemptions in `file`, validated. Without a file, the reviewed policies/exemptions.json, which is imported
 * rather than read so that a published pack (npm run build:packs) carries the exemptions it was built with.
 */
export function loadExemptions(file?: string): Exemption[] {
  if (file === undefined) return parseExemptions(reviewedExemptions as unknown);
  return parseExemptions(JSON.parse(readFileSync(file, "utf8")) as unknown, file);
}

/** A policy as @pulumi/policy declares it, without our registry metadata. */
export function toPulumiPolicy(
  policy: SovereignPolicy,
  enforcementLevel: EnforcementLevel,
): ResourceValidationPolicy | StackValidationPolicy {
  const { pack: _pack, area: _area, framework, tags, ...rest } = policy;
  const common = {
    ...rest,
    enforcementLevel,
    tags: [...tags],
    ...(framework
      ? {
          framework: {
            name: framework.name,
            version: framework.version ?? "",
            reference: framework.reference ?? "",
            specification: "",
          },
        }
      : {}),
  };
  return common as ResourceValidationPolicy | StackValidationPolicy;
}

export interface PackBuild extends ExemptionOptions {
  readonly levels: EnvironmentLevels;
  readonly exemptions: readonly Exemption[];
}

/** The policies of one pack, ready for `new PolicyPack` or the offline engine. */
export function buildPolicies(
  policies: readonly SovereignPolicy[],
  build: PackBuild,
): (ResourceValidationPolicy | StackValidationPolicy)[] {
  const { recorder, now } = build;
  const opts: ExemptionOptions = { ...(recorder ? { recorder } : {}), ...(now ? { now } : {}) };
  return policies.map((policy) =>
    toPulumiPolicy(withExemptions(policy, build.exemptions, opts), levelIn(policy, build.levels)),
  );
}

/** `PolicyPackArgs` for a pack with the given description, level and policies. */
export function packArgs(
  pack: {
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly policies: readonly SovereignPolicy[];
  },
  build: PackBuild,
): PolicyPackArgs {
  return {
    description: pack.description,
    enforcementLevel: pack.enforcementLevel,
    policies: buildPolicies(pack.policies, build),
  };
}
