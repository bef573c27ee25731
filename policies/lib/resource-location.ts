/**
 * Where a resource of an EU vendor is, judged field by field from LOCATION_RULES: its own location fields
 * (nested ones included), else its provider's location (explicit provider or the default provider built from
 * stack config), else nothing, which is a violation. Pure: returns violation messages and unknown fields.
 */
import type { JurisdictionGroup } from "../../config/catalog/jurisdictions";
import { EU_VENDORS, type EuVendorId } from "../../config/catalog/vendors";
import {
  locationRuleOf,
  PROVIDER_LOCATION_FIELDS,
  type LocationField,
} from "../../domain/locations";
import { judgeSite, sitesHint } from "../../domain/placement";
import { readPath, type Reading } from "./read";
import type { UnknownAt } from "./unknown";

export interface LocationJudgement {
  readonly violations: string[];
  readonly unknowns: UnknownAt[];
}

export interface ProviderView {
  readonly name: string;
  readonly props: unknown;
}

const listPath = (path: string) => path.replace(/\[\]$/, "");
const fieldNames = (fields: readonly LocationField[], last = "nor") => {
  const names = fields.map((f) => listPath(f.path));
  return names.length < 2
    ? names.join("")
    : `${names.slice(0, -1).join(", ")} ${last} ${names.at(-1) ?? ""}`;
};

/** Judges every reading of one field; returns true when the field decided anything (a value or an unknown). */
function judgeReadings(
  vendor: EuVendorId,
  group: JurisdictionGroup,
  readings: readonly Reading[],
  out: LocationJudgement,
  label: (path: string) => string,
): boolean {
  let decided = false;
  for (const reading of readings) {
    if (reading.kind === "unknown") {
      out.unknowns.push({ path: label(reading.path), cause: reading.cause });
      decided = true;
    } else if (reading.kind === "value") {
      decided = true;
      const what = `${label(reading.path)} ${JSON.stringify(reading.value).replace(/^"|"$/g, "'")}`;
      const verdict = judgeSite(vendor, String(reading.value), group, what);
      if (!verdict.ok) out.violations.push(verdict.reason);
    }
  }
  return decided;
}

/** Checks a field that must be present (`requiredBecause`) or must not be empty (`emptyMeans`). */
function judgePresence(
  vendor: EuVendorId,
  group: JurisdictionGroup,
  field: LocationField,
  readings: readonly Reading[],
  out: LocationJudgement,
): boolean {
  const present = readings.some((r) => r.kind !== "absent");
  if (present) return false;
  const path = listPath(field.path);
  const state = readings.length === 0 ? "empty" : "not set";
  if (field.emptyMeans) {
    out.violations.push(
      `${path} is ${state}, which means ${field.emptyMeans}. List the regions explicitly, choosing from ${sitesHint(vendor, group)}.`,
    );
    return true;
  }
  if (field.requiredBecause) {
    out.violations.push(
      `${path} is ${state}, so ${field.requiredBecause}. Set ${path} explicitly, choosing from ${sitesHint(vendor, group)}.`,
    );
    return true;
  }
  return false;
}

/** Judges the location of a resource of package `pkg` run by EU vendor `vendor`. */
export function judgeResourceLocation(input: {
  readonly type: string;
  readonly pkg: string;
  readonly vendor: EuVendorId;
  readonly props: unknown;
  readonly provider: ProviderView | undefined;
  readonly group: JurisdictionGroup;
}): LocationJudgement {
  const { vendor, group } = input;
  const out: LocationJudgement = { violations: [], unknowns: [] };
  const rule = locationRuleOf(input.type);
  const fields = rule?.fields ?? [];
  let placed = false;
  for (const field of fields) {
    const readings = readPath(input.props, field.path);
    const decided = judgeReadings(vendor, group, readings, out, (p) => p);
    const presence = judgePresence(vendor, group, field, readings, out);
    placed = placed || decided || presence;
  }
  if (placed || rule?.unplacedBecause) return out;

  const providerFields = PROVIDER_LOCATION_FIELDS[input.pkg] ?? [];
  if (input.provider) {
    const provider = input.provider;
    for (const field of providerFields) {
      const readings = readPath(provider.props, field.path);
      placed =
        judgeReadings(vendor, group, readings, out, (p) => `provider '${provider.name}' ${p}`) ||
        placed;
    }
  }
  if (placed) return out;

  const own = fields.length > 0 ? `sets neither ${fieldNames(fields)}` : "has no location field";
  const fromProvider =
    providerFields.length === 0
      ? `${EU_VENDORS[vendor].name} providers carry no location`
      : input.provider
        ? `its provider '${input.provider.name}' sets neither ${fieldNames(providerFields)}`
        : "it has no provider";
  const fix =
    providerFields.length === 0
      ? fields.length > 0
        ? `Set ${fieldNames(fields, "or")} on the resource`
        : `Add a row for ${input.type} to domain/locations.ts`
      : `Set ${listPath(fields[0]?.path ?? "region")} on the resource, or ${input.pkg}:${providerFields[0]?.path ?? "region"} in the stack config (default provider) or on its explicit provider`;
  out.violations.push(`The resource cannot be placed: it ${own} and ${fromProvider}. ${fix}.`);
  return out;
}
