/**
 * What a fleet looks like from the outside, read back from a stack's resources: the rules the `sovereign:fleet:Fleet`
 * component registers, the capacity its Deployments actually carry, and the copies its CronJobs actually make.
 * Pure, and shared by the `diversification` pack and the exit report, so both judge the same facts.
 */
import { z } from "zod";
import { LABEL } from "./labels";
import { isRecord, propsOf, type DependencyResource } from "./dependencies/resources";

/** Component type token (frozen: changing it replaces the fleet and blinds the pack). */
export const FLEET_TYPE = "sovereign:fleet:Fleet";

/** Labels the fleet puts on its replication CronJobs, next to the placement labels of domain/labels.ts. */
export const FLEET_LABEL = {
  /** What the job copies: a `CopyKind`. */
  copyOf: "sovereign.eu/copy-of",
  copyToTarget: "sovereign.eu/copy-to-target",
  copyToVendor: "sovereign.eu/copy-to-vendor",
} as const;

export const CopyKind = { objects: "objects", database: "database" } as const;
export type CopyKind = (typeof CopyKind)[keyof typeof CopyKind];

const copyKind = z.enum(CopyKind);

/** The rules the Fleet component registers (args and outputs, key `fleet`). */
export const fleetRulesSchema = z.object({
  minVendors: z.number().int().min(1),
  minJurisdictions: z.number().int().min(1),
  maxVendorSharePercent: z.number().min(0).max(100),
  workloads: z.array(
    z.object({
      name: z.string(),
      replicas: z.number().int().min(0),
      required: z.number().int().min(0),
    }),
  ),
  /** Every data service of a target (its bucket, its database) that must have a copy at another vendor. */
  stateful: z.array(z.object({ target: z.string(), vendor: z.string(), kind: copyKind })),
  dns: z.object({
    service: z.string(),
    zone: z.string(),
    routing: z.string(),
    /** More DNS services of other vendors serving the same zone (absent in states written before it). */
    alsoServedBy: z.array(z.object({ service: z.string(), routing: z.string() })).optional(),
  }),
});
export type FleetRules = z.infer<typeof fleetRulesSchema>;

/** The least a resource must carry to be read here: a policy's `PolicyResource` or a recorded resource. */
export type ResourceView = DependencyResource;

export type FleetDeclaration =
  | { readonly urn: string; readonly rules: FleetRules }
  | { readonly urn: string; readonly rules?: undefined; readonly problem: string };

const at = (obj: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), obj);
const stringAt = (obj: unknown, ...path: string[]): string | undefined => {
  const v = at(obj, ...path);
  return typeof v === "string" && v !== "" ? v : undefined;
};

type Outcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };
interface Memo {
  /** The list's elements when the results were computed: any change to the list starts afresh. */
  readonly items: readonly unknown[];
  readonly results: Map<string, Outcome>;
}
const memos = new WeakMap<readonly unknown[], Memo>();

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `compute()` once per list and key: the five fleet policies and the exit report each read the same facts from
 * the same resource list, which would otherwise be scanned (through CrossGuard's props proxies) once per reader.
 * A throw (a value unknown during preview) is remembered and thrown again to every reader, as recomputing would.
 */
function memoized<T>(list: readonly unknown[], key: string, compute: () => T): T {
  let memo = memos.get(list);
  if (memo === undefined || !sameItems(memo.items, list)) {
    memo = { items: [...list], results: new Map() };
    memos.set(list, memo);
  }
  let outcome = memo.results.get(key);
  if (outcome === undefined) {
    try {
      outcome = { ok: true, value: compute() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    memo.results.set(key, outcome);
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value as T;
}

/** Every Fleet component of the stack with its rules, or the reason its rules cannot be read. */
export function fleetsOf(resources: readonly ResourceView[]): FleetDeclaration[] {
  return memoized(resources, "fleets", () => readFleets(resources));
}

function readFleets(resources: readonly ResourceView[]): FleetDeclaration[] {
  return resources
    .filter((r) => r.type === FLEET_TYPE)
    .map((r) => {
      const parsed = fleetRulesSchema.safeParse(propsOf(r).fleet);
      if (parsed.success) return { urn: r.urn, rules: parsed.data };
      const first = parsed.error.issues[0];
      const where = first
        ? `${["fleet", ...first.path.map(String)].join(".")}: ${first.message}`
        : "fleet: missing";
      return {
        urn: r.urn,
        problem: `${FLEET_TYPE} ${r.name ?? r.urn} registers no readable rules (${where})`,
      };
    });
}

/** One Deployment of a fleet workload, placed by its labels; vendor or country undefined when a label is missing. */
export interface DeploymentCapacity {
  readonly urn: string;
  readonly name: string;
  readonly workload: string;
  readonly target?: string;
  readonly vendor?: string;
  readonly country?: string;
  /** `spec.replicas`, or 1 (the Kubernetes default) when the Deployment leaves it out. */
  readonly replicas: number;
}

const DEPLOYMENT_TYPE = "kubernetes:apps/v1:Deployment";

/** The Deployments whose `app.kubernetes.io/name` is one of `workloads`, with the capacity their labels place. */
export function deploymentsOf(
  resources: readonly ResourceView[],
  workloads: readonly string[],
): DeploymentCapacity[] {
  const key = `deployments\u0000${workloads.join("\u0000")}`;
  return memoized(resources, key, () => readDeployments(resources, new Set(workloads)));
}

function readDeployments(
  resources: readonly ResourceView[],
  workloads: ReadonlySet<string>,
): DeploymentCapacity[] {
  return resources.flatMap((r) => {
    if (r.type !== DEPLOYMENT_TYPE) return [];
    const props = propsOf(r);
    // Object labels first; the pod template's labels stand in for a missing key.
    const labels = {
      ...asLabels(at(props, "spec", "template", "metadata", "labels")),
      ...asLabels(at(props, "metadata", "labels")),
    };
    const workload = labels[LABEL.name];
    if (workload === undefined || !workloads.has(workload)) return [];
    const replicas = at(props, "spec", "replicas");
    return [
      {
        urn: r.urn,
        name: r.name ?? stringAt(props, "metadata", "name") ?? r.urn,
        workload,
        target: labels[LABEL.target],
        vendor: labels[LABEL.vendor],
        country: labels[LABEL.country],
        replicas: typeof replicas === "number" ? replicas : 1,
      },
    ];
  });
}

function asLabels(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  return Object.fromEntries(
    Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
}

/** A replication CronJob, as its labels describe it. */
export interface CopyJob {
  readonly urn: string;
  readonly kind: CopyKind;
  readonly source?: string;
  readonly sourceVendor?: string;
  readonly destination?: string;
  readonly destinationVendor?: string;
  /** `spec.suspend`: a suspended job copies nothing. */
  readonly suspended: boolean;
}

const CRONJOB_TYPES: readonly string[] = [
  "kubernetes:batch/v1:CronJob",
  "kubernetes:batch/v1beta1:CronJob",
];

/** Every CronJob carrying the fleet's `copy-of` label. */
export function copyJobsOf(resources: readonly ResourceView[]): CopyJob[] {
  return memoized(resources, "copy-jobs", () => readCopyJobs(resources));
}

function readCopyJobs(resources: readonly ResourceView[]): CopyJob[] {
  return resources.flatMap((r) => {
    if (!CRONJOB_TYPES.includes(r.type)) return [];
    const props = propsOf(r);
    const labels = asLabels(at(props, "metadata", "labels"));
    const kind = copyKind.safeParse(labels[FLEET_LABEL.copyOf]);
    if (!kind.success) return [];
    return [
      {
        urn: r.urn,
        kind: kind.data,
        source: labels[LABEL.target],
        sourceVendor: labels[LABEL.vendor],
        destination: labels[FLEET_LABEL.copyToTarget],
        destinationVendor: labels[FLEET_LABEL.copyToVendor],
        suspended: at(props, "spec", "suspend") === true,
      },
    ];
  });
}

/** Deployments that cannot be placed: no vendor or no country label. */
export function unplaced(deployments: readonly DeploymentCapacity[]): DeploymentCapacity[] {
  return deployments.filter((d) => d.vendor === undefined || d.country === undefined);
}

type CapacityRow = { vendor: string; country: string; replicas: number };

/**
 * The capacity rows of every workload from placed Deployments (unplaced capacity never counts: fail closed), in
 * one pass: readers asking about each workload in turn look it up here rather than scan every Deployment again.
 */
export function capacityRowsByWorkload(
  deployments: readonly DeploymentCapacity[],
): ReadonlyMap<string, CapacityRow[]> {
  const groups = new Map<string, CapacityRow[]>();
  for (const d of deployments) {
    if (d.vendor === undefined || d.country === undefined) continue;
    const rows = groups.get(d.workload) ?? [];
    rows.push({ vendor: d.vendor, country: d.country, replicas: d.replicas });
    groups.set(d.workload, rows);
  }
  return groups;
}

export interface JudgedFleet {
  readonly urn: string;
  readonly rules: FleetRules;
  readonly deployments: readonly DeploymentCapacity[];
  /** A workload's capacity rows (`capacityRowsByWorkload`), grouped once per fleet. */
  readonly rowsOf: (workload: string) => CapacityRow[];
}

/**
 * Calls `judge` for every readable fleet of the stack and `unreadable` for every fleet whose rules cannot be read
 * (fail closed). A stack without a Fleet component calls neither: per-provider stacks are not fleets.
 */
export function forEachFleet(
  resources: readonly ResourceView[],
  judge: (fleet: JudgedFleet) => void,
  unreadable: (problem: string, urn: string) => void,
): void {
  for (const declared of fleetsOf(resources)) {
    if (declared.rules === undefined) {
      unreadable(declared.problem, declared.urn);
      continue;
    }
    const deployments = deploymentsOf(
      resources,
      declared.rules.workloads.map((w) => w.name),
    );
    const rows = capacityRowsByWorkload(deployments);
    const rowsOf = (workload: string) => [...(rows.get(workload) ?? [])];
    judge({ urn: declared.urn, rules: declared.rules, deployments, rowsOf });
  }
}
