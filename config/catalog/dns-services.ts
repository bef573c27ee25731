/**
 * DNS zone resources, by type token: which input names the zone they serve. The vendor answering for the zone is
 * the package's (config/catalog/vendors.ts). Read from the installed SDKs: `@pulumiverse/scaleway` domain/record
 * (`dnsZone`) and domain/zone (`subdomain`, `domain`), `@ovhcloud/pulumi-ovh` domain/zoneRecord (`zone`) and
 * domain/zoneImport (`zoneName`).
 */

export interface DnsZoneResource {
  /** Inputs whose values, joined with dots in this order (empty ones left out), name the zone. */
  readonly zone: readonly string[];
  readonly label: string;
}

export const DNS_ZONE_RESOURCES: Readonly<Record<string, DnsZoneResource>> = {
  "scaleway:domain/record:Record": { zone: ["dnsZone"], label: "Scaleway Domains and DNS" },
  "scaleway:domain/zone:Zone": { zone: ["subdomain", "domain"], label: "Scaleway Domains and DNS" },
  "ovh:Domain/zoneRecord:ZoneRecord": { zone: ["zone"], label: "OVHcloud DNS" },
  "ovh:Domain/zoneImport:ZoneImport": { zone: ["zoneName"], label: "OVHcloud DNS" },
};
