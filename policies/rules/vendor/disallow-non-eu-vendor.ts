/**
 * The vendor rule: a resource or provider whose package belongs to a non-EU vendor is blocked whatever region it
 * names (an AWS bucket in eu-west-3 is still under the US CLOUD Act), and a package the vendor catalog does not
 * know cannot be placed (fail closed). Vendor-neutral packages (random, tls, kubernetes objects) and components
 * carry no location and pass. A vendor selling several offerings is judged by the offering the provider config
 * names (S3NS, controlled by Thales, passes; the AWS European Sovereign Cloud, under a US parent, does not).
 */
import { OFFERINGS, type Offering } from "../../../config/catalog/assurance-offerings";
import { detectOffering } from "../../../domain/assurance/detect";
import { rawOf, unknownCause } from "../../lib/unknown";
import {
  EU_VENDORS,
  isEuVendor,
  isNeutralPackage,
  packageOfType,
  vendorOfPackage,
} from "../../../config/catalog/vendors";
import { readConfig, stringList } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";

const configSchema = {
  properties: {
    allowedPackages: stringList(
      'Extra Pulumi packages whose resources carry no location (in-house providers, dynamic providers), e.g. ["pulumi-nodejs"]. Non-EU vendors\' packages cannot be allowed here.',
    ),
  },
};

const EU_PACKAGES = Object.values(EU_VENDORS).flatMap((v) => v.packages);

/** Everything but the resources and providers of EU vendors, which pass at once. */
function isOutsideEuVendors(type: string): boolean {
  const vendor = vendorOfPackage(packageOfType(type));
  return vendor === undefined || !isEuVendor(vendor.id);
}

/** The offering the resource's package and provider config name, when the catalog records who controls it. */
function controlledOffering(args: {
  type: string;
  props: Record<string, unknown>;
  provider?: { props: Record<string, unknown> };
}): Offering | undefined {
  const finding = detectOffering(
    { type: args.type, inputs: rawOf(args.props) },
    {
      ...(args.provider ? { provider: rawOf(args.provider.props) } : {}),
      isUnknown: (v) => unknownCause(v) !== undefined,
    },
  );
  if (finding.kind !== "offering") return undefined;
  const offering: Offering = OFFERINGS[finding.offering];
  return offering.control ? offering : undefined;
}

export const vendorResourceDisallowNonEuVendor = definePolicy({
  name: "vendor-resource-disallow-non-eu-vendor",
  description:
    "Blocks every resource and provider whose Pulumi package belongs to a non-EU vendor or to no vendor in the catalog, whatever region it names, unless its provider config names an offering an EU company controls (S3NS).",
  configSchema,
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(isOutsideEuVendors, (args, reportViolation) => {
    const pkg = packageOfType(args.type);
    const vendor = vendorOfPackage(pkg);
    if (vendor) {
      if (isEuVendor(vendor.id)) return;
      const offering = controlledOffering(args);
      if (offering?.control?.eu === true) return;
      const act = vendor.cloudAct ? ", subject to the US CLOUD Act" : "";
      if (offering?.control) {
        reportViolation(
          `package '${pkg}' reaches ${offering.name} (${offering.operator}, ${offering.country}), which is not under EU control: ${offering.control.rationale} (source: ${offering.control.source.title}, ${offering.control.source.url}). Its SEAL levels are judged by seal-enforce-minimum; the vendor rule still blocks it. Use an EU vendor's package instead (${EU_PACKAGES.join(", ")}).`,
        );
        return;
      }
      reportViolation(
        `package '${pkg}' belongs to ${vendor.name} (seat ${vendor.seat}${act}), which is not an EU vendor: its resources are blocked whatever region they name. Use an EU vendor's package instead (${EU_PACKAGES.join(", ")}).`,
      );
      return;
    }
    const { allowedPackages } = readConfig<{ allowedPackages: string[] }>(args, configSchema);
    const isComponent = !args.type.startsWith("pulumi:providers:") && args.provider === undefined;
    if (isNeutralPackage(pkg) || allowedPackages.includes(pkg) || isComponent) return;
    reportViolation(
      `package '${pkg}' is not in the vendor catalog (config/catalog/vendors.ts), so the vendor running its resources cannot be placed. Add the vendor to the catalog, or list the package in this policy's allowedPackages config if its resources carry no location.`,
    );
  }),
  severity: "critical",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "vendor"],
  remediationSteps:
    "Replace the resource by its equivalent on an EU vendor (Sovereign Deploy's scaleway, ovhcloud or kubernetes targets). For an in-house package without location, add it to allowedPackages in this policy's config; for a new EU vendor, add it to config/catalog/vendors.ts.",
  url: "docs/policies.md#vendor-resource-disallow-non-eu-vendor",
  pack: "eu-sovereignty",
  area: "vendor",
});
