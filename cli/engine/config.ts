/**
 * The config a program reads, assembled the way the Pulumi CLI does: project-level defaults from Pulumi.yaml,
 * then the stack file, then `--config key=value`. Keys without a namespace get the project's. Every value
 * reaches the program as a string (objects and arrays as JSON, which `config.getObject` parses).
 *
 * `secure:` values are never decrypted: the program reads SECRET_PLACEHOLDER, the key is marked secret, and the
 * ciphertext is kept only to scrub it from anything the engine prints.
 */
import type { Project, StackFile } from "./project";
import { CheckError } from "./errors";
import { SECRET_PLACEHOLDER } from "../../domain/offline-placeholders";

export interface ProgramConfig {
  /** `namespace:key` → the string the program reads. */
  readonly values: Readonly<Record<string, string>>;
  /** Keys whose value is secret (`secure:` anywhere in the value). */
  readonly secretKeys: readonly string[];
  /** Ciphertexts of `secure:` values: scrubbed from every output. */
  readonly ciphertexts: readonly string[];
  /** Keys Pulumi.yaml declares without a default that no stack file or flag sets (`secret: true` ones marked). */
  readonly missing: readonly { readonly key: string; readonly secret: boolean }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** `region` → `<project>:region`; `aws:region` stays. `ns:config:key` is Pulumi's legacy spelling of `ns:key`. */
export function namespacedKey(key: string, project: string): string {
  const colon = key.indexOf(":");
  if (colon < 0) return `${project}:${key}`;
  const rest = key.slice(colon + 1);
  return rest.startsWith("config:")
    ? `${key.slice(0, colon)}:${rest.slice("config:".length)}`
    : key;
}

interface Converted {
  value: string;
  secret: boolean;
}

/** Replaces every `{ secure: <ciphertext> }` in `raw` by the placeholder, collecting the ciphertexts. */
function stripSecure(raw: unknown, ciphertexts: string[]): { value: unknown; secret: boolean } {
  if (Array.isArray(raw)) {
    const items = raw.map((x) => stripSecure(x, ciphertexts));
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (!isRecord(raw)) return { value: raw, secret: false };
  const keys = Object.keys(raw);
  if (keys.length === 1 && keys[0] === "secure" && typeof raw.secure === "string") {
    ciphertexts.push(raw.secure);
    return { value: SECRET_PLACEHOLDER, secret: true };
  }
  let secret = false;
  const value = Object.fromEntries(
    keys.map((k) => {
      const inner = stripSecure(raw[k], ciphertexts);
      secret ||= inner.secret;
      return [k, inner.value];
    }),
  );
  return { value, secret };
}

function convert(raw: unknown, ciphertexts: string[]): Converted {
  const { value, secret } = stripSecure(raw, ciphertexts);
  if (typeof value === "string") return { value, secret };
  if (value === null || value === undefined) return { value: "", secret };
  if (typeof value === "object") return { value: JSON.stringify(value), secret };
  return { value: String(value as number | boolean), secret };
}

const DECLARATION_KEYS = new Set(["type", "description", "default", "value", "secret", "items"]);

/** A Pulumi.yaml config entry is either a plain default or a declaration `{ type, default | value, ... }`. */
function projectEntry(raw: unknown): { has: boolean; value?: unknown; secret: boolean } {
  if (
    isRecord(raw) &&
    Object.keys(raw).length > 0 &&
    Object.keys(raw).every((k) => DECLARATION_KEYS.has(k))
  ) {
    const value = "value" in raw ? raw.value : raw.default;
    return { has: "value" in raw || "default" in raw, value, secret: raw.secret === true };
  }
  return { has: true, value: raw, secret: false };
}

/** `key=value` from `--config`; fails with the fix when `=` is missing. */
export function parseOverride(text: string): [string, string] {
  const eq = text.indexOf("=");
  if (eq <= 0)
    throw new CheckError(
      `--config ${text}: expected key=value (e.g. --config sovereign:replicas=2)`,
    );
  return [text.slice(0, eq), text.slice(eq + 1)];
}

/** Assembles the program's config: Pulumi.yaml defaults, then the stack file, then `overrides` (`key=value`). */
export function buildConfig(
  project: Project,
  stackFile: StackFile,
  overrides: readonly string[],
): ProgramConfig {
  const values: Record<string, string> = {};
  const secret = new Set<string>();
  const ciphertexts: string[] = [];
  const declaredWithoutValue: { key: string; secret: boolean }[] = [];
  const put = (key: string, c: Converted) => {
    values[key] = c.value;
    if (c.secret) secret.add(key);
    else secret.delete(key);
  };
  for (const [key, raw] of Object.entries(project.config)) {
    const full = namespacedKey(key, project.name);
    const entry = projectEntry(raw);
    if (!entry.has) {
      declaredWithoutValue.push({ key: full, secret: entry.secret });
      continue;
    }
    const c = convert(entry.value, ciphertexts);
    put(full, { value: c.value, secret: c.secret || entry.secret });
  }
  for (const [key, raw] of Object.entries(stackFile.config)) {
    const full = namespacedKey(key, project.name);
    const wasSecret = secret.has(full);
    const c = convert(raw, ciphertexts);
    put(full, { value: c.value, secret: c.secret || wasSecret });
  }
  for (const text of overrides) {
    const [key, value] = parseOverride(text);
    put(namespacedKey(key, project.name), { value, secret: false });
  }
  return {
    values,
    secretKeys: [...secret].sort(),
    ciphertexts,
    missing: declaredWithoutValue.filter((m) => !(m.key in values)),
  };
}

/** A package's config as its default provider receives it: `scaleway:region` → `{ region }`. */
export function packageConfig(config: ProgramConfig, pkg: string): Record<string, string> {
  const prefix = `${pkg}:`;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config.values)) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  }
  return out;
}

/**
 * Under `--assume-config`: the defaults of Pulumi.yaml's `template.config` (what `pulumi new` writes into a new
 * stack, `aws:region` in most public examples) for keys nothing else sets, and the keys it filled.
 */
export function withTemplateDefaults(
  config: ProgramConfig,
  project: Project,
): { config: ProgramConfig; assumed: string[] } {
  const values = { ...config.values };
  const assumed: string[] = [];
  for (const [key, raw] of Object.entries(project.templateConfig)) {
    const full = namespacedKey(key, project.name);
    const entry = isRecord(raw) ? raw : {};
    if (full in values || !("default" in entry)) continue;
    values[full] = convert(entry.default, []).value;
    assumed.push(full);
  }
  return { config: { ...config, values }, assumed };
}
