/**
 * Levels and scores under the Cloud Sovereignty Framework. An offering's overall SEAL is its weakest objective's;
 * a stack's level per objective is the weakest offering's it relies on. The framework scores each objective from
 * its questionnaire; without answers we score an objective as its SEAL over 4, and the sovereignty score as the
 * published weights applied to those (docs/sovereignty.md says what that does not prove).
 */
import {
  OBJECTIVE_IDS,
  OBJECTIVES,
  type ObjectiveId,
  type Seal,
} from "../../config/catalog/assurance";

export type SealByObjective = Readonly<Record<ObjectiveId, Seal>>;

/** The weakest objective's level. */
export function overallSeal(levels: SealByObjective): Seal {
  return Math.min(...OBJECTIVE_IDS.map((id) => levels[id])) as Seal;
}

/** One objective's score in percent: its SEAL over the top level. */
export function objectiveScore(seal: Seal): number {
  return (seal / 4) * 100;
}

/** The weighted sovereignty score in percent, one decimal. */
export function sovereigntyScore(levels: SealByObjective): number {
  const total = OBJECTIVE_IDS.reduce(
    (sum, id) => sum + OBJECTIVES[id].weight * objectiveScore(levels[id]),
    0,
  );
  return Math.round(total / 10) / 10;
}

/** Per objective, the weakest of `levels` (undefined when there are none). */
export function weakestByObjective(
  levels: readonly SealByObjective[],
): SealByObjective | undefined {
  if (levels.length === 0) return undefined;
  return Object.fromEntries(
    OBJECTIVE_IDS.map((id) => [id, Math.min(...levels.map((l) => l[id])) as Seal]),
  ) as Record<ObjectiveId, Seal>;
}

/** Orders offerings weakest first: overall SEAL, then score. */
export function weaker(a: SealByObjective, b: SealByObjective): number {
  return overallSeal(a) - overallSeal(b) || sovereigntyScore(a) - sovereigntyScore(b);
}
