/**
 * The minimum SEAL an offering must reach, per objective, for the data it holds. Each workload declares a data
 * classification; the defaults get stricter with the class; a pack config raises or changes them. What no workload
 * claims is judged at `defaultClassification`.
 */
import { z } from "zod";
import {
  CLASSIFICATIONS,
  DEFAULT_CLASSIFICATION,
  DEFAULT_MINIMUMS,
  OBJECTIVE_IDS,
  SEAL_LEVELS,
  type Classification,
  type Minimums,
  type Seal,
} from "../../config/catalog/assurance";

/** A SEAL level in a config or assessment file: an integer 0 to 4. */
export const sealSchema = z
  .number()
  .int()
  .refine(
    (n): n is Seal => (SEAL_LEVELS as readonly number[]).includes(n),
    "must be 0, 1, 2, 3 or 4",
  );
const minimums = z.partialRecord(z.enum(OBJECTIVE_IDS), sealSchema);

export const sealRequirementsSchema = z
  .object({
    minimum: minimums.default({}),
    byClassification: z.partialRecord(z.enum(CLASSIFICATIONS), minimums).default({}),
    defaultClassification: z.enum(CLASSIFICATIONS).default(DEFAULT_CLASSIFICATION),
  })
  .strict();
export type SealRequirements = z.output<typeof sealRequirementsSchema>;

/** The pack config's settings, or the list of problems as `key.path: message`. */
export function parseSealRequirements(
  raw: unknown,
): { ok: true; value: SealRequirements } | { ok: false; problems: string[] } {
  const result = sealRequirementsSchema.safeParse(raw ?? {});
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map(describeIssue) };
}

const TOP_KEYS = ["minimum", "byClassification", "defaultClassification"];

/** The keys allowed in the object at `path`. */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return TOP_KEYS;
  return path[0] === "byClassification" && path.length === 1 ? CLASSIFICATIONS : OBJECTIVE_IDS;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  if (issue.code !== "unrecognized_keys") return `${at}${issue.message}`;
  const keys = issue.keys.map((k) => `'${k}'`).join(", ");
  return `${at}unknown key ${keys}; use ${keysAt(issue.path).join(", ")}`;
}

/** The minimum per objective for `classification`: the class's level, raised to the pack-wide `minimum`. */
export function minimumsFor(classification: Classification, req: SealRequirements): Minimums {
  const byClass = { ...DEFAULT_MINIMUMS[classification], ...req.byClassification[classification] };
  return Object.fromEntries(
    OBJECTIVE_IDS.flatMap((id) => {
      const level = Math.max(byClass[id] ?? 0, req.minimum[id] ?? 0);
      return level > 0 ? [[id, level]] : [];
    }),
  ) as Minimums;
}

/** The strictest minimum per objective over several classes. */
export function strictest(all: readonly Minimums[]): Minimums {
  return Object.fromEntries(
    OBJECTIVE_IDS.flatMap((id) => {
      const level = Math.max(0, ...all.map((m) => m[id] ?? 0));
      return level > 0 ? [[id, level]] : [];
    }),
  ) as Minimums;
}
