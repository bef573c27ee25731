/**
 * Secrets never leave a run: every renderer passes the report through `redactReport` with the secret values the
 * run knew (secret inputs, `secure:` config ciphertexts), so a policy message that quoted an input cannot print it.
 * Redaction happens on the report's strings, before any escaping, so an escaped form cannot slip through either.
 */
import type { RecordedResource } from "../engine/recorder";

export const REDACTED = "[secret]";

/** Shorter values would blank out ordinary words and numbers all over the report; they are not redacted. */
export const MIN_REDACTED_LENGTH = 4;

/**
 * Parts of a multi-line or multi-word secret (a kubeconfig's server URL, token or certificate) long enough to be
 * credentials on their own: a message quoting one part leaks as much as quoting the whole.
 */
const MIN_FRAGMENT_LENGTH = 16;

/** The strings to hide for `secrets`: each value, and its long fragments, longest first. */
export function redactionList(secrets: readonly string[]): string[] {
  const all = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_REDACTED_LENGTH || secret === REDACTED) continue;
    all.add(secret);
    for (const part of secret.split(/\s+/)) if (part.length >= MIN_FRAGMENT_LENGTH) all.add(part);
  }
  return [...all].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of every listed value replaced by `[secret]`. */
export function redactText(text: string, list: readonly string[]): string {
  return list.reduce(
    (acc, secret) => (acc.includes(secret) ? acc.split(secret).join(REDACTED) : acc),
    text,
  );
}

/** A deep copy of a JSON-like value with every string redacted. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  const list = redactionList(secrets);
  if (list.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactText(v, list);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactText(k, list), walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** The value at a recorder path (`spec.password`, `env[2].value`). */
function valueAt(root: unknown, path: string): unknown {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  return keys.reduce<unknown>((node, key) => {
    if (node === null || typeof node !== "object") return undefined;
    return (node as Record<string, unknown>)[key];
  }, root);
}

/** The plaintext of every secret input the resources carry, as strings (booleans carry no secret worth hiding). */
export function secretValuesOf(resources: readonly RecordedResource[]): string[] {
  return resources.flatMap((r) =>
    r.secretPaths.flatMap((path) => {
      const value = valueAt(r.inputs, path);
      if (typeof value === "string") return [value];
      if (typeof value === "number") return [String(value)];
      return [];
    }),
  );
}

/** Every `secure:` ciphertext in a parsed stack config file (`config: {key: {secure: "v1:..."}}`, nested too). */
export function secureConfigValuesOf(config: unknown): string[] {
  if (Array.isArray(config)) return config.flatMap(secureConfigValuesOf);
  if (config === null || typeof config !== "object") return [];
  const obj = config as Record<string, unknown>;
  const own = typeof obj.secure === "string" ? [obj.secure] : [];
  return [...own, ...Object.values(obj).flatMap(secureConfigValuesOf)];
}
