/**
 * The assessment table every SEAL judgement reads: the toolkit's catalog with the team's own levels laid over it.
 * The team's file is policies/assessments.json, versioned with the policies and imported (like exemptions.json) so a
 * published pack carries it; SOVEREIGN_ASSESSMENTS names another file to read instead.
 */
import { readFileSync } from "node:fs";
import {
  assessmentTable,
  parseAssessmentFile,
  type AssessmentTable,
} from "../../domain/assurance/assessments";
import reviewedAssessments from "../assessments.json";

export const ASSESSMENTS_VARIABLE = "SOVEREIGN_ASSESSMENTS";

const tables = new Map<string, AssessmentTable>();

/** The file the environment names, or undefined for policies/assessments.json. */
export function assessmentsFileFrom(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const named = env[ASSESSMENTS_VARIABLE];
  return named === undefined || named === "" ? undefined : named;
}

/** The table for `file` (read and validated once per file); throws naming the file and each bad key. */
export function loadAssessmentTable(file?: string): AssessmentTable {
  const key = file ?? "";
  const known = tables.get(key);
  if (known) return known;
  let raw: unknown = reviewedAssessments;
  if (file !== undefined) {
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(`${file}: cannot read the assessment file: ${(e as Error).message}`);
    }
  }
  const table = assessmentTable(parseAssessmentFile(raw, file ?? "policies/assessments.json"));
  tables.set(key, table);
  return table;
}
