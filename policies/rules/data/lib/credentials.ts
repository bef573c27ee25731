/**
 * How the data-protection rules recognise a credential by its name or its shape. CrossGuard hands policies every
 * value with its secrets already unwrapped, so a rule cannot ask "was this a secret?"; it can only see where a
 * value sits (a plain env `value`, a ConfigMap) and what it is called.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

export interface CredentialNameConfig {
  /** Words (or `_`-joined word runs) that make a name a credential: `DB_PASSWORD`, `PGPASSWORD`, `apiKey`. */
  readonly credentialWords: readonly string[];
  /** Last words that make a name point at a credential rather than hold one: `PASSWORD_FILE`, `TOKEN_URL`. */
  readonly referenceSuffixes: readonly string[];
}

export const CREDENTIAL_NAME_DEFAULTS: CredentialNameConfig = {
  credentialWords: [
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "ACCESS_KEY",
    "PRIVATE_KEY",
  ],
  referenceSuffixes: [
    "FILE",
    "PATH",
    "DIR",
    "NAME",
    "REF",
    "URL",
    "URI",
    "ENDPOINT",
    "TTL",
    "TIMEOUT",
    "INTERVAL",
    "EXPIRY",
    "LENGTH",
    "TYPE",
    "HEADER",
    "ENABLED",
  ],
};

export const credentialNameSchema: Record<keyof CredentialNameConfig, PolicyConfigJSONSchema> = {
  credentialWords: {
    type: "array",
    items: { type: "string" },
    default: [...CREDENTIAL_NAME_DEFAULTS.credentialWords],
    description:
      "Upper-case words, or `_`-joined runs of words, that mark a name as a credential when a word of the name ends with one (`DB_PASSWORD`, `PGPASSWORD`).",
  },
  referenceSuffixes: {
    type: "array",
    items: { type: "string" },
    default: [...CREDENTIAL_NAME_DEFAULTS.referenceSuffixes],
    description:
      "Final words that make a credential-like name a reference or setting instead (`PASSWORD_FILE`, `TOKEN_URL`).",
  },
};

/** `dbPassword`, `db-password`, `DB_PASSWORD` → `["DB", "PASSWORD"]`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toUpperCase());
}

/** The credential word `name` contains, or undefined when it names no credential. */
export function credentialWordOf(name: string, cfg: CredentialNameConfig): string | undefined {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || cfg.referenceSuffixes.includes(last)) return undefined;
  // A marker must end a word but may start inside one, so PGPASSWORD counts and SECRETARY or TOKENIZER do not.
  const joined = `${words.join("_")}_`;
  return cfg.credentialWords.find((marker) => joined.includes(`${nameWords(marker).join("_")}_`));
}

/** `$(DB_PASSWORD)` or `${DB_PASSWORD}`: a reference Kubernetes or the app expands, not a literal. */
const VARIABLE_REFERENCE = /^(\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/;

/** True when `value` holds a URI with a literal password in its user info (`postgres://app:pw@db`). */
export function embedsUriPassword(value: string): boolean {
  const userInfo = /:\/\/([^/?#@\s]+)@/.exec(value)?.[1];
  const colon = userInfo?.indexOf(":") ?? -1;
  if (userInfo === undefined || colon === -1) return false;
  const password = userInfo.slice(colon + 1);
  return password !== "" && !VARIABLE_REFERENCE.test(password);
}
