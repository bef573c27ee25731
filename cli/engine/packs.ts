/**
 * The policy packs a check runs and their config. Packs come from policies/packs.ts: `PACKS` (keyed by pack
 * name) and, when it has one, `servedPack(name, env)`, which gives each pack's policies exactly as the pack
 * serves them to the Pulumi CLI (environment levels applied, reviewed exemptions wrapped around each policy);
 * policies/lib/exemptions.ts records which exemptions matched. The pack config file has the Pulumi
 * policy-config shape: `{ "all": <level>, "<policy>": <level> | { enforcementLevel?, ...properties } }`.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type {
  EnforcementLevel,
  PolicyConfigSchema,
  ResourceValidation,
  StackValidation,
} from "@pulumi/policy";
import type { ExemptionInUse } from "./report";
import { CheckError } from "./errors";
import { ensureTypeScript, requireFrom, TOOLKIT_ROOT } from "./loader";
import { yaml } from "./yaml";

/** A policy as the engine runs it: CrossGuard's fields plus the metadata reports show. */
export interface EnginePolicy {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel?: EnforcementLevel;
  readonly configSchema?: PolicyConfigSchema;
  readonly severity?: "low" | "medium" | "high" | "critical";
  readonly remediationSteps?: string;
  readonly validateResource?: ResourceValidation | ResourceValidation[];
  readonly validateStack?: StackValidation;
  /** What is wrong with the policy's pack config settings, one line each; empty when they are sound. */
  readonly configProblems?: (config: Readonly<Record<string, unknown>>) => readonly string[];
}

export interface PackDefinition {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  /** The level of policies that set none. @default "advisory" */
  readonly enforcementLevel?: EnforcementLevel;
  readonly policies: readonly EnginePolicy[];
}
export type PackTable = Readonly<Record<string, PackDefinition>>;

export interface PackSource {
  readonly packs: PackTable;
  /** Forgets exemption matches of an earlier run. @default - no exemptions */
  readonly resetExemptions?: () => void;
  /** Exemptions that matched during the run. @default - no exemptions */
  readonly exemptionsInUse?: () => readonly ExemptionInUse[];
}

interface PacksModule {
  PACKS?: PackTable;
  ENVIRONMENT_LEVELS?: Readonly<Record<string, unknown>>;
  servedPack?: (
    name: string,
    env: Readonly<Record<string, string | undefined>>,
  ) => { args: { enforcementLevel?: EnforcementLevel; policies?: EnginePolicy[] } };
}
interface ExemptionsModule {
  EXEMPTION_USES?: { clear(): void };
  exemptionUses?: () => ExemptionInUse[];
}

const POLICIES_DIR = path.join(TOOLKIT_ROOT, "policies");
const exists = (file: string) => [".ts", ".js"].some((ext) => existsSync(file + ext));
const load = <T>(file: string): T => requireFrom(file)(file) as T;

function served(
  mod: PacksModule,
  name: string,
  pack: PackDefinition,
  env: Record<string, string | undefined>,
): PackDefinition {
  if (!mod.servedPack) return pack;
  try {
    const { args } = mod.servedPack(name, env);
    return {
      ...pack,
      enforcementLevel: args.enforcementLevel ?? pack.enforcementLevel,
      policies: args.policies ?? pack.policies,
    };
  } catch (e) {
    throw new CheckError(`policy pack '${name}' cannot be loaded: ${(e as Error).message}`);
  }
}

/**
 * The toolkit's packs as served in `environment` (SOVEREIGN_ENVIRONMENT when unset), or an empty table while
 * policies/packs.ts does not exist.
 */
export function loadPackSource(environment?: string): PackSource {
  const packsFile = path.join(POLICIES_DIR, "packs");
  if (!exists(packsFile)) return { packs: {} };
  ensureTypeScript();
  const mod = load<PacksModule>(packsFile);
  const environments = Object.keys(mod.ENVIRONMENT_LEVELS ?? {});
  if (environment !== undefined && environments.length > 0 && !environments.includes(environment)) {
    throw new CheckError(`--environment ${environment}: use one of ${environments.join(", ")}`);
  }
  const env =
    environment === undefined
      ? process.env
      : { ...process.env, SOVEREIGN_ENVIRONMENT: environment };
  const packs = Object.fromEntries(
    Object.entries(mod.PACKS ?? {}).map(([name, pack]) => [name, served(mod, name, pack, env)]),
  );
  const exemptionsFile = path.join(POLICIES_DIR, "lib", "exemptions");
  const exemptions = exists(exemptionsFile) ? load<ExemptionsModule>(exemptionsFile) : {};
  return {
    packs,
    resetExemptions: exemptions.EXEMPTION_USES
      ? () => exemptions.EXEMPTION_USES?.clear()
      : undefined,
    exemptionsInUse: exemptions.exemptionUses,
  };
}

