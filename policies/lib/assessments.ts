/**
 * The assessment table every SEAL judgement reads: the toolkit's catalog with the team's own file laid over it.
 * The file is policies/assessments.json (versioned with the policies, like exemptions.json), or the file
 * SOVEREIGN_ASSESSMENTS names; without one the catalog stands alone.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assessmentTable,
  parseAssessmentFile,
  type AssessmentTable,
} from "../../domain/assurance/assessments";

export const ASSESSMENTS_FILE = join(__dirname, "..", "assessments.json");
export const ASSESSMENTS_VARIABLE = "SOVEREIGN_ASSESSMENTS";

const tables = new Map<string, AssessmentTable>();

/** The file the environment names, else policies/assessments.json when it exists, else none. */
export function assessmentsFileFrom(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const named = env[ASSESSMENTS_VARIABLE];
  if (named !== undefined && named !== "") return named;
  return existsSync(ASSESSMENTS_FILE) ? ASSESSMENTS_FILE : undefined;
}

/** The table for `file` (read and validated once per file); throws naming the file and each bad key. */
export function loadAssessmentTable(file: string | undefined): AssessmentTable {
  const key = file ?? "";
  const known = tables.get(key);
  if (known) return known;
  let table: AssessmentTable;
  if (file === undefined) table = assessmentTable();
  else {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(`${file}: cannot read the assessment file: ${(e as Error).message}`);
    }
    table = assessmentTable(parseAssessmentFile(raw, file));
  }
  tables.set(key, table);
  return table;
}
