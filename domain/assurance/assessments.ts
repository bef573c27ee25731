/**
 * The assessment table policies and reports judge by: the toolkit's catalog (config/catalog/assurance-offerings.ts)
 * with a team's own levels laid over it. A team file names the offering, the objective, its level, why, its
 * source and when it was assessed, so an override is as traceable as the catalog entry it replaces.
 */
import { z } from "zod";
import { OBJECTIVE_IDS, type ObjectiveId, type Seal } from "../../config/catalog/assurance";
import {
  OFFERING_IDS,
  OFFERINGS,
  type LevelAssessment,
  type Offering,
  type OfferingId,
} from "../../config/catalog/assurance-offerings";
import { isoDate } from "../../config/iso-date";
import { sealSchema } from "./requirements";
import type { SealByObjective } from "./score";

const levelSchema = z
  .object({
    seal: sealSchema,
    rationale: z.string().min(1),
    source: z
      .object({ title: z.string().min(1), url: z.string().min(1), published: z.string().min(1) })
      .strict(),
    assessed: isoDate,
  })
  .strict();

const objectiveLevels = z
  .partialRecord(z.enum(OBJECTIVE_IDS), levelSchema)
  .refine((o) => Object.keys(o).length > 0, "must assess at least one objective");

export const assessmentFileSchema = z
  .object({
    /** Who made these assessments (team, role). */
    assessor: z.string().min(1),
    offerings: z.partialRecord(
      z.enum(OFFERING_IDS as [OfferingId, ...OfferingId[]]),
      objectiveLevels,
    ),
  })
  .strict();
export type AssessmentFile = z.output<typeof assessmentFileSchema>;

/** A level as judged: the catalog's or a team's. */
export interface JudgedLevel extends LevelAssessment {
  /** `toolkit` for the catalog, else the assessor named in the team's file. */
  readonly assessedBy: string;
}

export interface AssessedOffering extends Omit<Offering, "levels"> {
  readonly id: OfferingId;
  readonly levels: Readonly<Record<ObjectiveId, JudgedLevel>>;
}

export type AssessmentTable = Readonly<Record<OfferingId, AssessedOffering>>;

/** The team file's content, or an error naming the file, each bad key path and what is wrong. */
export function parseAssessmentFile(raw: unknown, source: string): AssessmentFile {
  const result = assessmentFileSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `[${i.path.join(".")}] ${i.message}`);
  throw new Error(`${source} is not a valid assessment file: ${problems.join("; ")}`);
}

/** The catalog with `team`'s levels laid over it. */
export function assessmentTable(team?: AssessmentFile): AssessmentTable {
  const entries = OFFERING_IDS.map((id): [OfferingId, AssessedOffering] => {
    const offering: Offering = OFFERINGS[id];
    const overrides = team?.offerings[id] ?? {};
    const levels = Object.fromEntries(
      OBJECTIVE_IDS.map((objective) => {
        const own = overrides[objective];
        const level: JudgedLevel = own
          ? { ...own, assessedBy: team?.assessor ?? "team" }
          : { ...offering.levels[objective], assessedBy: "toolkit" };
        return [objective, level];
      }),
    ) as Record<ObjectiveId, JudgedLevel>;
    return [id, { ...offering, id, levels }];
  });
  return Object.fromEntries(entries) as Record<OfferingId, AssessedOffering>;
}

/** The SEAL per objective of an assessed offering. */
export function sealsOf(offering: AssessedOffering): SealByObjective {
  return Object.fromEntries(OBJECTIVE_IDS.map((id) => [id, offering.levels[id].seal])) as Record<
    ObjectiveId,
    Seal
  >;
}
