import { describe, expect, test } from "vitest";
import { AREA_TABLES, areaOf, type Area } from "../../../config/catalog/areas";
import { OVH_DATABASE_BACKUP_DEFAULTS } from "../../../config/catalog/documented-defaults";
import { JurisdictionClass } from "../../../config/catalog/jurisdictions";
import { placeOf } from "../../../config/catalog/places";
import { SITES } from "../../../config/catalog/regions";

/** Weakest first: an area spanning several sites is as weak as its weakest one. */
const STRENGTH = [
  JurisdictionClass.THIRD,
  JurisdictionClass.ADEQUACY,
  JurisdictionClass.EEA,
  JurisdictionClass.EU,
];

describe("area tables", () => {
  const hetzner: Readonly<Record<string, Area>> = AREA_TABLES["hetzner-network-zones"].areas;

  test.each(Object.entries(hetzner))(
    "gives Hetzner zone %s the weakest jurisdiction of the sites it spans",
    (_zone, area) => {
      const classes = (area.sites ?? []).map((s) => placeOf("hetzner", s)?.jurisdiction);
      expect(classes.length).toBeGreaterThan(0);
      const weakest = STRENGTH.find((c) => classes.includes(c));
      expect(area.jurisdiction).toBe(weakest);
    },
  );

  test("puts every Hetzner location in exactly one network zone", () => {
    const spanned = Object.values(hetzner).flatMap((a) => a.sites ?? []);
    expect([...spanned].sort()).toEqual(Object.keys(SITES.hetzner).sort());
  });

  test.each([
    ["stackit-cdn-regions", "eu", "EU"],
    ["stackit-cdn-regions", "Us", "THIRD"],
    ["hetzner-network-zones", "EU-CENTRAL", "EU"],
  ] as const)("reads %s name %s case-insensitively", (table, name, jurisdiction) => {
    expect(areaOf(table, name)?.jurisdiction).toBe(jurisdiction);
  });

  test("knows no area it was not given", () => {
    expect(areaOf("stackit-cdn-regions", "eu01")).toBeUndefined();
  });
});

describe("documented defaults", () => {
  test.each(Object.entries(OVH_DATABASE_BACKUP_DEFAULTS.bySite))(
    "maps OVHcloud database region %s to the canonical site %s",
    (from, to) => {
      expect(placeOf("ovhcloud", from)?.site).toBe(from);
      expect(placeOf("ovhcloud", to)?.site).toBe(to);
      expect(to).not.toBe(from);
    },
  );

  test("names its sources and the date they were read", () => {
    expect(OVH_DATABASE_BACKUP_DEFAULTS.sources.every((s) => s.includes("https://"))).toBe(true);
    expect(OVH_DATABASE_BACKUP_DEFAULTS.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
