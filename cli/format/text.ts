/**
 * `--format text`: summary first. The verdict, one line per vendor and place (resources, workloads' replicas),
 * the violations, what the engine assumed or could not answer, then the resources counted per package and kind;
 * each resource is listed only with `--verbose` or when the plan is short, so the output stays one screen for
 * ten resources and for sixty thousand.
 */
import type { CheckReport, PlannedResource, ReportedViolation } from "../engine/report";
import type { FormatContext } from "./context";
import { redactDeep } from "../engine/redact";
import { survivalText } from "../report/survival";
import { sovereigntyTextLines } from "./sovereignty";
import { toolchainTextLines } from "./toolchain";
import { placeKey } from "../engine/placement";
import { sortedViolations } from "./view";
import {
  byCodePoint,
  declaredText,
  placeName,
  replicasText,
  summarisePlaces,
  type PlaceSummary,
} from "./places";

/** Plans up to this many resources are listed in full without `--verbose`. */
export const FULL_LISTING_MAX = 40;

/** Violations printed in full without `--verbose`; the rest are counted per policy. */
export const VIOLATIONS_SHOWN = 25;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function summarySection(places: readonly PlaceSummary[]): string[] {
  const rows = places.map((p) => ({
    name: placeName(p),
    count: String(p.resources),
    basis: declaredText(p),
    replicas: replicasText(p.replicas),
  }));
  const nameWidth = Math.max(5, ...rows.map((r) => r.name.length));
  const countWidth = Math.max(9, ...rows.map((r) => r.count.length));
  const basisWidth = Math.max(0, ...rows.map((r) => r.basis.length));
  const line = (name: string, count: string, basis: string, replicas: string) =>
    [
      `  ${name.padEnd(nameWidth)}`,
      count.padStart(countWidth),
      ...(basisWidth > 0 ? [basis.padEnd(basisWidth)] : []),
      replicas,
    ]
      .join("  ")
      .trimEnd();
  return [
    line("Where", "resources", "", "replicas"),
    ...rows.map((r) => line(r.name, r.count, r.basis, r.replicas)),
    ...(rows.some((r) => r.basis !== "")
      ? [
          "  (declared: placed by the sovereign.eu/* labels the program sets, not by an observed region or API server)",
        ]
      : []),
  ];
}

/** Kinds named on a package's line before the rest are counted. */
const KINDS_SHOWN = 5;

const packageOf = (type: string) =>
  type.startsWith("pulumi:") ? "pulumi" : (type.split(":")[0] ?? type);
const kindOf = (type: string) => type.slice(type.lastIndexOf(":") + 1);

/** One line per package: its resource count and its most frequent kinds. */
function packageCounts(resources: readonly PlannedResource[]): string[] {
  const byPackage = new Map<string, Map<string, number>>();
  for (const r of resources) {
    const pkg = packageOf(r.type);
    const kinds = byPackage.get(pkg) ?? new Map<string, number>();
    const kind = kindOf(r.type);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    byPackage.set(pkg, kinds);
  }
  const rows = [...byPackage].map(([pkg, kinds]) => {
    const sorted = [...kinds].sort(([a, na], [b, nb]) => nb - na || byCodePoint(a, b));
    const total = sorted.reduce((sum, [, n]) => sum + n, 0);
    const named = sorted.slice(0, KINDS_SHOWN).map(([k, n]) => `${k} ${n}`);
    const more = sorted.length - named.length;
    return { pkg, total, kinds: [...named, ...(more > 0 ? [`+${more} more kinds`] : [])] };
  });
  rows.sort((a, b) => b.total - a.total || byCodePoint(a.pkg, b.pkg));
  const width = Math.max(...rows.map((r) => r.pkg.length));
  return rows.map(
    (r) => `  ${r.pkg.padEnd(width)}  ${String(r.total).padStart(6)}  ${r.kinds.join(" · ")}`,
  );
}

