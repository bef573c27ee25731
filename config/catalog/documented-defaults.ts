/**
 * Where a vendor puts data when the program does not say, as the vendor documents it: placement judges the
 * documented default instead of refusing blindly, and fails closed only where nothing is documented. Each table
 * names its source and the date it was read.
 */

export interface DocumentedDefault {
  /** What the default decides, for messages (`off-site backup region`). */
  readonly what: string;
  readonly sources: readonly string[];
  /** Date the sources were read (ISO 8601). */
  readonly read: string;
  /** Canonical site of the service (config/catalog/regions.ts) → canonical site the vendor picks. */
  readonly bySite: Readonly<Record<string, string>>;
}

/**
 * OVHcloud Public Cloud Databases push backups to an off-site region chosen from the service's region when
 * `backupRegions` is unset. RBX and the Local Zones are not in either table: there, nothing is documented.
 */
export const OVH_DATABASE_BACKUP_DEFAULTS: DocumentedDefault = {
  what: "off-site backup region",
  sources: [
    "OVHcloud 'Public Cloud Databases - Automated Backups', section 'Default location' (updated 2025-11-27): https://github.com/ovh/docs/blob/3831052750ae6a8984b825d3bc83a8dad90a975b/pages/public_cloud/public_cloud_databases/databases_05_automated_backups/guide.fr-fr.md",
    "OVHcloud US 'Cloud Databases - Automated Backups', section 'Default location': https://support.us.ovhcloud.com/hc/en-us/articles/20735484294547-Cloud-Databases-Automated-Backups",
  ],
  read: "2026-12-02",
  bySite: {
    BHS: "SBG",
    DE: "GRA",
    "EU-WEST-PAR": "GRA",
    "EU-SOUTH-MIL": "GRA",
    GRA: "SBG",
    SBG: "GRA",
    SGP: "BHS",
    UK: "GRA",
    WAW: "GRA",
    "US-EAST-VA": "US-WEST-OR",
    "US-WEST-OR": "US-EAST-VA",
  },
};
