/**
 * Every site of every vendor we can place, EU or not: policies must be able to say *where* a non-EU region is,
 * not only that it is unknown. Keyed by vendor, then by the site's canonical id; `aliases` are the other spellings
 * the vendor's APIs use for the same site (OVHcloud names one site three ways: OpenStack region `GRA9`, macro
 * region `GRA`, location code `eu-west-gra`). Look-ups are case-insensitive and go through `regionIndex`.
 *
 * Sources: ../shared/facts/PROVIDERS.md §2 (scaleway-sdk-go locality list, OVH API enums, STACKIT docs) and
 * docs/research/VENDOR-FACTS.md (IONOS, STACKIT).
 */
import type { EuVendorId } from "./vendors";

export interface Site {
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly zones: readonly string[];
  readonly aliases?: readonly string[];
}

type SiteTable = Readonly<Record<string, Site>>;

const ovhLegacy = (prefix: string, numbers: readonly number[]): string[] =>
  numbers.map((n) => `${prefix}${n}`);
/** OVH Local Zones: OpenStack name is the upper-case location code plus `-A`. */
const ovhLocalZone = (code: string, city: string, country: string): [string, Site] => [
  code,
  { city, country, zones: [], aliases: [`${code.toUpperCase()}-A`] },
];

export const SITES = {
  scaleway: {
    "fr-par": {
      city: "Paris",
      country: "FR",
      zones: ["fr-par-1", "fr-par-2", "fr-par-3"],
      aliases: ["par1"],
    },
    "nl-ams": {
      city: "Amsterdam",
      country: "NL",
      zones: ["nl-ams-1", "nl-ams-2", "nl-ams-3"],
      aliases: ["ams1"],
    },
    "pl-waw": { city: "Warsaw", country: "PL", zones: ["pl-waw-1", "pl-waw-2", "pl-waw-3"] },
    "it-mil": { city: "Milan", country: "IT", zones: ["it-mil-1"] },
  },
  ovhcloud: {
    GRA: {
      city: "Gravelines",
      country: "FR",
      zones: [],
      aliases: [...ovhLegacy("GRA", [1, 2, 3, 4, 5, 7, 9, 11]), "eu-west-gra", "eu-west-gra-snc"],
    },
    SBG: {
      city: "Strasbourg",
      country: "FR",
      zones: [],
      aliases: [...ovhLegacy("SBG", [1, 2, 3, 4, 5, 7]), "eu-west-sbg", "eu-west-sbg-snc"],
    },
    RBX: {
      city: "Roubaix",
      country: "FR",
      zones: [],
      aliases: ["RBX-A", "RBX-ARCHIVE", "EU-WEST-RBX", "eu-west-rbx-snc"],
    },
    "EU-WEST-PAR": {
      city: "Paris",
      country: "FR",
      zones: ["eu-west-par-a", "eu-west-par-b", "eu-west-par-c"],
    },
    "EU-SOUTH-MIL": {
      city: "Milan",
      country: "IT",
      zones: ["eu-south-mil-a", "eu-south-mil-b", "eu-south-mil-c"],
    },
    DE: { city: "Limburg", country: "DE", zones: [], aliases: ["DE1", "eu-west-lim"] },
    WAW: { city: "Warsaw", country: "PL", zones: [], aliases: ["WAW1", "eu-central-waw"] },
    UK: { city: "Erith", country: "GB", zones: [], aliases: ["UK1", "eu-west-eri"] },
    BHS: {
      city: "Beauharnois",
      country: "CA",
      zones: [],
      aliases: [...ovhLegacy("BHS", [1, 2, 3, 4, 5]), "ca-east-bhs"],
    },
    "CA-EAST-TOR": { city: "Toronto", country: "CA", zones: [], aliases: ["CA-EAST-TOR-1"] },
    "US-EAST-VA": {
      city: "Vint Hill",
      country: "US",
      zones: [],
      aliases: ["US-EAST-VA-1", "us-east-vin"],
    },
    "US-WEST-OR": {
      city: "Hillsboro",
      country: "US",
      zones: [],
      aliases: ["US-WEST-OR-1", "us-west-hil"],
    },
    SGP: { city: "Singapore", country: "SG", zones: [], aliases: ["SGP1", "ap-southeast-sgp"] },
    SYD: {
      city: "Sydney",
      country: "AU",
      zones: [],
      aliases: ["SYD1", "AP-SOUTHEAST-SYD-2", "ap-southeast-syd"],
    },
    "AP-SOUTH-MUM": { city: "Mumbai", country: "IN", zones: [], aliases: ["AP-SOUTH-MUM-1"] },
    ...Object.fromEntries([
      ovhLocalZone("eu-west-lz-bru", "Brussels", "BE"),
      ovhLocalZone("eu-west-lz-ams", "Amsterdam", "NL"),
      ovhLocalZone("eu-west-lz-lux", "Luxembourg", "LU"),
      ovhLocalZone("eu-west-lz-mrs", "Marseille", "FR"),
      ovhLocalZone("eu-west-lz-vie", "Vienna", "AT"),
      ovhLocalZone("eu-west-lz-dln", "Dublin", "IE"),
      ovhLocalZone("eu-south-lz-mad", "Madrid", "ES"),
      ovhLocalZone("eu-south-lz-lis", "Lisbon", "PT"),
      ovhLocalZone("eu-south-lz-mil", "Milan", "IT"),
      ovhLocalZone("eu-central-lz-prg", "Prague", "CZ"),
      ovhLocalZone("eu-central-lz-buh", "Bucharest", "RO"),
      ovhLocalZone("eu-central-lz-sof", "Sofia", "BG"),
      ovhLocalZone("eu-north-lz-cph", "Copenhagen", "DK"),
      ovhLocalZone("eu-north-lz-hel", "Helsinki", "FI"),
      ovhLocalZone("eu-north-lz-sto", "Stockholm", "SE"),
      ovhLocalZone("eu-north-lz-osl", "Oslo", "NO"),
      ovhLocalZone("eu-west-lz-zrh", "Zurich", "CH"),
      ovhLocalZone("eu-west-lz-mnc", "Manchester", "GB"),
    ]),
  },
  stackit: {
    eu01: { city: "Germany", country: "DE", zones: ["eu01-1", "eu01-2", "eu01-3", "eu01-m"] },
    // Third-party sources agree on Austria; no STACKIT page names it (docs/research/VENDOR-FACTS.md §2).
    eu02: { city: "Austria West", country: "AT", zones: ["eu02-1", "eu02-2", "eu02-3", "eu02-m"] },
  },
  ionos: {
    "de/fra": { city: "Frankfurt", country: "DE", zones: [], aliases: ["de-fra", "eu-central-1"] },
    "de/fra/2": { city: "Frankfurt", country: "DE", zones: [], aliases: ["de-fra-2"] },
    "de/txl": {
      city: "Berlin",
      country: "DE",
      zones: [],
      aliases: ["de-txl", "eu-central-2", "eu-central-3"],
    },
    "de/fkb": { city: "Karlsruhe", country: "DE", zones: [], aliases: ["de-fkb"] },
    "es/vit": { city: "Logroño", country: "ES", zones: [], aliases: ["es-vit", "eu-south-2"] },
    "fr/par": { city: "Paris", country: "FR", zones: [], aliases: ["fr-par"] },
    "gb/lhr": { city: "London", country: "GB", zones: [], aliases: ["gb-lhr"] },
    "gb/bhx": { city: "Worcester", country: "GB", zones: [], aliases: ["gb-bhx"] },
    "us/las": { city: "Las Vegas", country: "US", zones: [], aliases: ["us-las"] },
    "us/ewr": { city: "Newark", country: "US", zones: [], aliases: ["us-ewr"] },
    "us/mci": { city: "Lenexa", country: "US", zones: [], aliases: ["us-mci"] },
  },
  // Proximus and POST publish no region ids; these are Sovereign Deploy's names for their home countries.
  proximus: {
    be: { city: "Belgium", country: "BE", zones: [] },
  },
  post: {
    lu: { city: "Luxembourg", country: "LU", zones: [] },
  },
  // Zones are Hetzner's data centre names (`datacenter` on servers and primary IPs; Hetzner Cloud API GET /datacenters).
  hetzner: {
    fsn1: { city: "Falkenstein", country: "DE", zones: ["fsn1-dc14"] },
    nbg1: { city: "Nuremberg", country: "DE", zones: ["nbg1-dc3"] },
    hel1: { city: "Helsinki", country: "FI", zones: ["hel1-dc2"] },
    ash: { city: "Ashburn", country: "US", zones: ["ash-dc1"] },
    hil: { city: "Hillsboro", country: "US", zones: ["hil-dc1"] },
    sin: { city: "Singapore", country: "SG", zones: ["sin-dc1"] },
  },
  upcloud: {
    "fi-hel1": { city: "Helsinki", country: "FI", zones: [] },
    "fi-hel2": { city: "Helsinki", country: "FI", zones: [] },
    "de-fra1": { city: "Frankfurt", country: "DE", zones: [] },
    "nl-ams1": { city: "Amsterdam", country: "NL", zones: [] },
    "es-mad1": { city: "Madrid", country: "ES", zones: [] },
    "pl-waw1": { city: "Warsaw", country: "PL", zones: [] },
    "se-sto1": { city: "Stockholm", country: "SE", zones: [] },
    "dk-cph1": { city: "Copenhagen", country: "DK", zones: [] },
    "uk-lon1": { city: "London", country: "GB", zones: [] },
    "us-chi1": { city: "Chicago", country: "US", zones: [] },
    "us-nyc1": { city: "New York", country: "US", zones: [] },
    "us-sjo1": { city: "San Jose", country: "US", zones: [] },
    "sg-sin1": { city: "Singapore", country: "SG", zones: [] },
    "au-syd1": { city: "Sydney", country: "AU", zones: [] },
  },
  outscale: {
    "eu-west-2": {
      city: "Paris",
      country: "FR",
      zones: ["eu-west-2a", "eu-west-2b", "eu-west-2c"],
    },
    "cloudgouv-eu-west-1": {
      city: "Paris",
      country: "FR",
      zones: ["cloudgouv-eu-west-1a", "cloudgouv-eu-west-1b", "cloudgouv-eu-west-1c"],
    },
    "us-east-2": { city: "New York", country: "US", zones: ["us-east-2a", "us-east-2b"] },
    "us-west-1": { city: "San Jose", country: "US", zones: ["us-west-1a", "us-west-1b"] },
    "ap-northeast-1": {
      city: "Tokyo",
      country: "JP",
      zones: ["ap-northeast-1a", "ap-northeast-1b"],
    },
  },
} as const satisfies Record<EuVendorId, SiteTable>;
