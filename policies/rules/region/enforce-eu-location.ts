/**
 * The core residency rule: every resource of an EU vendor is placed, by its own location fields (nested ones
 * included: database nodes, backup regions, replication destinations, network region lists) or by its provider,
 * inside the allowed jurisdiction group. Which fields a type has is data (domain/locations.ts).
 */
import { isEuVendor, packageOfType, vendorOfPackage } from "../../../config/catalog/vendors";
import { ALLOWED_GROUP, readConfig, type GroupConfig } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { judgeResourceLocation } from "../../lib/resource-location";
import { deferUnknowns, rawOf } from "../../lib/unknown";

const configSchema = { properties: { allowedGroup: ALLOWED_GROUP } };

/** Resources (not providers) of an EU vendor's package: the ones with a location this policy reads. */
function isEuVendorResource(type: string): boolean {
  const vendor = vendorOfPackage(packageOfType(type));
  return !type.startsWith("pulumi:providers:") && vendor !== undefined && isEuVendor(vendor.id);
}

export const regionResourceEnforceEuLocation = definePolicy({
  name: "region-resource-enforce-eu-location",
  description:
    "Requires every resource of an EU vendor to be placed, by its own region, zone or location fields or by its provider's, in a catalogued site inside the allowed jurisdiction group.",
  configSchema,
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    isEuVendorResource,
    (args, reportViolation) => {
      const pkg = packageOfType(args.type);
      const vendor = vendorOfPackage(pkg);
      if (!vendor || !isEuVendor(vendor.id)) return;
      const { allowedGroup } = readConfig<GroupConfig>(args, configSchema);
      const provider = args.provider
        ? { name: args.provider.name, props: rawOf(args.provider.props) }
        : undefined;
      const judgement = judgeResourceLocation({
        type: args.type,
        pkg,
        vendor: vendor.id,
        props: rawOf(args.props),
        provider,
        group: allowedGroup,
      });
      judgement.violations.forEach((message) => reportViolation(message));
      deferUnknowns(judgement.unknowns);
    },
    "only resources of EU vendors carry a location this policy reads",
  ),
  severity: "critical",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "residency", "region"],
  remediationSteps:
    'Set the resource\'s region, zone or location (or the nested field the message names) to a site of the allowed group, e.g. region: "fr-par" on Scaleway or "GRA" on OVHcloud; for resources without their own field set the provider\'s default (scaleway:region in the stack config). To accept EEA or adequacy countries, set allowedGroup in this policy\'s config.',
  url: "docs/policies.md#region-resource-enforce-eu-location",
  pack: "eu-sovereignty",
  area: "region",
});
