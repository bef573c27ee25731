/**
 * The European Commission's Cloud Sovereignty Framework as data: its eight sovereignty objectives with their
 * published weights, and its five Sovereignty Effectiveness Assurance Levels (SEAL). Per-offering levels are in
 * assurance-offerings.ts; docs/sovereignty.md explains how both are read.
 */

export const FRAMEWORK = {
  name: "EU Cloud Sovereignty Framework",
  publisher: "European Commission, DG DIGIT",
  version: "1.2.1",
  published: "2025-10",
  url: "https://commission.europa.eu/document/download/09579818-64a6-4dd5-9577-446ab6219113_en",
  /**
   * Where the weights below were read: MISP taxonomy `sov` (machinetag.json, derived from the framework, refs the
   * Commission URL above), checked against secondary sources quoting the same percentages.
   */
  weightsSource:
    "https://github.com/MISP/misp-taxonomies/blob/7591c551cce82552b9b21773e05f4a50bccfdfac/sov/machinetag.json",
} as const;

export const OBJECTIVE_IDS = [
  "SOV-1",
  "SOV-2",
  "SOV-3",
  "SOV-4",
  "SOV-5",
  "SOV-6",
  "SOV-7",
  "SOV-8",
] as const;
export type ObjectiveId = (typeof OBJECTIVE_IDS)[number];

export interface Objective {
  readonly name: string;
  /** Weight in the sovereignty score, in percent; the eight sum to 100. */
  readonly weight: number;
}

export const OBJECTIVES: Readonly<Record<ObjectiveId, Objective>> = {
  "SOV-1": { name: "Strategic sovereignty", weight: 15 },
  "SOV-2": { name: "Legal and jurisdictional sovereignty", weight: 10 },
  "SOV-3": { name: "Data and AI sovereignty", weight: 10 },
  "SOV-4": { name: "Operational sovereignty", weight: 15 },
  "SOV-5": { name: "Supply chain sovereignty", weight: 20 },
  "SOV-6": { name: "Technology sovereignty", weight: 15 },
  "SOV-7": { name: "Security and compliance sovereignty", weight: 10 },
  "SOV-8": { name: "Environmental sustainability", weight: 5 },
};

export const SEAL_LEVELS = [0, 1, 2, 3, 4] as const;
export type Seal = (typeof SEAL_LEVELS)[number];

/** The framework's names of the levels. */
export const SEAL_NAMES: Readonly<Record<Seal, string>> = {
  0: "No sovereignty",
  1: "Jurisdictional sovereignty",
  2: "Data sovereignty",
  3: "Digital resilience",
  4: "Full digital sovereignty",
};

/** Data classifications a workload declares (`sovereign:workloads[].classification`). */
export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** A minimum SEAL per objective; an objective left out has none. */
export type Minimums = Readonly<Partial<Record<ObjectiveId, Seal>>>;

/** The defaults per class (docs/sovereignty.md gives the reasons). */
export const DEFAULT_MINIMUMS: Readonly<Record<Classification, Minimums>> = {
  public: {},
  internal: { "SOV-2": 2, "SOV-3": 2 },
  confidential: { "SOV-1": 2, "SOV-2": 3, "SOV-3": 3, "SOV-4": 2, "SOV-7": 2 },
  restricted: { "SOV-1": 3, "SOV-2": 4, "SOV-3": 3, "SOV-4": 3, "SOV-5": 2, "SOV-7": 3 },
};

/** The class of a workload that declares none. */
export const DEFAULT_CLASSIFICATION: Classification = "internal";

export function isObjectiveId(id: string): id is ObjectiveId {
  return (OBJECTIVE_IDS as readonly string[]).includes(id);
}
