import { describe, expect, test } from "vitest";
import { OBJECTIVE_IDS } from "../../../config/catalog/assurance";
import { DEFAULT_OFFERING, OFFERING_SELECTORS } from "../../../config/catalog/assurance-detection";
import { OFFERING_IDS, OFFERINGS, isOfferingId } from "../../../config/catalog/assurance-offerings";
import { VENDORS } from "../../../config/catalog/vendors";

describe("assurance catalog", () => {
  test.each(OFFERING_IDS)(
    "assesses every objective of %s with a rationale, a dated source and a date",
    (id) => {
      const offering = OFFERINGS[id];
      expect(Object.keys(offering.levels).sort()).toEqual([...OBJECTIVE_IDS]);
      for (const level of Object.values(offering.levels)) {
        expect(level.rationale.length).toBeGreaterThan(10);
        expect(level.source.url).toMatch(/^(https:\/\/|config\/catalog\/)/);
        expect(level.source.published).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        expect(level.assessed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(Object.hasOwn(VENDORS, offering.vendor)).toBe(true);
    },
  );

  test("sells an offering for every vendor the catalogs know", () => {
    expect(Object.keys(DEFAULT_OFFERING).sort()).toEqual(Object.keys(VENDORS).sort());
    for (const offering of Object.values(DEFAULT_OFFERING))
      expect(isOfferingId(offering)).toBe(true);
  });

  test("names only catalogued offerings in the selectors", () => {
    for (const selector of Object.values(OFFERING_SELECTORS))
      for (const offering of selector.offerings) expect(isOfferingId(offering)).toBe(true);
  });

  test("lists the offerings issue 13 asks for", () => {
    for (const id of [
      "ovhcloud",
      "ovhcloud-us",
      "google-cloud",
      "s3ns",
      "aws",
      "aws-european-sovereign-cloud",
      "azure",
      "scaleway",
      "stackit",
      "ionos",
      "post",
      "proximus",
      "hetzner",
    ])
      expect(isOfferingId(id)).toBe(true);
  });
});