/** The packs named on the command line (every pack when none is named); an unknown name is an error. */
export function selectPacks(table: PackTable, names: readonly string[]): PackDefinition[] {
  if (names.length === 0) return Object.values(table);
  const known = Object.keys(table);
  return names.map((name) => {
    const pack = table[name];
    if (!pack) {
      throw new CheckError(
        `unknown pack '${name}': known packs are ${known.length > 0 ? known.join(", ") : "(none installed)"}`,
      );
    }
    return pack;
  });
}

export type PackConfig = Readonly<Record<string, unknown>>;
const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

/** Reads a pack config file (JSON or YAML); fails on unknown policy names and levels, naming the known ones. */
export function loadPackConfig(file: string, packs: readonly PackDefinition[]): PackConfig {
  let raw: unknown;
  try {
    raw = yaml().parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new CheckError(
      `--pack-config ${file}: ${(e as Error).message.split("\n")[0] ?? "unreadable"}`,
    );
  }
  raw ??= {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new CheckError(
      `--pack-config ${file}: expected a mapping of policy names (or "all") to settings`,
    );
  }
  const policies = new Map(packs.flatMap((p) => p.policies.map((x) => [x.name, x] as const)));
  const names = new Set(policies.keys());
  for (const [key, value] of Object.entries(raw)) {
    if (key !== "all" && !names.has(key)) {
      throw new CheckError(
        `--pack-config ${file}: unknown policy '${key}'; known: all, ${[...names].join(", ")}`,
      );
    }
    const level = levelOf(value);
    if (level !== undefined && !LEVELS.includes(level)) {
      throw new CheckError(
        `--pack-config ${file}: ${key}: enforcement level '${level}' is not one of ${LEVELS.join(", ")}`,
      );
    }
    const problems =
      value !== null && typeof value === "object"
        ? (policies.get(key)?.configProblems?.(value as Record<string, unknown>) ?? [])
        : [];
    if (problems.length > 0)
      throw new CheckError(`--pack-config ${file}: ${key}: ${problems.join("; ")}`);
  }
  return raw as PackConfig;
}

function levelOf(setting: unknown): string | undefined {
  if (typeof setting === "string") return setting;
  if (setting !== null && typeof setting === "object") {
    const level = (setting as { enforcementLevel?: unknown }).enforcementLevel;
    return typeof level === "string" ? level : undefined;
  }
  return undefined;
}

function schemaDefaults(schema: PolicyConfigSchema | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
    const value = (prop as { default?: unknown }).default;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export interface PolicySettings {
  readonly level: EnforcementLevel;
  /** What `args.getConfig()` returns: the config schema's defaults, then the pack config's properties. */
  readonly config: Readonly<Record<string, unknown>>;
}

/**
 * A policy's enforcement level (per-policy config, then `all`, then its own, then its pack's, then advisory, as
 * the analyzer resolves it) and its config.
 */
export function settingsOf(
  policy: EnginePolicy,
  pack: PackDefinition,
  packConfig: PackConfig,
): PolicySettings {
  const own = packConfig[policy.name];
  const level =
    levelOf(own) ??
    levelOf(packConfig.all) ??
    policy.enforcementLevel ??
    pack.enforcementLevel ??
    "advisory";
  const props: Record<string, unknown> =
    own !== null && typeof own === "object" ? { ...(own as Record<string, unknown>) } : {};
  delete props.enforcementLevel;
  return {
    level: level as EnforcementLevel,
    config: { ...schemaDefaults(policy.configSchema), ...props },
  };
}

/** The policy config key `--kubernetes-version` sets on every policy that declares it. */
const KUBERNETES_VERSION_KEY = "kubernetesVersion";

/** `packConfig` with `kubernetesVersion: minor` set on every policy of `packs` whose config schema declares it. */
export function withKubernetesVersion(
  packConfig: PackConfig,
  packs: readonly PackDefinition[],
  minor: string,
): PackConfig {
  const config: Record<string, unknown> = { ...packConfig };
  for (const policy of packs.flatMap((pack) => pack.policies)) {
    if (policy.configSchema?.properties[KUBERNETES_VERSION_KEY] === undefined) continue;
    const own = config[policy.name];
    const settings =
      own !== null && typeof own === "object"
        ? own
        : typeof own === "string"
          ? { enforcementLevel: own }
          : {};
    config[policy.name] = { ...settings, [KUBERNETES_VERSION_KEY]: minor };
  }
  return config;
}
