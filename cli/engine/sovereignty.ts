/**
 * The report's `sovereignty` section from the recorded resources: offerings detected the way the
 * `seal-enforce-minimum` policy detects them, judged by the same assessment table (catalog plus the team's file).
 */
import { sovereigntyReport, type SovereigntyReport } from "../../domain/assurance/summary";
import { stackAssurance, type AssuranceResource } from "../../domain/assurance/stack";
import { assessmentsFileFrom, loadAssessmentTable } from "../../policies/lib/assessments";
import { isOfflinePlaceholder } from "../../domain/offline-placeholders";
import { CheckError } from "./errors";
import type { PlannedResource } from "./report";
import { UNKNOWN, type RecordedResource } from "./recorder";

const isUnknown = (v: unknown) => v === UNKNOWN || isOfflinePlaceholder(v);

/** The section for `resources`, placed as `plan` places them (same order). */
export function sovereigntyOf(
  resources: readonly RecordedResource[],
  plan: readonly PlannedResource[],
  providerOf: (r: RecordedResource) => RecordedResource | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SovereigntyReport {
  let table;
  try {
    table = loadAssessmentTable(assessmentsFileFrom(env));
  } catch (e) {
    throw new CheckError((e as Error).message);
  }
  const subjects = resources.map((r, i): AssuranceResource => {
    const provider = providerOf(r)?.inputs;
    const vendor = plan[i]?.vendor;
    return {
      urn: r.urn,
      type: r.type,
      inputs: r.inputs,
      ...(provider ? { provider } : {}),
      ...(vendor ? { placedVendor: vendor } : {}),
    };
  });
  return sovereigntyReport(stackAssurance(subjects, isUnknown), table);
}
