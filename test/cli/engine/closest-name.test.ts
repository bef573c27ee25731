import { describe, expect, test } from "vitest";
import { closestName, editDistance } from "../../../cli/engine/closest-name";

describe("editDistance", () => {
  test.each<[string, string, number]>([
    ["prod", "prod", 0],
    ["prd", "prod", 1],
    ["staging", "stagign", 2],
    ["", "dev", 3],
    ["dev", "prod", 4],
  ])("counts %s → %s as %i edits", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe("closestName", () => {
  test.each<[string, string[], string | undefined]>([
    ["prd", ["dev", "prod"], "prod"],
    ["Prod", ["prod"], "prod"],
    ["stagign", ["staging", "prod"], "staging"],
    ["dev", ["prod"], undefined],
    ["qa", ["ca"], undefined],
    ["eu-west", ["eu-fleet"], undefined],
  ])("takes %s for a typo of %j: %s", (name, known, closest) => {
    expect(closestName(name, known)).toBe(closest);
  });
});
