/**
 * Placing a region, zone or location name: which site of which vendor it is, in which country, under which
 * jurisdiction class. Built once from `SITES` into one index, so every look-up is a map read.
 */
import { jurisdictionOf, type JurisdictionClass } from "./jurisdictions";
import { SITES, type Site } from "./regions";
import { EU_VENDORS, type EuVendorId } from "./vendors";

export interface Place {
  readonly vendor: EuVendorId;
  /** Canonical site id in `SITES[vendor]`. */
  readonly site: string;
  readonly city: string;
  readonly country: string;
  readonly jurisdiction: JurisdictionClass;
}

function placesOf(vendor: EuVendorId): Map<string, Place> {
  const index = new Map<string, Place>();
  for (const [site, entry] of Object.entries(SITES[vendor]) as [string, Site][]) {
    const place: Place = {
      vendor,
      site,
      city: entry.city,
      country: entry.country,
      jurisdiction: jurisdictionOf(entry.country),
    };
    for (const name of [site, ...entry.zones, ...(entry.aliases ?? [])])
      index.set(name.toLowerCase(), place);
  }
  return index;
}

const index: ReadonlyMap<EuVendorId, ReadonlyMap<string, Place>> = new Map(
  (Object.keys(EU_VENDORS) as EuVendorId[]).map((v) => [v, placesOf(v)]),
);

/** The place of a region, zone or location name of `vendor`, or undefined when the catalog does not know it. */
export function placeOf(vendor: EuVendorId, name: string): Place | undefined {
  return index.get(vendor)?.get(name.trim().toLowerCase());
}

/** Every name (site ids, zones, aliases) the catalog knows for `vendor`, for error messages. */
export function siteIds(vendor: EuVendorId): string[] {
  return Object.keys(SITES[vendor]);
}
