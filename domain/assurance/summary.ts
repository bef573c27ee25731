/**
 * The report's `sovereignty` section: per stack, the SEAL and score per objective (the weakest offering's), the
 * overall SEAL and weighted score, each offering relied on with its assessed levels, and per workload the weakest
 * offering it runs on.
 */
import {
  FRAMEWORK,
  OBJECTIVE_IDS,
  type Classification,
  type ObjectiveId,
  type Seal,
} from "../../config/catalog/assurance";
import type { OfferingId } from "../../config/catalog/assurance-offerings";
import { sealsOf, type AssessmentTable, type JudgedLevel } from "./assessments";
import {
  objectiveScore,
  overallSeal,
  sovereigntyScore,
  weakestByObjective,
  weaker,
  type SealByObjective,
} from "./score";
import type { StackAssurance } from "./stack";

export interface OfferingReport {
  readonly id: OfferingId;
  readonly name: string;
  readonly operator: string;
  readonly country: string;
  readonly seal: Seal;
  readonly score: number;
  /** How many resources rely on it. */
  readonly resources: number;
  readonly objectives: Readonly<Record<ObjectiveId, JudgedLevel>>;
}

export interface WorkloadReport {
  readonly workload: string;
  readonly classification: Classification;
  /** The weakest offering it runs on, or null when none could be told. */
  readonly weakest: OfferingId | null;
  readonly seal: Seal | null;
  readonly offerings: readonly OfferingId[];
}

export interface SovereigntyReport {
  readonly framework: {
    readonly name: string;
    readonly version: string;
    readonly published: string;
    readonly url: string;
  };
  /** Overall SEAL of the stack (its weakest objective), null when it relies on no offering. */
  readonly seal: Seal | null;
  /** Weighted sovereignty score in percent, null when it relies on no offering. */
  readonly score: number | null;
  readonly objectives: Readonly<Partial<Record<ObjectiveId, { seal: Seal; score: number }>>>;
  /** Weakest first. */
  readonly offerings: readonly OfferingReport[];
  readonly workloads: readonly WorkloadReport[];
  /** Resources whose offering could not be told, with why. */
  readonly undetected: readonly { readonly urn: string; readonly reason: string }[];
}

function offeringReport(
  table: AssessmentTable,
  id: OfferingId,
  urns: readonly string[],
): OfferingReport {
  const offering = table[id];
  const seals = sealsOf(offering);
  return {
    id,
    name: offering.name,
    operator: offering.operator,
    country: offering.country,
    seal: overallSeal(seals),
    score: sovereigntyScore(seals),
    resources: urns.length,
    objectives: offering.levels,
  };
}

function workloadReport(
  w: StackAssurance["workloads"][number],
  sealsById: ReadonlyMap<OfferingId, SealByObjective>,
): WorkloadReport {
  const ranked = [...w.offerings].sort((a, b) => {
    const sa = sealsById.get(a);
    const sb = sealsById.get(b);
    return (sa && sb ? weaker(sa, sb) : 0) || a.localeCompare(b);
  });
  const weakest = ranked[0] ?? null;
  const seals = weakest === null ? undefined : sealsById.get(weakest);
  return {
    workload: w.workload,
    classification: w.classification,
    weakest,
    seal: seals ? overallSeal(seals) : null,
    offerings: w.offerings,
  };
}

export function sovereigntyReport(
  stack: StackAssurance,
  table: AssessmentTable,
): SovereigntyReport {
  const sealsById = new Map<OfferingId, SealByObjective>(
    [...stack.offerings.keys()].map((id) => [id, sealsOf(table[id])]),
  );
  for (const w of stack.workloads)
    for (const id of w.offerings) if (!sealsById.has(id)) sealsById.set(id, sealsOf(table[id]));
  const weakest = weakestByObjective([...stack.offerings.keys()].map((id) => sealsOf(table[id])));
  const offerings = [...stack.offerings]
    .map(([id, urns]) => offeringReport(table, id, urns))
    .sort((a, b) => a.seal - b.seal || a.score - b.score || a.id.localeCompare(b.id));
  return {
    framework: {
      name: FRAMEWORK.name,
      version: FRAMEWORK.version,
      published: FRAMEWORK.published,
      url: FRAMEWORK.url,
    },
    seal: weakest ? overallSeal(weakest) : null,
    score: weakest ? sovereigntyScore(weakest) : null,
    objectives: weakest
      ? Object.fromEntries(
          OBJECTIVE_IDS.map((id) => [
            id,
            { seal: weakest[id], score: objectiveScore(weakest[id]) },
          ]),
        )
      : {},
    offerings,
    workloads: stack.workloads.map((w) => workloadReport(w, sealsById)),
    undetected: stack.undetected,
  };
}
