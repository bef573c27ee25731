/**
 * Where each EU vendor's resources say where they are: one table of (type pattern → location fields), read by the
 * region policies and by the report's placement (cli/engine/placement.ts). A new resource shape is one row here; a new site is one entry in config/catalog/regions.ts
 * (which also knows every spelling: OVHcloud's OpenStack `GRA9`, macro `GRA` and location code `eu-west-gra` all
 * place the same site). Rows are tried in order; the first whose pattern matches the type wins, so specific rows
 * come before each package's catch-all row.
 */

import type { AreaTableId } from "../config/catalog/areas";
import {
  OVH_DATABASE_BACKUP_DEFAULTS,
  type DocumentedDefault,
} from "../config/catalog/documented-defaults";

export interface LocationField {
  /** Dotted path into the inputs; `[]` reads every element of a list. */
  readonly path: string;
  /** The naming scheme the field holds, for messages. */
  readonly scheme: string;
  /** Set when the vendor silently picks a place if the field is absent: absence is then a violation saying this. */
  readonly requiredBecause?: string;
  /** Set when an absent or empty list means "every region of the project": that is a violation saying this. */
  readonly emptyMeans?: string;
  /** Set when the field names an area spanning several sites (a network zone), judged from that table. */
  readonly areas?: AreaTableId;
  /**
   * Set when the vendor documents what it picks if the field is absent, from the site another field names: the
   * documented site is judged in its place, and only a site the table lacks is a violation.
   */
  readonly documentedDefault?: { readonly from: string; readonly table: DocumentedDefault };
}

export interface LocationRule {
  /** Type tokens this row covers (current and deprecated tokens alike). */
  readonly types: RegExp;
  readonly fields: readonly LocationField[];
  /**
   * Why a resource that sets none of `fields` needs no location of its own: a global service, or an object that
   * lives where its parent lives (checked on the parent). Without it, the resource falls back to its provider's
   * location, and with none there, it is a violation.
   */
  readonly unplacedBecause?: string;
  /**
   * A reference that places the resource where the referenced one is (IONOS objects inside a data centre): when it
   * is set, the resource needs no location of its own, and `because` says where it is checked.
   */
  readonly placedBy?: { readonly path: string; readonly because: string };
}

const region = (path = "region", scheme = "region"): LocationField => ({ path, scheme });

