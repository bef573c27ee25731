/**
 * Judging one region, zone or location name of an EU vendor against a jurisdiction group, with the sentence a
 * violation prints. Every placement policy (resource fields, provider defaults, API-server hosts, registries)
 * ends here, so the wording and the catalog look-up are the same everywhere.
 */
import { AREA_TABLES, areaOf, type Area, type AreaTableId } from "../config/catalog/areas";
import { groupAllows, type JurisdictionGroup } from "../config/catalog/jurisdictions";
import { placeOf, type Place } from "../config/catalog/places";
import { SITES, type Site } from "../config/catalog/regions";
import { EU_VENDORS, type EuVendorId } from "../config/catalog/vendors";

export type SiteVerdict =
  { readonly ok: true; readonly place: Place } | { readonly ok: false; readonly reason: string };

/** Canonical ids of `vendor`'s sites that `group` admits, in catalog order. */
export function sitesIn(vendor: EuVendorId, group: JurisdictionGroup): string[] {
  return (Object.entries(SITES[vendor]) as [string, Site][])
    .filter(([id]) => {
      const place = placeOf(vendor, id);
      return place !== undefined && groupAllows(group, place.jurisdiction);
    })
    .map(([id]) => id);
}

/** `OVHcloud's sites in 'eu' (GRA, SBG, …)`: what to write instead, for messages. */
export function sitesHint(vendor: EuVendorId, group: JurisdictionGroup): string {
  const sites = sitesIn(vendor, group);
  const name = EU_VENDORS[vendor].name;
  return sites.length > 0
    ? `${name}'s sites in '${group}' (${sites.join(", ")})`
    : `${name}'s sites in '${group}' (the catalog lists none)`;
}

/** `Beauharnois, CA (ADEQUACY)` */
export function describePlace(place: Place): string {
  return `${place.city}, ${place.country} (${place.jurisdiction})`;
}

/**
 * Whether `name` (a region, zone or location of `vendor`) lies in `group`. `what` names the value in the reason,
 * e.g. `nodes[0].region 'SGP'`.
 */
export function judgeSite(
  vendor: EuVendorId,
  name: string,
  group: JurisdictionGroup,
  what: string,
): SiteVerdict {
  const place = placeOf(vendor, name);
  const vendorName = EU_VENDORS[vendor].name;
  if (!place) {
    return {
      ok: false,
      reason: `${what} is not a ${vendorName} region, zone or location in the catalog (config/catalog/regions.ts), so it cannot be placed. Use one of ${sitesHint(vendor, group)}.`,
    };
  }
  if (!groupAllows(group, place.jurisdiction)) {
    return {
      ok: false,
      reason: `${what} is ${describePlace(place)}, outside the allowed group '${group}'. Use one of ${sitesHint(vendor, group)}, or widen allowedGroup in this policy's config.`,
    };
  }
  return { ok: true, place };
}

/** `the Hetzner network zones in 'eu' (eu-central)`: what to write instead, for messages. */
export function areasHint(table: AreaTableId, group: JurisdictionGroup): string {
  const { scheme, areas } = AREA_TABLES[table];
  const allowed = (Object.entries(areas) as [string, Area][])
    .filter(([, area]) => groupAllows(group, area.jurisdiction))
    .map(([id]) => id);
  return `the ${scheme}s in '${group}' (${allowed.join(", ") || "the catalog lists none"})`;
}

/**
 * Whether `name`, an area of `table` (a network zone, a CDN region), lies in `group`: an area spans several sites,
 * so it passes only when its weakest jurisdiction does.
 */
export function judgeArea(
  table: AreaTableId,
  name: string,
  group: JurisdictionGroup,
  what: string,
): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
  const { scheme } = AREA_TABLES[table];
  const choose = `Use one of ${areasHint(table, group)}`;
  const area = areaOf(table, name);
  if (!area) {
    return {
      ok: false,
      reason: `${what} is not a ${scheme} in the catalog (config/catalog/areas.ts), so it cannot be placed. ${choose}.`,
    };
  }
  if (!groupAllows(group, area.jurisdiction)) {
    return {
      ok: false,
      reason: `${what} is ${area.covers} (${area.jurisdiction}), outside the allowed group '${group}'. ${choose}, or widen allowedGroup in this policy's config.`,
    };
  }
  return { ok: true };
}
