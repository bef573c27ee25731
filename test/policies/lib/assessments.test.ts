import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { assessmentsFileFrom, loadAssessmentTable } from "../../../policies/lib/assessments";

const level = {
  seal: 4,
  rationale: "Our supplier audit of 2026 found EU-made servers in the racks we use",
  source: {
    title: "ACME supplier audit 2026",
    url: "https://intranet.example.eu/audit",
    published: "2026-10",
  },
  assessed: "2026-11-01",
};

describe("loadAssessmentTable", () => {
  test("reads policies/assessments.json unless SOVEREIGN_ASSESSMENTS names another file", () => {
    expect(assessmentsFileFrom({})).toBeUndefined();
    expect(assessmentsFileFrom({ SOVEREIGN_ASSESSMENTS: "team.json" })).toBe("team.json");
    expect(loadAssessmentTable().stackit.levels["SOV-5"].assessedBy).toBe("toolkit");
  });

  test("lays the named file's levels over the catalog", () => {
    const file = join(mkdtempSync(join(tmpdir(), "assessments-")), "team.json");
    writeFileSync(
      file,
      JSON.stringify({ assessor: "ACME", offerings: { stackit: { "SOV-5": level } } }),
    );
    const table = loadAssessmentTable(file);
    expect([table.stackit.levels["SOV-5"].seal, table.stackit.levels["SOV-5"].assessedBy]).toEqual([
      4,
      "ACME",
    ]);
  });

  test("fails naming the file when it cannot be read", () => {
    expect(() => loadAssessmentTable("/nonexistent/team.json")).toThrow(
      "/nonexistent/team.json: cannot read the assessment file",
    );
  });
});
