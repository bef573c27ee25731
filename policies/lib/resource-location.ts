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
import { placeOf } from "../../config/catalog/places";
import { areasHint, judgeArea, judgeSite, sitesHint } from "../../domain/placement";
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

const quoted = (value: unknown) => JSON.stringify(value).replace(/^"|"$/g, "'");

/** Judges every reading of one field; returns true when the field decided anything (a value or an unknown). */
function judgeReadings(
  vendor: EuVendorId,
  group: JurisdictionGroup,
  readings: readonly Reading[],
  out: LocationJudgement,
  label: (path: string) => string,
  field?: LocationField,
): boolean {
  let decided = false;
  for (const reading of readings) {
    if (reading.kind === "unknown") {
      out.unknowns.push({ path: label(reading.path), cause: reading.cause });
      decided = true;
    } else if (reading.kind === "value") {
      decided = true;
      const what = `${label(reading.path)} ${quoted(reading.value)}`;
      const name = String(reading.value);
      const verdict = field?.areas
        ? judgeArea(field.areas, name, group, what)
        : judgeSite(vendor, name, group, what);
      if (!verdict.ok) out.violations.push(verdict.reason);
    }
  }
  return decided;
}

/**
 * An absent field the vendor documents a default for: judges the site the vendor picks for each site `from` names.
 * A site the table lacks is a violation: nothing documents where the data goes.
 */
function judgeDocumentedDefault(
  vendor: EuVendorId,
  group: JurisdictionGroup,
  field: LocationField,
  props: unknown,
  out: LocationJudgement,
): boolean {
  const spec = field.documentedDefault;
  if (!spec) return false;
  const path = listPath(field.path);
  const { what, bySite } = spec.table;
  const readings = readPath(props, spec.from);
  for (const reading of readings) {
    if (reading.kind === "unknown") out.unknowns.push({ path: reading.path, cause: reading.cause });
    if (reading.kind !== "value") continue;
    const site = placeOf(vendor, String(reading.value))?.site;
    if (site === undefined) continue; // the `from` field's own reading reports a site the catalog lacks
    const chosen = bySite[site];
    if (chosen === undefined) {
      out.violations.push(
        `${path} is not set, and ${EU_VENDORS[vendor].name} documents no default ${what} for ${reading.path} ${quoted(reading.value)} (config/catalog/documented-defaults.ts), so where that data goes cannot be placed. Set ${path} explicitly, choosing from ${sitesHint(vendor, group)}.`,
      );
      continue;
    }
    const verdict = judgeSite(
      vendor,
      chosen,
      group,
      `${path} is not set, so ${EU_VENDORS[vendor].name}'s documented default ${what} for ${reading.path} ${quoted(reading.value)} applies: '${chosen}'`,
    );
    if (!verdict.ok) out.violations.push(verdict.reason);
  }
  return readings.some((r) => r.kind !== "absent");
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
  const hint = field.areas ? areasHint(field.areas, group) : sitesHint(vendor, group);
  if (field.emptyMeans) {
    out.violations.push(
      `${path} is ${state}, which means ${field.emptyMeans}. List the regions explicitly, choosing from ${hint}.`,
    );
    return true;
  }
  if (field.requiredBecause) {
    out.violations.push(
      `${path} is ${state}, so ${field.requiredBecause}. Set ${path} explicitly, choosing from ${hint}.`,
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
    const decided =
      judgeReadings(vendor, group, readings, out, (p) => p, field) ||
      judgeDocumentedDefault(vendor, group, field, input.props, out);
    const presence = judgePresence(vendor, group, field, readings, out);
    placed = placed || decided || presence;
  }
  const byReference =
    rule?.placedBy !== undefined &&
    readPath(input.props, rule.placedBy.path).some((r) => r.kind !== "absent");
  if (placed || rule?.unplacedBecause || byReference) return out;

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
