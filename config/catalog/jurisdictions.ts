/**
 * Countries and the jurisdiction class EU data-protection law gives them. Policies and config validation place
 * every region through this table, so a country's class is decided here and nowhere else.
 */

export const JurisdictionClass = {
  EU: "EU",
  EEA: "EEA",
  ADEQUACY: "ADEQUACY",
  THIRD: "THIRD",
} as const;
export type JurisdictionClass = (typeof JurisdictionClass)[keyof typeof JurisdictionClass];

const EU_MEMBERS = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
] as const;
const EEA_ONLY = ["IS", "LI", "NO"] as const;
/** Countries with an EU adequacy decision (GDPR Art. 45). The US counts only per certified company: THIRD here. */
const ADEQUATE = [
  "GB",
  "CH",
  "CA",
  "JP",
  "KR",
  "IL",
  "NZ",
  "AR",
  "UY",
  "AD",
  "FO",
  "GG",
  "JE",
  "IM",
] as const;

const classByCountry: ReadonlyMap<string, JurisdictionClass> = new Map<string, JurisdictionClass>([
  ...EU_MEMBERS.map((c) => [c, JurisdictionClass.EU] as const),
  ...EEA_ONLY.map((c) => [c, JurisdictionClass.EEA] as const),
  ...ADEQUATE.map((c) => [c, JurisdictionClass.ADEQUACY] as const),
]);

/** The class of an ISO 3166-1 alpha-2 country code; every country not listed is a third country. */
export function jurisdictionOf(country: string): JurisdictionClass {
  return classByCountry.get(country.toUpperCase()) ?? JurisdictionClass.THIRD;
}

/** Named groups a policy pack or the config may allow, as in GCP's `in:eu-locations`. */
export const JURISDICTION_GROUPS = {
  eu: [JurisdictionClass.EU],
  eea: [JurisdictionClass.EU, JurisdictionClass.EEA],
  "eu+adequacy": [JurisdictionClass.EU, JurisdictionClass.EEA, JurisdictionClass.ADEQUACY],
} as const satisfies Record<string, readonly JurisdictionClass[]>;
export type JurisdictionGroup = keyof typeof JURISDICTION_GROUPS;
export const JURISDICTION_GROUP_NAMES = Object.keys(JURISDICTION_GROUPS) as JurisdictionGroup[];

export function groupAllows(group: JurisdictionGroup, cls: JurisdictionClass): boolean {
  return (JURISDICTION_GROUPS[group] as readonly JurisdictionClass[]).includes(cls);
}
