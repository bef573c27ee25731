/**
 * The deployment's own chain: the stack's state and the key of its secrets stay under EU control. Pulumi Cloud (the
 * default backend) and the US clouds' key services are flagged; a local passphrase, an EU vendor's object storage
 * or a self-hosted service the team places in the EU pass. Advisory unless the pack config makes it mandatory.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { nonEuControl, type HostPlaces } from "../../../domain/toolchain";
import { definePolicy, PackName, PolicyArea } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { toolchainFrom } from "../../lib/toolchain";

const hosts: PolicyConfigJSONSchema = {
  type: "object",
  additionalProperties: { type: "string", pattern: "^[A-Z]{2}$" },
  default: {},
  description:
    'Self-hosted state or key servers the team runs, by host, with the ISO country they run in, e.g. { "vault.example.eu": "DE", "minio.internal": "FR" }.',
};

export const configSchema = { properties: { hosts } };

/** Problems with the `hosts` setting, for the engine's config check (exit 2). */
export function toolchainConfigProblems(config: Readonly<Record<string, unknown>>): string[] {
  const given = config.hosts;
  if (given === undefined) return [];
  if (given === null || typeof given !== "object" || Array.isArray(given))
    return [`hosts must map host names to ISO country codes, got ${JSON.stringify(given)}`];
  return Object.entries(given).flatMap(([host, country]) =>
    typeof country === "string" && /^[A-Z]{2}$/.test(country)
      ? []
      : [
          `hosts.${host} must be an ISO 3166-1 alpha-2 country code (e.g. "DE"), got ${JSON.stringify(country)}`,
        ],
  );
}

export const toolchainEnforceEuControl = definePolicy({
  name: "toolchain-enforce-eu-control",
  description:
    "The stack's state backend and the key of its secrets are held by an EU vendor, locally, or on a self-hosted server placed in the EU, never by Pulumi Cloud or a non-EU key service.",
  configSchema,
  enforcementLevel: "advisory",
  validateStack: (args, reportViolation) => {
    const toolchain = toolchainFrom(process.env);
    if (toolchain === undefined)
      return args.notApplicable(
        "where state and keys live is not visible to a policy under pulumi preview without PULUMI_BACKEND_URL; sovereign check reads it",
      );
    const given = args.getConfig<{ hosts?: HostPlaces }>().hosts ?? {};
    for (const dep of toolchain) {
      const reason = nonEuControl(dep, given);
      if (reason !== undefined) reportViolation(`${reason}.`);
    }
  },
  severity: "high",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "toolchain", "state", "secrets"],
  remediationSteps:
    "Keep state in EU object storage (Pulumi.yaml backend.url or PULUMI_BACKEND_URL, e.g. s3://<bucket>?endpoint=s3.fr-par.scw.cloud&region=fr-par) and encrypt secrets with a passphrase (pulumi stack change-secrets-provider passphrase) or a self-hosted Vault in the EU listed in this policy's hosts config; docs/sovereignty.md#the-toolchain.",
  url: "docs/sovereignty.md#the-toolchain",
  configProblems: toolchainConfigProblems,
  pack: PackName.euSovereignty,
  area: PolicyArea.toolchain,
});
