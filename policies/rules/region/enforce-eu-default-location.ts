/**
 * A provider's region and zone are the defaults of every resource that names none: an explicit provider
 * resource, or the default provider Pulumi builds from stack config (`scaleway:region`). A provider that names a
 * site outside the allowed group is reported on the provider itself, before any resource inherits it.
 */
import { isEuVendor, packageOfType, vendorOfPackage } from "../../../config/catalog/vendors";
import { ALLOWED_GROUP, readConfig, type GroupConfig } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { PROVIDER_LOCATION_FIELDS } from "../../../domain/locations";
import { judgeSite } from "../../../domain/placement";
import { readPath } from "../../lib/read";
import { deferUnknowns, type UnknownAt } from "../../lib/unknown";

const configSchema = { properties: { allowedGroup: ALLOWED_GROUP } };
const PROVIDER_PREFIX = "pulumi:providers:";

/** Providers of an EU vendor whose package gives resources a default location. */
function isLocatingEuProvider(type: string): boolean {
  const pkg = packageOfType(type);
  const vendor = vendorOfPackage(pkg);
  return (
    type.startsWith(PROVIDER_PREFIX) &&
    vendor !== undefined &&
    isEuVendor(vendor.id) &&
    (PROVIDER_LOCATION_FIELDS[pkg] ?? []).length > 0
  );
}

export const regionProviderEnforceEuDefaultLocation = definePolicy({
  name: "region-provider-enforce-eu-default-location",
  description:
    "Requires the region and zone an EU vendor's provider gives its resources by default, from an explicit provider or from stack config, to be catalogued sites inside the allowed jurisdiction group.",
  configSchema,
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    isLocatingEuProvider,
    (args, reportViolation) => {
      const pkg = packageOfType(args.type);
      const vendor = vendorOfPackage(pkg);
      const fields = PROVIDER_LOCATION_FIELDS[pkg] ?? [];
      if (!vendor || !isEuVendor(vendor.id)) return;
      const { allowedGroup } = readConfig<GroupConfig>(args, configSchema);
      const unknowns: UnknownAt[] = [];
      for (const field of fields) {
        for (const reading of readPath(args.props, field.path)) {
          if (reading.kind === "unknown")
            unknowns.push({ path: reading.path, cause: reading.cause });
          if (reading.kind !== "value") continue;
          const verdict = judgeSite(
            vendor.id,
            String(reading.value),
            allowedGroup,
            `${reading.path} '${String(reading.value)}'`,
          );
          if (!verdict.ok) reportViolation(verdict.reason);
        }
      }
      deferUnknowns(unknowns);
    },
    "only providers of EU vendors that carry a default location",
  ),
  severity: "critical",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "residency", "region", "provider"],
  remediationSteps:
    "Set the provider's region/zone to a site of the allowed group: `pulumi config set scaleway:region fr-par` for the default provider, or region on the explicit provider resource.",
  url: "docs/policies.md#region-provider-enforce-eu-default-location",
  pack: "eu-sovereignty",
  area: "region",
});
