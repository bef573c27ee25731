/**
 * The fleet exit report: per workload, the capacity each vendor carries and what remains after losing each one,
 * and where every target's data is copied. Pure: recorded resources (or policy resources) in, a report out, built
 * from the same facts the `diversification` pack judges (domain/fleet-facts.ts). `fleetReportMarkdown` renders
 * it as tables a security officer can read.
 */
import {
  capacityByVendor,
  countriesOf,
  lossAnalysis,
  type VendorCapacity,
  type VendorLoss,
} from "../../domain/fleet-math";
import {
  capacityRowsByWorkload,
  copyJobsOf,
  fleetsOf,
  deploymentsOf,
  type CopyJob,
  type FleetRules,
  type ResourceView,
} from "../../domain/fleet-facts";
import type { Survival } from "../../domain/survival";
import { survivalMarkdown } from "./survival";

export interface WorkloadExit {
  readonly workload: string;
  /** Replicas the Deployments carry, placed ones only. */
  readonly replicas: number;
  /** Replicas the workload must keep after losing any one vendor. */
  readonly required: number;
  readonly countries: readonly string[];
  /** Largest first. */
  readonly vendors: readonly VendorCapacity[];
  /** One entry per vendor in `vendors`, same order. */
  readonly afterLoss: readonly VendorLoss[];
  /** Replicas of Deployments without vendor or country labels: counted nowhere. */
  readonly unplacedReplicas: number;
}

export interface FleetExit {
  readonly urn: string;
  readonly name: string;
  /** Undefined when the fleet's rules could not be read; `problem` says why. */
  readonly rules?: Pick<FleetRules, "minVendors" | "minJurisdictions" | "maxVendorSharePercent">;
  readonly problem?: string;
  readonly workloads: readonly WorkloadExit[];
  readonly copies: readonly CopyJob[];
  /** Data services with no running cross-vendor copy, as `kind of target (vendor)`. */
  readonly uncopied: readonly string[];
}

export interface FleetReport {
  readonly fleets: readonly FleetExit[];
}

const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** Builds the exit report of every fleet among `resources`; no fleet gives `{ fleets: [] }`. */
export function fleetReport(resources: readonly ResourceView[]): FleetReport {
  const copies = copyJobsOf(resources);
  const fleets = fleetsOf(resources).map((declared): FleetExit => {
    const base = { urn: declared.urn, name: nameOf(declared.urn), copies };
    if (declared.rules === undefined)
      return { ...base, problem: declared.problem, workloads: [], uncopied: [] };
    const { rules } = declared;
    const deployments = deploymentsOf(
      resources,
      rules.workloads.map((w) => w.name),
    );
    // Replicas per workload, placed or not, summed in one pass rather than one scan per workload.
    const replicasOf = new Map<string, number>();
    for (const d of deployments)
      replicasOf.set(d.workload, (replicasOf.get(d.workload) ?? 0) + d.replicas);
    const rowsOf = capacityRowsByWorkload(deployments);
    const workloads = rules.workloads.map((w): WorkloadExit => {
      const rows = rowsOf.get(w.name) ?? [];
      const vendors = capacityByVendor(rows);
      const all = replicasOf.get(w.name) ?? 0;
      const placed = rows.reduce((sum, r) => sum + r.replicas, 0);
      return {
        workload: w.name,
        replicas: placed,
        required: w.required,
        countries: countriesOf(rows),
        vendors,
        afterLoss: lossAnalysis(vendors, w.required),
        unplacedReplicas: all - placed,
      };
    });
    const uncopied = rules.stateful
      .filter(
        (s) =>
          !copies.some(
            (c) =>
              c.kind === s.kind &&
              c.source === s.target &&
              !c.suspended &&
              c.destinationVendor !== undefined &&
              c.destinationVendor !== s.vendor,
          ),
      )
      .map((s) => `${s.kind} of ${s.target} (${s.vendor})`);
    const { minVendors, minJurisdictions, maxVendorSharePercent } = rules;
    return {
      ...base,
      rules: { minVendors, minJurisdictions, maxVendorSharePercent },
      workloads,
      uncopied,
    };
  });
  return { fleets };
}

