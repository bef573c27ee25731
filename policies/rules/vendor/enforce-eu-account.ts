/**
 * The account a provider signs in to decides which legal entity the contract is with: an OVHcloud provider on
 * `ovh-us` orders from OVHcloud US, on `ovh-ca` from OVH Canada, whatever region the resources name. Checked on
 * explicit provider resources and on default providers, whose props come from stack config (`ovh:endpoint`).
 */
import { groupAllows, jurisdictionOf } from "../../../config/catalog/jurisdictions";
import { packageOfType } from "../../../config/catalog/vendors";
import { ACCOUNT_KEYS, accountEntityOf } from "../../../config/catalog/accounts";
import { ALLOWED_GROUP, readConfig, type GroupConfig } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { readPath } from "../../lib/read";
import { deferUnknowns } from "../../lib/unknown";

const configSchema = { properties: { allowedGroup: ALLOWED_GROUP } };

export const vendorProviderEnforceEuAccount = definePolicy({
  name: "vendor-provider-enforce-eu-account",
  description:
    "Requires every provider whose API endpoint selects the contracting entity (OVHcloud) to name an endpoint of an entity inside the allowed jurisdiction group.",
  configSchema,
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    (type) =>
      type.startsWith("pulumi:providers:") && ACCOUNT_KEYS[packageOfType(type)] !== undefined,
    (args, reportViolation) => {
      const account = ACCOUNT_KEYS[packageOfType(args.type)];
      if (!account) return;
      const { allowedGroup } = readConfig<GroupConfig>(args, configSchema);
      const [reading] = readPath(args.props, account.key);
      const fix = `Set ${account.configKey} to '${account.suggested}' in the stack config, or ${account.key}: "${account.suggested}" on the provider.`;
      if (!reading || reading.kind === "absent") {
        reportViolation(
          `${account.key} is not set, so the provider falls back to ${account.fallback}, which no policy can see. ${fix}`,
        );
        return;
      }
      if (reading.kind === "unknown")
        return deferUnknowns([{ path: reading.path, cause: reading.cause }]);
      const value = String(reading.value);
      const entity = accountEntityOf(account, value);
      if (!entity) {
        reportViolation(
          `${account.key} '${value}' is not an endpoint in the account table (config/catalog/accounts.ts), so its contracting entity cannot be placed. ${fix}`,
        );
        return;
      }
      const jurisdiction = jurisdictionOf(entity.country);
      if (!groupAllows(allowedGroup, jurisdiction)) {
        reportViolation(
          `${account.key} '${value}' contracts with ${entity.entity}, ${entity.country} (${jurisdiction}), outside the allowed group '${allowedGroup}': everything ordered through it is under a non-EU contract. ${fix}`,
        );
      }
    },
    "only providers whose endpoint selects the contracting entity",
  ),
  severity: "critical",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "vendor", "provider"],
  remediationSteps:
    'Use an EU account: `pulumi config set ovh:endpoint ovh-eu` for the default provider, or endpoint: "ovh-eu" on the explicit provider, with API credentials of an OVH SAS (ovh-eu) account.',
  url: "docs/policies.md#vendor-provider-enforce-eu-account",
  pack: "eu-sovereignty",
  area: "vendor",
});
