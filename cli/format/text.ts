/**
 * `--format text`: the plan grouped by vendor and region, then the violations with the resource they concern,
 * then what the engine assumed or could not answer, and one result line.
 */
import type { CheckReport, PlannedResource, ReportedViolation } from "../engine/report";
import type { FormatContext } from "./context";
import { redactDeep } from "../engine/redact";
import { survivalText } from "../report/survival";
import { sovereigntyTextLines } from "./sovereignty";

/** Groups printed after the placed vendors, in this order. */
const TRAILING_GROUPS = ["unknown", "component", "neutral"];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function groupName(r: PlannedResource): string {
  if (r.region === null) return r.country ? `${r.vendor} (${r.country})` : r.vendor;
  return `${r.vendor} · ${r.region}${r.country ? ` (${r.country})` : ""}`;
}

function groupRank(vendor: string): number {
  const i = TRAILING_GROUPS.indexOf(vendor);
  return i < 0 ? 0 : i + 1;
}

function planSection(resources: readonly PlannedResource[]): string[] {
  const groups = new Map<string, PlannedResource[]>();
  for (const r of resources) {
    const name = groupName(r);
    const list = groups.get(name) ?? [];
    list.push(r);
    groups.set(name, list);
  }
  const ordered = [...groups.entries()].sort(([a, ra], [b, rb]) => {
    const rank = groupRank(ra[0]?.vendor ?? "") - groupRank(rb[0]?.vendor ?? "");
    // Code-point order: the same on every machine, whatever its locale.
    return rank !== 0 ? rank : a < b ? -1 : a > b ? 1 : 0;
  });
  const width = Math.min(60, Math.max(0, ...resources.map((r) => r.type.length)));
  return ordered.flatMap(([name, list]) => [
    `  ${name} — ${plural(list.length, "resource")}`,
    ...list.map((r) => `    ${r.type.padEnd(width)}  ${r.name}${r.protect ? "  [protected]" : ""}`),
  ]);
}

function violationLines(
  v: ReportedViolation,
  byUrn: ReadonlyMap<string, PlannedResource>,
): string[] {
  const mark = v.enforcementLevel === "mandatory" ? "✗" : "!";
  const target =
    v.urn === null
      ? "stack"
      : (() => {
          const r = byUrn.get(v.urn);
          return r ? `${r.type} ${r.name}` : v.urn;
        })();
  return [
    `  ${mark} ${v.enforcementLevel.padEnd(9)} ${v.pack} / ${v.policy}`,
    `      ${target}`,
    ...v.message.split("\n").map((line) => `      ${line}`),
  ];
}

function listSection(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : ["", title, ...items.map((i) => `  - ${i}`)];
}

export function renderText(raw: CheckReport, ctx: FormatContext = {}): string {
  const report = redactDeep(raw, ctx.secrets ?? []);
  const byUrn = new Map(report.resources.map((r) => [r.urn, r]));
  const packs = [...new Set(report.policies.map((p) => p.pack))];
  const { resources, mandatory, advisory } = report.summary;
  const lines = [
    `sovereign check · project ${report.project} · stack ${report.stack}`,
    `${plural(resources, "resource")} · packs: ${packs.length > 0 ? packs.join(", ") : "none"}`,
    "",
    "Plan (by vendor and region)",
    ...planSection(report.resources),
    "",
    `Violations (${mandatory} mandatory, ${advisory} advisory)`,
    ...(report.violations.length === 0
      ? ["  none"]
      : report.violations.flatMap((v) => violationLines(v, byUrn))),
    ...survivalText(report.survival),
    ...listSection(
      "Exemptions in use",
      report.exemptions.map(
        (e) =>
          `${e.policy} on ${e.resource}: ${e.reason} (owner ${e.owner}, ${e.expired ? "EXPIRED" : "expires"} ${e.expires})`,
      ),
    ),
    ...listSection(
      "Config assumed (--assume-config)",
      report.assumedConfig.map((k) => `${k}: filled with a placeholder`),
    ),
    ...listSection(
      "Invokes without a canned answer (their results were empty)",
      report.unansweredInvokes,
    ),
    ...listSection("Notes", report.notes ?? []),
    ...sovereigntyTextLines(report),
    "",
    mandatory > 0
      ? `Result: FAIL — ${plural(mandatory, "mandatory violation")}, ${advisory} advisory`
      : `Result: PASS — no mandatory violation, ${advisory} advisory`,
  ];
  return `${lines.join("\n")}\n`;
}
