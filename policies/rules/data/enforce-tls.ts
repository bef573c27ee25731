/**
 * PostgreSQL clients choose TLS through `sslmode`: as a `PGSSLMODE`-style variable or key, as `sslmode=` in a
 * connection URI or key/value string, or by leaving it out, in which case libpq uses `prefer` and silently falls
 * back to plaintext. Looked for in pod env values, Secrets (stringData, and data decoded from base64) and
 * ConfigMaps. Managed databases need no check of their own: OVHcloud and Scaleway accept TLS on every endpoint,
 * and whether it is used is the client's sslmode.
 */
import { definePolicy, scopedValidation } from "../../lib/define";
import { nameWords } from "./lib/credentials";
import { isPodBearing } from "../../../domain/pods";
import {
  configMapValues,
  envValues,
  isConfigMap,
  isSecret,
  secretValues,
  type NamedValue,
} from "./lib/kubernetes-values";

type Json = Record<string, unknown>;

interface Config {
  readonly allowedSslModes: readonly string[];
}

const DEFAULTS: Config = { allowedSslModes: ["require", "verify-ca", "verify-full"] };

/** `PGSSLMODE`, `DB_SSL_MODE`, `databaseSslMode`: names whose value is an sslmode. */
const isSslModeName = (name: string) => /SSL_?MODE$/.test(nameWords(name).join("_"));

/** A PostgreSQL connection URI, libpq or JDBC form. */
const POSTGRES_URI = /^\s*(jdbc:)?postgres(ql)?:\/\//i;

function check({ name, value, where }: NamedValue, cfg: Config): string[] {
  const weak = (mode: string) =>
    cfg.allowedSslModes.includes(mode)
      ? []
      : [`${where} sets sslmode "${mode}"; allowed: ${cfg.allowedSslModes.join(", ")}`];
  if (isSslModeName(name)) return weak(value.trim());
  const modes = [...value.matchAll(/sslmode=([A-Za-z-]*)/gi)].map((m) => m[1] ?? "");
  if (modes.length > 0) return modes.flatMap(weak);
  return POSTGRES_URI.test(value)
    ? [
        `${where} connects to PostgreSQL without sslmode, so libpq uses "prefer" and may fall back to plaintext`,
      ]
    : [];
}

export const dataPostgresEnforceTls = definePolicy({
  name: "data-postgres-enforce-tls",
  description:
    "Every PostgreSQL connection setting in pod env values, Secrets and ConfigMaps requires TLS through an allowed sslmode.",
  configSchema: {
    properties: {
      allowedSslModes: {
        type: "array",
        items: {
          type: "string",
          enum: ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"],
        },
        default: [...DEFAULTS.allowedSslModes],
        description: "libpq sslmode values a connection may use.",
      },
    },
  },
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    (type) => isPodBearing(type) || isSecret(type) || isConfigMap(type),
    (args, reportViolation) => {
      const props = args.props as Json;
      const values = [
        ...envValues(args.type, props),
        ...secretValues(args.type, props),
        ...configMapValues(args.type, props),
      ];
      if (values.length === 0) return;
      const cfg = { ...DEFAULTS, ...args.getConfig<Partial<Config>>() };
      for (const message of values.flatMap((v) => check(v, cfg))) reportViolation(message);
    },
  ),
  severity: "high",
  tags: ["database", "encryption-in-transit"],
  remediationSteps:
    "Use sslmode=require or stricter (verify-full with the provider's CA) in PGSSLMODE or the connection URI. Sovereign Deploy platforms hand the workload a `sslMode` in the database connection Secret (components/contract/types.ts DatabaseOutputs); change the allowed set with this policy's `allowedSslModes`.",
  url: "https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION",
  pack: "data-protection",
  area: "data",
});