const count = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;
const pct = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)} %`;
const DATA_WORDS = { objects: "bucket", database: "database (pg_dump)" } as const;

function workloadMarkdown(w: WorkloadExit, rules: NonNullable<FleetExit["rules"]>): string[] {
  const lines = [
    `### Workload \`${w.workload}\``,
    "",
    `${count(w.replicas, "replica")} on ${count(w.vendors.length, "vendor")} in ${count(w.countries.length, "country", "countries")}` +
      `${w.countries.length > 0 ? ` (${w.countries.join(", ")})` : ""}; ` +
      `it must keep ${w.required} after losing any one vendor.`,
    "",
    "| Vendor | Countries | Replicas | Share | If this vendor is lost | Verdict |",
    "|---|---|---:|---:|---:|---|",
  ];
  w.vendors.forEach((v, i) => {
    const loss = w.afterLoss[i];
    const remains = loss ? `${loss.remaining} of ${loss.required} remain` : "-";
    const verdicts = [
      loss && loss.missing > 0 ? `**short by ${loss.missing}**` : "still serves",
      v.sharePercent > rules.maxVendorSharePercent
        ? `**above ${pct(rules.maxVendorSharePercent)} cap**`
        : undefined,
    ].filter((x): x is string => x !== undefined);
    lines.push(
      `| ${v.vendor} | ${v.countries.join(", ")} | ${v.replicas} | ${pct(v.sharePercent)} | ${remains} | ${verdicts.join("; ")} |`,
    );
  });
  if (w.vendors.length === 0) lines.push("| (none) | | 0 | | | **no placed replicas** |");
  if (w.unplacedReplicas > 0)
    lines.push(
      "",
      `${count(w.unplacedReplicas, "replica")} run in Deployments without vendor or country labels and count nowhere.`,
    );
  return [...lines, ""];
}

function copiesMarkdown(f: FleetExit): string[] {
  const lines = ["### Data copies", ""];
  if (f.copies.length === 0) lines.push("No replication CronJob in this stack.", "");
  else {
    lines.push("| Data | From | To | State |", "|---|---|---|---|");
    // One kind of data after the other, each in the order the program declared its copies.
    const kinds = Object.keys(DATA_WORDS);
    const grouped = [...f.copies].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
    for (const c of grouped) {
      lines.push(
        `| ${DATA_WORDS[c.kind]} | ${c.source ?? "?"} (${c.sourceVendor ?? "?"}) | ${c.destination ?? "?"} (${c.destinationVendor ?? "?"}) | ${c.suspended ? "**suspended**" : "scheduled"} |`,
      );
    }
    lines.push("");
  }
  if (f.uncopied.length > 0)
    lines.push(`**Without a copy at another vendor:** ${f.uncopied.join("; ")}.`, "");
  return lines;
}

/** The report as Markdown: one section per fleet, one table per workload, one table of data copies; "" without fleets. */
export function fleetReportMarkdown(report: FleetReport): string {
  return report.fleets
    .flatMap((f) => {
      const head = [`## Fleet exit report: \`${f.name}\``, ""];
      const rules = f.rules;
      if (!rules)
        return [
          ...head,
          `The fleet's rules could not be read: ${f.problem ?? "unknown reason"}.`,
          "",
        ];
      const summary =
        `Rules: each workload on at least ${count(rules.minVendors, "vendor")} and ${count(rules.minJurisdictions, "country", "countries")}, ` +
        `no vendor above ${pct(rules.maxVendorSharePercent)} of a workload, and its required replicas kept after losing any one vendor.`;
      return [
        ...head,
        summary,
        "",
        ...f.workloads.flatMap((w) => workloadMarkdown(w, rules)),
        ...copiesMarkdown(f),
      ];
    })
    .join("\n");
}

/** Key of the exit report in `CheckReport.sections`. */
export const FLEET_SECTION = "fleet";

/**
 * Markdown of the `sections.fleet` a check report carries (set it with `fleetReport(recording.resources)`); ""
 * when the report has none. Fits `SECTION_RENDERERS` in cli/format/markdown-sections.ts.
 */
export function fleetSectionMarkdown(report: {
  readonly sections?: Readonly<Record<string, unknown>>;
  readonly survival?: readonly Survival[];
}): string {
  const section = report.sections?.[FLEET_SECTION] as FleetReport | undefined;
  if (!section || !Array.isArray(section.fleets)) return "";
  return [fleetReportMarkdown(section), survivalMarkdown(report.survival)]
    .filter((part) => part !== "")
    .join("\n");
}
