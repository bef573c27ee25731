import { describe, expect, it, test } from "vitest";
import { physicalName } from "../../../components/contract/naming";
import { placementLabels, tagList, workloadLabels } from "../../../components/contract/labels";
import { LABEL } from "../../../domain/labels";

describe("physicalName", () => {
  it("joins the parts into a lower-case DNS-safe name with a stable hash", () => {
    const name = physicalName(["eu-fleet", "PAR", "shop_db"], "scaleway");
    expect(name).toMatch(/^eu-fleet-par-shop-db-[0-9a-f]{6}$/);
    expect(physicalName(["eu-fleet", "PAR", "shop_db"], "scaleway")).toBe(name);
  });

  it("gives different stacks different names for the same logical resource", () => {
    expect(physicalName(["dev", "par", "shop"], "bucket")).not.toBe(
      physicalName(["prod", "par", "shop"], "bucket"),
    );
  });

  test.each([
    ["bucket", 63],
    ["kubernetes", 63],
  ] as const)(
    "cuts long names to the %s limit of %i characters without losing the hash",
    (limit, max) => {
      const parts = ["a".repeat(50), "b".repeat(50)];
      const name = physicalName(parts, limit);
      expect(name.length).toBeLessThanOrEqual(max);
      expect(name).not.toBe(physicalName(["a".repeat(50), "c".repeat(50)], limit));
    },
  );

  it("starts with a letter even when the first part starts with a digit", () => {
    expect(physicalName(["1st", "shop"], "bucket")).toMatch(/^s1st-shop-[0-9a-f]{6}$/);
  });
});

describe("labels", () => {
  const placement = {
    vendor: "ovhcloud",
    site: "EU-WEST-PAR",
    region: "EU-WEST-PAR",
    country: "FR",
    jurisdiction: "EU",
  } as const;

  it("names vendor, region and country of the target", () => {
    expect(placementLabels("gra", placement)).toEqual({
      [LABEL.partOf]: "sovereign-deploy",
      [LABEL.managedBy]: "pulumi",
      [LABEL.vendor]: "ovhcloud",
      [LABEL.region]: "eu-west-par",
      [LABEL.country]: "FR",
      [LABEL.target]: "gra",
    });
  });

  it("selects a workload by name and instance only, so placement labels never break selectors", () => {
    const { all, selector } = workloadLabels("shop", placementLabels("gra", placement));
    expect(selector).toEqual({ [LABEL.name]: "shop", [LABEL.instance]: "shop" });
    expect(all).toMatchObject({ ...selector, [LABEL.vendor]: "ovhcloud" });
  });

  it("renders tags as key=value strings", () => {
    expect(tagList({ a: "1", b: "2" })).toEqual(["a=1", "b=2"]);
  });
});
