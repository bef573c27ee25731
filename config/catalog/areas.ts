/**
 * Location names that cover more than one site: a vendor's network zones or delivery areas. A resource that names
 * an area is placed in every site it covers, so the area's jurisdiction is the weakest of theirs. Keyed by table
 * (one per naming scheme), then by the name the vendor's API uses.
 */
import type { JurisdictionClass } from "./jurisdictions";

export interface Area {
  /** What the area covers, for messages. */
  readonly covers: string;
  readonly jurisdiction: JurisdictionClass;
  /** Sites of the vendor's region table the area spans, when the vendor publishes them (checked by a test). */
  readonly sites?: readonly string[];
}

export interface AreaTable {
  /** The naming scheme, for messages (`Hetzner network zone`). */
  readonly scheme: string;
  readonly source: string;
  readonly areas: Readonly<Record<string, Area>>;
}

export const AREA_TABLES = {
  /** Hetzner Cloud networks span a zone (`hcloud_network_subnet.network_zone`); each location belongs to one. */
  "hetzner-network-zones": {
    scheme: "Hetzner network zone",
    source:
      "Hetzner Cloud API GET /locations (network_zone of each location); docs.hetzner.com/cloud/general/locations",
    areas: {
      "eu-central": {
        covers: "Falkenstein, Nuremberg and Helsinki",
        jurisdiction: "EU",
        sites: ["fsn1", "nbg1", "hel1"],
      },
      "us-east": { covers: "Ashburn, US", jurisdiction: "THIRD", sites: ["ash"] },
      "us-west": { covers: "Hillsboro, US", jurisdiction: "THIRD", sites: ["hil"] },
      "ap-southeast": { covers: "Singapore, SG", jurisdiction: "THIRD", sites: ["sin"] },
    },
  },
  /**
   * A STACKIT CDN distribution serves (and caches) content from edge locations in each region it lists. STACKIT
   * publishes no list of edge sites per region: the names are taken at their word, `EU` as the EU.
   */
  "stackit-cdn-regions": {
    scheme: "STACKIT CDN region",
    source:
      "stackitcloud/terraform-provider-stackit docs/resources/cdn_distribution.md (config.regions: EU, US, ASIA, AF, SA)",
    areas: {
      EU: { covers: "STACKIT CDN edge locations in the EU", jurisdiction: "EU" },
      US: { covers: "STACKIT CDN edge locations in the United States", jurisdiction: "THIRD" },
      ASIA: { covers: "STACKIT CDN edge locations in Asia", jurisdiction: "THIRD" },
      AF: { covers: "STACKIT CDN edge locations in Africa", jurisdiction: "THIRD" },
      SA: { covers: "STACKIT CDN edge locations in South America", jurisdiction: "THIRD" },
    },
  },
} as const satisfies Record<string, AreaTable>;
export type AreaTableId = keyof typeof AREA_TABLES;

/** The area `name` names in `table` (case-insensitive), or undefined. */
export function areaOf(table: AreaTableId, name: string): Area | undefined {
  const areas: Readonly<Record<string, Area>> = AREA_TABLES[table].areas;
  const key = Object.keys(areas).find((k) => k.toLowerCase() === name.trim().toLowerCase());
  return key === undefined ? undefined : areas[key];
}
