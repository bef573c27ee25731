/**
 * Every cert-manager Issuer or ClusterIssuer that speaks ACME depends on its CA to issue and renew the cluster's
 * certificates. The CA is placed by its directory URL (config/catalog/certificate-authorities.ts) in the country
 * of its legal seat; one outside the allowed group (Let's Encrypt, run by the US ISRG) or one the catalog cannot
 * place is reported. Advisory by default: a CA receives only public names (which Certificate Transparency logs
 * publish anyway) and a lost CA leaves weeks until renewals fail; a team that must not depend on a non-EU
 * organisation makes it mandatory in the pack config.
 */
import {
  ACME_AUTHORITIES,
  acmeAuthorityOf,
  type AcmeAuthority,
} from "../../../config/catalog/certificate-authorities";
import { groupAllows, jurisdictionOf } from "../../../config/catalog/jurisdictions";
import { ALLOWED_GROUP, readConfig, stringList, type GroupConfig } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { CLOUD_SOVEREIGNTY_FRAMEWORK } from "../../lib/frameworks";
import { readPath } from "../../lib/read";
import { deferUnknowns, rawOf } from "../../lib/unknown";

const ISSUER_TYPE = /^kubernetes:cert-manager\.io\/v1:(?:Cluster)?Issuer$/;

const configSchema = {
  properties: {
    allowedGroup: ALLOWED_GROUP,
    allowedServers: stringList(
      'Extra ACME directory URLs to accept (exact), e.g. a private EU CA ["https://acme.ca.example.eu/directory"].',
    ),
  },
};

interface IssuerConfig extends GroupConfig {
  readonly allowedServers: string[];
}

const euAuthorities = Object.values(ACME_AUTHORITIES)
  .filter((ca: AcmeAuthority) => groupAllows("eu", jurisdictionOf(ca.country)))
  .map((ca) => `${ca.name}, ${ca.country}: ${ca.example}`)
  .join("; ");

const FIX = `Point spec.acme.server at a CA seated in the EU (${euAuthorities}; both need external account binding, sovereign:certificates.externalAccount), or list the directory in allowedServers in this policy's config.`;

export const endpointAcmeIssuerEnforceEuCa = definePolicy({
  name: "endpoint-acme-issuer-enforce-eu-ca",
  description:
    "Reports every cert-manager Issuer or ClusterIssuer whose ACME server is a CA seated outside the allowed jurisdiction group (such as Let's Encrypt, run by the US ISRG) or one the CA catalog cannot place, advisory by default and mandatory through the pack config.",
  configSchema,
  enforcementLevel: "advisory",
  validateResource: scopedValidation(
    (type) => ISSUER_TYPE.test(type),
    (args, reportViolation) => {
      const config = readConfig<IssuerConfig>(args, configSchema);
      const [server] = readPath(rawOf(args.props), "spec.acme.server");
      if (server?.kind === "unknown") deferUnknowns([{ path: server.path, cause: server.cause }]);
      if (server?.kind !== "value") return;
      const url = String(server.value);
      if (config.allowedServers.includes(url)) return;
      const ca = acmeAuthorityOf(url);
      if (!ca) {
        reportViolation(
          `ACME server '${url}' cannot be placed: it is no CA in the catalog (config/catalog/certificate-authorities.ts), so who issues this cluster's certificates, and where, is unknown. ${FIX}`,
        );
        return;
      }
      const cls = jurisdictionOf(ca.country);
      if (groupAllows(config.allowedGroup, cls)) return;
      reportViolation(
        `ACME server '${url}' is ${ca.name}, seated in ${ca.country} (${cls === "THIRD" ? "a third country" : cls}), outside the allowed group '${config.allowedGroup}': issuing and renewing this cluster's certificates depends on it. ${FIX}`,
      );
    },
    "only cert-manager Issuers and ClusterIssuers",
  ),
  severity: "medium",
  framework: CLOUD_SOVEREIGNTY_FRAMEWORK,
  tags: ["sovereignty", "kubernetes", "endpoint", "certificates"],
  remediationSteps:
    "Use an EU CA that speaks ACME (sovereign:certificates.server: Actalis https://acme-api.actalis.com/acme/directory, or HARICA https://acme.harica.gr/<alias>/directory, with externalAccount.keyId and hmacKeySecret), or accept the CA deliberately: leave this policy advisory, or list its directory in allowedServers. To add a CA, add it to config/catalog/certificate-authorities.ts with its source.",
  url: "docs/policies.md#endpoint-acme-issuer-enforce-eu-ca",
  pack: "eu-sovereignty",
  area: "endpoint",
});
