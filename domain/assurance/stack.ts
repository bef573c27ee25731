/**
 * What a stack relies on, offering by offering, and what each offering must reach: the facts both the
 * `seal-enforce-minimum` policy and the reports read. Workloads are the `sovereign:workload:Workload` components,
 * whose inputs name their vendor and data classification; any other program gets the pack's default class.
 */
import {
  DEFAULT_CLASSIFICATION,
  OBJECTIVE_IDS,
  type Classification,
  type Minimums,
  type ObjectiveId,
  type Seal,
} from "../../config/catalog/assurance";
import type { OfferingId } from "../../config/catalog/assurance-offerings";
import { CLASSIFICATIONS } from "../../config/catalog/assurance";
import { WORKLOAD_TYPE } from "../tokens";
import { defaultOfferingOf, detectOffering, type OfferingSubject } from "./detect";
import type { AssessmentTable, JudgedLevel } from "./assessments";
import { minimumsFor, strictest, type SealRequirements } from "./requirements";

export interface AssuranceResource extends OfferingSubject {
  readonly urn: string;
  /** The inputs of the resource's provider (explicit or default). */
  readonly provider?: Readonly<Record<string, unknown>>;
  /** Where a Kubernetes object runs, when the caller could place it. */
  readonly placedVendor?: string;
}

export interface WorkloadUse {
  readonly workload: string;
  readonly classification: Classification;
  readonly offerings: readonly OfferingId[];
}

export interface StackAssurance {
  /** Each offering relied on, with the URNs relying on it, in first-seen order. */
  readonly offerings: ReadonlyMap<OfferingId, readonly string[]>;
  /** Resources whose offering cannot be told (fail closed). */
  readonly undetected: readonly { readonly urn: string; readonly reason: string }[];
  /** Resources whose deciding input is unknown during preview. */
  readonly deferred: readonly { readonly urn: string; readonly input: string }[];
  readonly workloads: readonly WorkloadUse[];
}

const isClassification = (v: unknown): v is Classification =>
  typeof v === "string" && (CLASSIFICATIONS as readonly string[]).includes(v);

function workloadsOf(resources: readonly AssuranceResource[]): WorkloadUse[] {
  const byName = new Map<string, { classes: Classification[]; offerings: Set<OfferingId> }>();
  for (const r of resources) {
    if (r.type !== WORKLOAD_TYPE || typeof r.inputs.name !== "string") continue;
    const entry = byName.get(r.inputs.name) ?? { classes: [], offerings: new Set<OfferingId>() };
    entry.classes.push(
      isClassification(r.inputs.classification) ? r.inputs.classification : DEFAULT_CLASSIFICATION,
    );
    const offering = defaultOfferingOf(
      typeof r.inputs.vendor === "string" ? r.inputs.vendor : undefined,
    );
    if (offering) entry.offerings.add(offering);
    byName.set(r.inputs.name, entry);
  }
  return [...byName].map(([workload, e]) => ({
    workload,
    // Instances of one workload share its declaration; the strictest wins should they differ.
    classification:
      CLASSIFICATIONS[Math.max(...e.classes.map((c) => CLASSIFICATIONS.indexOf(c)))] ??
      DEFAULT_CLASSIFICATION,
    offerings: [...e.offerings],
  }));
}

/** The offerings `resources` rely on; `isUnknown` tells values the engine does not know yet. */
export function stackAssurance(
  resources: readonly AssuranceResource[],
  isUnknown: (value: unknown) => boolean,
): StackAssurance {
  const offerings = new Map<OfferingId, string[]>();
  const undetected: { urn: string; reason: string }[] = [];
  const deferred: { urn: string; input: string }[] = [];
  const add = (offering: OfferingId, urn: string) => {
    const urns = offerings.get(offering) ?? [];
    urns.push(urn);
    offerings.set(offering, urns);
  };
  for (const r of resources) {
    // A workload relies on the offering of the target its component names, whatever placed its objects.
    const workloadOffering =
      r.type === WORKLOAD_TYPE && typeof r.inputs.vendor === "string"
        ? defaultOfferingOf(r.inputs.vendor)
        : undefined;
    if (workloadOffering) add(workloadOffering, r.urn);
    const found = detectOffering(r, {
      isUnknown,
      ...(r.provider ? { provider: r.provider } : {}),
      ...(r.placedVendor ? { placedVendor: r.placedVendor } : {}),
    });
    if (found.kind === "offering") add(found.offering, r.urn);
    else if (found.kind === "unknown") undetected.push({ urn: r.urn, reason: found.reason });
    else if (found.kind === "deferred") deferred.push({ urn: r.urn, input: found.input });
  }
  return { offerings, undetected, deferred, workloads: workloadsOf(resources) };
}

/** Per offering relied on, the minimum it must reach: the strictest class of the workloads on it. */
export function requiredLevels(
  stack: StackAssurance,
  req: SealRequirements,
): Map<OfferingId, Minimums> {
  const required = new Map<OfferingId, Minimums>();
  for (const offering of stack.offerings.keys()) {
    const classes = stack.workloads
      .filter((w) => w.offerings.includes(offering))
      .map((w) => w.classification);
    const applied = classes.length > 0 ? classes : [req.defaultClassification];
    required.set(offering, strictest(applied.map((c) => minimumsFor(c, req))));
  }
  return required;
}

export interface Shortfall {
  readonly offering: OfferingId;
  readonly objective: ObjectiveId;
  readonly found: JudgedLevel;
  readonly required: Seal;
  /** The first resource relying on the offering, for the violation's URN. */
  readonly urn: string;
}

/** Every objective where an offering the stack relies on is below its minimum. */
export function shortfalls(
  stack: StackAssurance,
  table: AssessmentTable,
  req: SealRequirements,
): Shortfall[] {
  const required = requiredLevels(stack, req);
  return [...stack.offerings].flatMap(([offering, urns]) =>
    OBJECTIVE_IDS.flatMap((objective) => {
      const min = required.get(offering)?.[objective] ?? 0;
      const found = table[offering].levels[objective];
      return found.seal < min
        ? [{ offering, objective, found, required: min as Seal, urn: urns[0] ?? "" }]
        : [];
    }),
  );
}
