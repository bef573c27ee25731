/**
 * Which offering a resource relies on: its package names the vendor (config/catalog/vendors.ts), and for a vendor
 * selling several offerings one provider input tells them apart (config/catalog/assurance-detection.ts). What
 * cannot be told apart fails closed; a value only unknown during preview is handed back as deferred.
 */
import { DEFAULT_OFFERING, OFFERING_SELECTORS } from "../../config/catalog/assurance-detection";
import type { OfferingId } from "../../config/catalog/assurance-offerings";
import {
  isNeutralPackage,
  packageOfType,
  vendorOfPackage,
  type VendorId,
} from "../../config/catalog/vendors";

export type OfferingFinding =
  | { readonly kind: "offering"; readonly offering: OfferingId }
  /** The offering cannot be told: a violation for policies, `unknown` in reports. */
  | { readonly kind: "unknown"; readonly reason: string }
  /** The deciding input is computed during preview; the engine decides at update. */
  | { readonly kind: "deferred"; readonly input: string }
  /** Components, neutral packages, objects placed nowhere: no offering to judge. */
  | { readonly kind: "none" };

export interface OfferingSubject {
  readonly type: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}

export interface DetectOptions {
  /** The provider resource's inputs (explicit or default provider). @default - none */
  readonly provider?: Readonly<Record<string, unknown>>;
  /** The vendor where a Kubernetes object runs (kubeconfig or labels), when known. @default - none */
  readonly placedVendor?: string;
  /** True for values the engine does not know yet (preview sentinels, offline placeholders). */
  readonly isUnknown: (value: unknown) => boolean;
}

const NONE: OfferingFinding = { kind: "none" };

const isVendorId = (id: string): id is VendorId => Object.hasOwn(DEFAULT_OFFERING, id);

/** The offering a vendor sells when nothing else tells, or undefined for an id the catalog does not know. */
export function defaultOfferingOf(vendor: string | undefined): OfferingId | undefined {
  return vendor !== undefined && isVendorId(vendor) ? DEFAULT_OFFERING[vendor] : undefined;
}

function byVendor(vendor: string | undefined): OfferingFinding {
  const offering = defaultOfferingOf(vendor);
  return offering ? { kind: "offering", offering } : NONE;
}

/** The offering `subject` relies on. */
export function detectOffering(subject: OfferingSubject, opts: DetectOptions): OfferingFinding {
  const pkg = packageOfType(subject.type);
  if (pkg === "kubernetes") return byVendor(opts.placedVendor);
  // A component has no provider of its own: its children run somewhere, it does not.
  const isComponent = opts.provider === undefined && !subject.type.startsWith("pulumi:providers:");
  if (isNeutralPackage(pkg) || isComponent) return NONE;
  const vendor = vendorOfPackage(pkg);
  // A package no vendor owns is the vendor rule's to fail (or to allow as location-less): no offering to grade.
  if (!vendor) return NONE;
  const selector = OFFERING_SELECTORS[pkg];
  if (!selector) return byVendor(vendor.id);
  const value = subject.inputs[selector.input] ?? opts.provider?.[selector.input];
  if (opts.isUnknown(value)) return { kind: "deferred", input: selector.input };
  const offerings = selector.offerings.join(", ");
  if (value === undefined || value === null || value === "") {
    return selector.whenUnset
      ? { kind: "offering", offering: selector.whenUnset }
      : {
          kind: "unknown",
          reason: `${vendor.name}'s offerings (${offerings}) are told apart by the provider's '${selector.input}', which is not set (it falls back to the environment, which no policy sees): set ${selector.configKey}`,
        };
  }
  const text = String(value).trim();
  const offering = selector.offeringOf(text);
  return offering
    ? { kind: "offering", offering }
    : {
        kind: "unknown",
        reason: `${selector.input} '${text}' names none of ${vendor.name}'s offerings in the catalog (${offerings}); source: ${selector.source}`,
      };
}