export const LOCATION_RULES: readonly LocationRule[] = [
  // Scaleway: current module tokens and their deprecated `scaleway:index/*` twins.
  {
    types:
      /^scaleway:(?:(?:account|iam|billing|domain|annotations|edgeservices|observability)\/|index\/(?:account|iam|domain|edgeServices|cockpit))/,
    fields: [],
    unplacedBecause:
      "a Scaleway global service (account, IAM, billing, DNS, edge services, Cockpit) that has no region",
  },
  {
    types:
      /^scaleway:(?:instance\/securityGroupRules:|loadbalancers\/(?:acl|backend|certificate|frontend|route):|index\/(?:instanceSecurityGroupRules|loadbalancer(?:Acl|Backend|Certificate|Frontend|Route)):)/,
    fields: [],
    unplacedBecause:
      "it lives in the zone of its security group or load balancer, which is checked there",
  },
  { types: /^scaleway:/, fields: [region(), region("zone", "zone")] },

  // OVHcloud: Public Cloud resources name OpenStack regions (GRA9), macro regions (GRA) or location codes.
  {
    types: /^ovh:CloudProject\/database:Database$/,
    fields: [
      { path: "nodes[].region", scheme: "macro region" },
      {
        path: "backupRegions[]",
        scheme: "macro region",
        documentedDefault: { from: "nodes[].region", table: OVH_DATABASE_BACKUP_DEFAULTS },
      },
    ],
  },
  {
    types: /^ovh:CloudProject\/networkPrivate:NetworkPrivate$/,
    fields: [
      {
        path: "regions[]",
        scheme: "OpenStack region",
        emptyMeans:
          "the network spans every region of the project, including regions outside the EU",
      },
    ],
  },
  {
    // The SDK: "Regions omitted from `regions` are left unchanged upstream", so an empty list changes nothing.
    types: /^ovh:index\/cloudQuota:CloudQuota$/,
    fields: [{ path: "regions[].region", scheme: "OpenStack region" }],
    unplacedBecause: "a quota changes only the regions it lists, and it lists none",
  },
  {
    types: /^ovh:CloudProject\/storage:Storage$/,
    fields: [
      region("regionName", "macro region"),
      { path: "replication.rules[].destination.region", scheme: "macro region" },
    ],
  },
  {
    types: /^ovh:CloudProject\/kubeNodePool:KubeNodePool$/,
    fields: [{ path: "availabilityZones[]", scheme: "availability zone" }],
    unplacedBecause:
      "a node pool runs in its cluster's region (kubeId), which is checked on the cluster",
  },
  {
    types: /^ovh:(?:CloudProjectDatabase\/|index\/cloudProjectDatabase\w*User:)/,
    fields: [],
    unplacedBecause:
      "it belongs to its database cluster (clusterId), which is checked on the cluster",
  },
  {
    types:
      /^ovh:(?:CloudProject\/(?:kubeIpRestrictions|kubeOidc|containerRegistryUser|containerRegistryOIDC|containerRegistryIPRestrictions\w*|failoverIpAttach|instanceSnapshot):|index\/(?:cloudProjectContainerregistryIam|cloudProjectKubeLogSubscription|cloudKeyManager\w*Consumer|cloudStorageFileShare(?:Acl|Snapshot)):|Okms\/(?:credential|secret|serviceKey|serviceKeyJWK):)/,
    fields: [],
    unplacedBecause:
      "it lives where its parent (cluster, registry, instance, share or KMS) lives, which is checked there",
  },
  {
    types:
      /^ovh:(?:CloudProject\/(?:user|s3Credential|s3Policy|project|alerting):|index\/(?:cloudSSHKey|clousSSHKey):|Me\/|Iam\/|Vrack\/(?!ipAddress:)|Domain\/|index\/domainZoneDynhostRecord:)/,
    fields: [],
    unplacedBecause:
      "an account- or project-wide object (identity, IAM, project order, vRack membership, DNS zone or record) that has no region",
  },
  {
    types: /^ovh:/,
    fields: [region("region", "OpenStack or macro region"), region("regionName", "macro region")],
  },

  // Other EU vendors: their catch-all location fields.
  // STACKIT: a CDN distribution serves from the regions listed in its config, not from the project's region.
  {
    types: /^stackit:index\/cdnDistribution:CdnDistribution$/,
    fields: [
      {
        path: "config.regions[]",
        scheme: "CDN region",
        areas: "stackit-cdn-regions",
        emptyMeans: "the distribution has no region to serve from",
      },
    ],
  },
  { types: /^stackit:/, fields: [region()] },
  {
    types: /^ionoscloud:/,
    fields: [region("location", "location")],
    placedBy: {
      path: "datacenterId",
      because:
        "it lives in the data centre its datacenterId names, whose location is checked there",
    },
  },

  // Hetzner: project-wide objects, objects attached to a located one, then located ones.
  {
    types:
      /^hcloud:index\/(?:sshKey|network|firewall|placementGroup|certificate|managedCertificate|uploadedCertificate|zone|zoneRecord|zoneRrset|txtRecord):/,
    fields: [],
    unplacedBecause:
      "a Hetzner project-wide object (SSH key, network, firewall, placement group, certificate, DNS) that has no location; network subnets carry the zone",
  },
  {
    types:
      /^hcloud:index\/(?:firewallAttachment|floatingIpAssignment|loadBalancerNetwork|loadBalancerService|loadBalancerTarget|networkRoute|rdns|serverNetwork|volumeAttachment|storageBoxSnapshot|storageBoxSubaccount):/,
    fields: [],
    unplacedBecause:
      "it attaches to a server, load balancer, network, IP or storage box, whose location is checked there",
  },
  {
    types: /^hcloud:index\/networkSubnet:NetworkSubnet$/,
    fields: [{ path: "networkZone", scheme: "network zone", areas: "hetzner-network-zones" }],
  },
  {
    types: /^hcloud:/,
    fields: [
      region("location", "location"),
      region("datacenter", "data centre"),
      region("homeLocation", "location"),
      { path: "networkZone", scheme: "network zone", areas: "hetzner-network-zones" },
    ],
    placedBy: {
      path: "serverId",
      because: "it lives with the server its serverId names, whose location is checked there",
    },
  },
  { types: /^upcloud:/, fields: [region("zone", "zone")] },
  { types: /^outscale:/, fields: [region("subregionName", "subregion"), region()] },
];

/**
 * Location fields of each EU package's provider: the defaults its resources inherit when they set none
 * (`scaleway:region` in stack config ends up here for the default provider). Packages whose providers carry no
 * location (OVHcloud: only an API endpoint) map to an empty list.
 */
export const PROVIDER_LOCATION_FIELDS: Readonly<Record<string, readonly LocationField[]>> = {
  scaleway: [region(), region("zone", "zone")],
  ovh: [],
  stackit: [region("defaultRegion"), region()],
  ionoscloud: [],
  hcloud: [],
  upcloud: [],
  outscale: [region()],
};

/** Every type asked about so far → its row (null: none), so each type is matched against the table once. */
const ruleByType = new Map<string, LocationRule | null>();

/** The first row whose pattern matches `type`, or undefined when no row covers it. */
export function locationRuleOf(type: string): LocationRule | undefined {
  let rule = ruleByType.get(type);
  if (rule === undefined) {
    rule = LOCATION_RULES.find((row) => row.types.test(type)) ?? null;
    ruleByType.set(type, rule);
  }
  return rule ?? undefined;
}
