import { describe, expect, test } from "vitest";
import {
  assessmentTable,
  parseAssessmentFile,
  sealsOf,
} from "../../../domain/assurance/assessments";
import { OFFERINGS } from "../../../config/catalog/assurance-offerings";

const TEAM_LEVEL = {
  seal: 3,
  rationale: "Scaleway's published PUE and renewable supply reviewed by our team",
  source: {
    title: "Scaleway environmental report",
    url: "https://www.scaleway.com/en/environmental-leadership/",
    published: "2026-06",
  },
  assessed: "2026-11-30",
};

describe("assessment table", () => {
  test("is the toolkit's catalog when no team file is given", () => {
    const table = assessmentTable();
    expect(table.s3ns.levels["SOV-2"]).toEqual({
      ...OFFERINGS.s3ns.levels["SOV-2"],
      assessedBy: "toolkit",
    });
  });

  test("lays a team's level over the catalog and names the assessor", () => {
    const team = parseAssessmentFile(
      { assessor: "ACME security", offerings: { scaleway: { "SOV-8": TEAM_LEVEL } } },
      "policies/assessments.json",
    );
    const table = assessmentTable(team);
    expect(table.scaleway.levels["SOV-8"]).toEqual({ ...TEAM_LEVEL, assessedBy: "ACME security" });
    expect(sealsOf(table.scaleway)["SOV-8"]).toBe(3);
    expect(table.scaleway.levels["SOV-1"].assessedBy).toBe("toolkit");
  });

  test.each([
    [
      { assessor: "x", offerings: { nimbus: { "SOV-1": TEAM_LEVEL } } },
      '[offerings] Unrecognized key: "nimbus"',
    ],
    [
      { assessor: "x", offerings: { scaleway: { "SOV-1": { ...TEAM_LEVEL, seal: 7 } } } },
      "[offerings.scaleway.SOV-1.seal] must be 0, 1, 2, 3 or 4",
    ],
    [
      { assessor: "x", offerings: { scaleway: { "SOV-1": { ...TEAM_LEVEL, assessed: "soon" } } } },
      "[offerings.scaleway.SOV-1.assessed] must be a date YYYY-MM-DD",
    ],
    [
      { assessor: "x", offerings: { scaleway: { "SOV-1": { seal: 3 } } } },
      "[offerings.scaleway.SOV-1.rationale]",
    ],
  ])("fails when the file holds %j", (raw, problem) => {
    expect(() => parseAssessmentFile(raw, "team.json")).toThrow(
      `team.json is not a valid assessment file: `,
    );
    expect(() => parseAssessmentFile(raw, "team.json")).toThrow(problem);
  });
});
