/**
 * From Pulumi's raw config map to the typed stack config, pure: picks the `sovereign:` keys, parses structured
 * values, validates them with the schema, and tells secret keys (kubeconfigs, passwords) from keys nobody reads,
 * which the schema reports as unknown. Only `stacks/index.ts` feeds it from `pulumi.Config`.
 */
import { ConfigError, type ConfigIssue } from "../config/errors";
import {
  parseStackConfig,
  secretKeysOf,
  stackConfigSchema,
  type ParseOptions,
  type StackConfig,
} from "../config/schema";
import { adapterSecretKeysOf } from "../components/adapters/registry";
import { deprecationWarnings, isDeprecatedKey } from "../config/deprecated";

export const NAMESPACE = "sovereign";

/** The stack's `sovereign:` keys without their namespace, split by whether Pulumi holds them as secrets. */
export interface RawStackConfig {
  /** Plain keys, structured values parsed from JSON. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Keys whose value is secret (values are not kept here). */
  readonly secretKeys: readonly string[];
}

/** A value as Pulumi hands it to programs: objects and lists as JSON text, everything else as text. */
function parseValue(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The `sovereign:` part of Pulumi's config map (`allConfig()`); `isSecret(fullKey)` says which values are secret.
 * Pulumi's legacy `sovereign:config:key` spelling is read as `sovereign:key`.
 */
export function sovereignConfig(
  all: Readonly<Record<string, string>>,
  isSecret: (fullKey: string) => boolean,
): RawStackConfig {
  const values: Record<string, unknown> = {};
  const secretKeys: string[] = [];
  for (const [fullKey, text] of Object.entries(all)) {
    const match = /^([^:]+):(?:config:)?(.+)$/.exec(fullKey);
    if (match?.[1] !== NAMESPACE || match[2] === undefined) continue;
    if (isSecret(fullKey)) secretKeys.push(match[2]);
    else values[match[2]] = parseValue(text);
  }
  return { values, secretKeys: secretKeys.sort() };
}

/** A secret config key the stack's targets read, with what it holds. */
export interface StackSecretKey {
  readonly key: string;
  readonly target: string;
  readonly holds: string;
}

/** Every secret key the stack reads: those the targets name (kubeconfigs, passwords) and the adapters' own. */
export function stackSecretKeys(config: StackConfig): StackSecretKey[] {
  const keys = [...secretKeysOf(config), ...config.targets.flatMap(adapterSecretKeysOf)];
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(k.key) && (seen.add(k.key), true));
}

const SCHEMA_KEYS: readonly string[] = Object.keys(stackConfigSchema.shape);

const pick = (values: Readonly<Record<string, unknown>>, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => keys.includes(k)));

/** What the error shows for a secret value: never the value. */
export const REDACTED = "[secret]";

/**
 * Validates the stack's config. Throws a `ConfigError` listing every problem: the schema's, then keys nobody
 * reads (a secret one shown as `[secret]`), then secret keys stored in plain text.
 */
export function parseStack(raw: RawStackConfig, opts: ParseOptions): StackConfig {
  const known = pick(raw.values, SCHEMA_KEYS);
  const plainOthers = Object.keys(raw.values).filter(
    (k) => !SCHEMA_KEYS.includes(k) && !isDeprecatedKey(k),
  );
  let config: StackConfig;
  try {
    config = parseStackConfig(known, opts);
  } catch (e) {
    if (!(e instanceof ConfigError) || plainOthers.length === 0) throw e;
    // Which secret keys the targets name is unknown while the targets are broken; plain keys outside the schema
    // are wrong either way (unknown, or a secret stored in plain text), so one message lists them with the rest.
    parseStackConfig({ ...known, ...pick(raw.values, plainOthers) }, opts);
    throw e;
  }
  const secretKeys = stackSecretKeys(config);
  const named = new Set(secretKeys.map((k) => k.key));
  const unknownPlain = plainOthers.filter((k) => !named.has(k));
  const unknownSecret = raw.secretKeys.filter((k) => !named.has(k) && !isDeprecatedKey(k));
  if (unknownPlain.length + unknownSecret.length > 0) {
    // The schema is strict: it reports each unknown key with its path and the fix.
    parseStackConfig(
      {
        ...known,
        ...pick(raw.values, unknownPlain),
        ...Object.fromEntries(unknownSecret.map((k) => [k, REDACTED])),
      },
      opts,
    );
  }
  const plainSecrets: ConfigIssue[] = secretKeys
    .filter((k) => k.key in raw.values)
    .map((k) => ({
      key: `${NAMESPACE}:${k.key}`,
      value: REDACTED,
      problem: `is stored in plain text but holds a secret (${k.holds} of target ${k.target})`,
      fix:
        `remove it from the stack file and set it encrypted: pulumi config set --secret ` +
        `${NAMESPACE}:${k.key} <value>${opts.stack ? ` -s ${opts.stack}` : ""}`,
    }));
  if (plainSecrets.length > 0) throw new ConfigError(plainSecrets, opts);
  return config;
}

/** Warnings for the deprecated keys the stack still sets, plain or secret (config/deprecated.ts). */
export function stackDeprecations(raw: RawStackConfig): string[] {
  return deprecationWarnings([...Object.keys(raw.values), ...raw.secretKeys]);
}