function fullListing(
  resources: readonly PlannedResource[],
  places: readonly PlaceSummary[],
): string[] {
  const width = Math.min(60, Math.max(0, ...resources.map((r) => r.type.length)));
  const byPlace = new Map<string, PlannedResource[]>();
  for (const r of resources) {
    const key = placeKey(r);
    const list = byPlace.get(key);
    if (list) list.push(r);
    else byPlace.set(key, [r]);
  }
  return places.flatMap((p) => [
    `  ${placeName(p)} — ${plural(p.resources, "resource")}`,
    ...(byPlace.get(p.key) ?? []).map(
      (r) => `    ${r.type.padEnd(width)}  ${r.name}${r.protect ? "  [protected]" : ""}`,
    ),
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
    `  ${mark} ${v.enforcementLevel.padEnd(9)} ${v.pack} / ${v.policy} · ${target}`,
    ...v.message.split("\n").map((line) => `      ${line}`),
  ];
}

/** The first VIOLATIONS_SHOWN violations in full (all with `verbose`), the rest counted per policy. */
function violationsSection(
  report: CheckReport,
  byUrn: ReadonlyMap<string, PlannedResource>,
  verbose: boolean,
): string[] {
  if (report.violations.length === 0) return ["  none"];
  const sorted = sortedViolations(report);
  const shown = verbose ? sorted : sorted.slice(0, VIOLATIONS_SHOWN);
  const rest = sorted.slice(shown.length);
  const restByPolicy = new Map<string, number>();
  for (const v of rest) {
    const key = `${v.enforcementLevel} ${v.pack} / ${v.policy}`;
    restByPolicy.set(key, (restByPolicy.get(key) ?? 0) + 1);
  }
  return [
    ...shown.flatMap((v) => violationLines(v, byUrn)),
    ...(rest.length > 0
      ? [
          `  … and ${plural(rest.length, "more violation")} (--verbose lists them all):`,
          ...[...restByPolicy].map(([key, n]) => `      ${n} × ${key}`),
        ]
      : []),
  ];
}

function listSection(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : ["", title, ...items.map((i) => `  - ${i}`)];
}

function resultLine(mandatory: number, advisory: number): string {
  return mandatory > 0
    ? `Result: FAIL — ${plural(mandatory, "mandatory violation")}, ${advisory} advisory`
    : `Result: PASS — no mandatory violation, ${advisory} advisory`;
}

export function renderText(raw: CheckReport, ctx: FormatContext = {}): string {
  const report = redactDeep(raw, ctx.secrets ?? []);
  const verbose = ctx.verbose === true || report.resources.length <= FULL_LISTING_MAX;
  const byUrn = new Map(report.resources.map((r) => [r.urn, r]));
  const packs = [...new Set(report.policies.map((p) => p.pack))];
  const places = summarisePlaces(report.resources);
  const { resources, mandatory, advisory } = report.summary;
  const lines = [
    `sovereign check · project ${report.project} · stack ${report.stack}`,
    resultLine(mandatory, advisory),
    `${plural(resources, "resource")} · packs: ${packs.length > 0 ? packs.join(", ") : "none"}`,
    "",
    ...summarySection(places),
    "",
    `Violations (${mandatory} mandatory, ${advisory} advisory)`,
    ...violationsSection(report, byUrn, ctx.verbose === true),
    ...survivalText(report.survival),
    ...listSection(
      "Exemptions in use",
      report.exemptions.map(
        (e) =>
          `${e.policy} on ${e.resource}: ${e.reason} (owner ${e.owner}, ${e.expired ? "EXPIRED" : "expires"} ${e.expires})`,
      ),
    ),
    ...(report.assumedConfig.length > 0
      ? [
          "",
          `Config assumed (--assume-config), filled with placeholders: ${report.assumedConfig.join(", ")}`,
        ]
      : []),
    ...listSection(
      "Invokes without a canned answer (their results were empty)",
      report.unansweredInvokes,
    ),
    ...listSection("Notes", report.notes ?? []),
    ...sovereigntyTextLines(report, verbose),
    ...toolchainTextLines(report, verbose),
    "",
    ...(verbose
      ? ["Plan (by vendor and region)", ...fullListing(report.resources, places)]
      : ["Resources by package (--verbose lists each one)", ...packageCounts(report.resources)]),
    "",
    resultLine(mandatory, advisory),
  ];
  return `${lines.join("\n")}\n`;
}
