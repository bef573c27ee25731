/**
 * Secret scrubbing for everything the CLI prints: the placeholder programs read for `secure:` values, the
 * ciphertexts, and the plaintext of every input the program marked secret never leave the engine, whatever a
 * program or a policy put into a message. Renderers redact the report before escaping (`redactDeep`); `redactor`
 * scrubs plain text: program output, error messages and the rendered output once more.
 */
import { SECRET_PLACEHOLDER } from "../../domain/offline-placeholders";
import type { RecordedResource } from "./recorder";

export const REDACTED = "[secret]";
/** Shorter values would blank out ordinary words and numbers; they are not redacted. */
const MIN_LENGTH = 4;

/**
 * Secret inputs shorter than this are not scrubbed: a secret object's every leaf is secret (a Secret's
 * `stringData.region: fr-par`), and blanking such words everywhere would gut the report.
 */
export const MIN_SECRET_INPUT_LENGTH = 12;

const join = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;

/**
 * Calls `visit` with every string or number leaf of `value` and a function giving its recorder path, valid while
 * `visit` runs. The path is joined only when asked for: the walk covers every input of every resource.
 */
function walkLeaves(value: unknown, visit: (leaf: string, path: () => string) => void): void {
  const keys: (string | number)[] = [];
  const path = () => keys.reduce<string>(join, "");
  const walk = (v: unknown): void => {
    if (typeof v === "string" || typeof v === "number") {
      visit(String(v), path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        keys.push(i);
        walk(item);
        keys.pop();
      });
    } else if (v !== null && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) {
        keys.push(k);
        walk(item);
        keys.pop();
      }
    }
  };
  walk(value);
}

/**
 * The plaintext of inputs the program marked secret, long enough to be credentials and used nowhere in the plan
 * as a plain value (a region or host that also appears unmarked is public anyway).
 */
export function secretInputValues(resources: readonly RecordedResource[]): string[] {
  const candidates = new Set<string>();
  for (const r of resources) {
    if (r.secretPaths.length === 0) continue;
    const secret = new Set(r.secretPaths);
    walkLeaves(r.inputs, (leaf, path) => {
      if (leaf.length >= MIN_SECRET_INPUT_LENGTH && secret.has(path())) candidates.add(leaf);
    });
  }
  if (candidates.size === 0) return [];
  const published = new Set<string>();
  for (const r of resources) {
    const secret = new Set(r.secretPaths);
    walkLeaves(r.inputs, (leaf, path) => {
      if (candidates.has(leaf) && !secret.has(path())) published.add(leaf);
    });
  }
  return [...candidates].filter((v) => !published.has(v));
}

/**
 * Parts of a multi-line or multi-word secret (a kubeconfig's server URL, token or certificate) long enough to be
 * credentials on their own: a message quoting one part leaks as much as quoting the whole.
 */
const MIN_FRAGMENT_LENGTH = 16;

/** The strings to hide for `secrets`: each value, and its long fragments, longest first. */
export function redactionList(secrets: readonly string[]): string[] {
  const all = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_LENGTH || secret === REDACTED) continue;
    all.add(secret);
    for (const part of secret.split(/\s+/)) if (part.length >= MIN_FRAGMENT_LENGTH) all.add(part);
  }
  return [...all].sort((a, b) => b.length - a.length);
}

/** A pattern matching any listed value; `redactText` builds one per list, the list being built once per report. */
const anyListed = new WeakMap<readonly string[], RegExp>();

function anyOf(list: readonly string[]): RegExp {
  let pattern = anyListed.get(list);
  if (pattern === undefined) {
    pattern = new RegExp(list.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
    anyListed.set(list, pattern);
  }
  return pattern;
}

/** Longer texts (a whole rendered report) are searched value by value, which skips ahead faster than the pattern. */
const SHORT_TEXT = 4096;

/**
 * `text` with every occurrence of every listed value replaced by `[secret]`, longest value first. Nearly every text
 * holds none: for a short one (each string of a report), one scan for any of them comes first, and only a text
 * holding one pays a pass per listed value.
 */
export function redactText(text: string, list: readonly string[]): string {
  if (list.length === 0) return text;
  if (text.length <= SHORT_TEXT && !anyOf(list).test(text)) return text;
  return list.reduce(
    (acc, secret) => (acc.includes(secret) ? acc.split(secret).join(REDACTED) : acc),
    text,
  );
}

/** A function replacing every occurrence of `secrets` (and the secret placeholder) in a text by `[secret]`. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const list = redactionList([SECRET_PLACEHOLDER, ...secrets]);
  return (text) => redactText(text, list);
}

/**
 * A deep copy of a JSON-like value with every string redacted: renderers pass the report through this before any
 * escaping, so an escaped form of a secret cannot slip through either.
 */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  const list = redactionList(secrets);
  if (list.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactText(v, list);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    // A plain loop rather than entries/fromEntries: this copies every value of a report of any size.
    const copy: Record<string, unknown> = {};
    for (const k of Object.keys(v))
      copy[redactText(k, list)] = walk((v as Record<string, unknown>)[k]);
    return copy;
  };
  return walk(value) as T;
}
