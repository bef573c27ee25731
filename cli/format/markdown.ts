/**
 * `--format markdown`: the pull-request comment. The verdict first, then the violations, the fleet map (Mermaid), the plan per vendor
 * (where every resource lands), the exemptions in use, what the offline run had to assume, and the sections other
 * modules add (the fleet exit report). A hidden marker names the project and stack so a CI job can find and
 * update its own comment instead of adding one per push. GitHub refuses comments over 65,536 characters, so long
 * tables are cut with a note that names the full reports.
 */
import { VENDORS, type VendorId } from "../../config/catalog/vendors";
import { jurisdictionOf } from "../../config/catalog/jurisdictions";
import type {
  CheckReport,
  ExemptionInUse,
  PlannedResource,
  ReportedViolation,
} from "../engine/report";
import type { FormatContext } from "./context";
import { fleetMap } from "./map";
import { SECTION_RENDERERS } from "./markdown-sections";
import { sovereigntyMarkdown } from "./sovereignty";
import { toolchainMarkdown } from "./toolchain";
import { sortedViolations, viewOf, type ReportView } from "./view";

/** Rows per table before the rest is summarised in one line. */
export const MAX_TABLE_ROWS = 100;

/** GitHub's limit on a comment body, minus room for the cut note. */
export const MAX_COMMENT_LENGTH = 65_000;

/** The hidden first line a CI job searches for to update its comment. */
export const commentMarker = (report: Pick<CheckReport, "project" | "stack">) =>
  `<!-- sovereign-check:${report.project}/${report.stack} -->`;

/** Text safe in a table cell: no HTML, no table breaks, no @mentions that would notify people. */
export function cell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/@/g, "&#64;")
    .replace(/\r?\n/g, "<br>");
}

/** Inline code in a table cell. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  return flat.includes("`") ? `\`\` ${flat} \`\`` : `\`${flat}\``;
}

const LEVEL_BADGE: Readonly<Record<ReportedViolation["enforcementLevel"], string>> = {
  mandatory: "🛑 mandatory",
  advisory: "⚠️ advisory",
};

function verdict(r: CheckReport): string {
  const where = `${code(r.project)} / ${code(r.stack)}`;
  if (r.summary.mandatory > 0) {
    return `## ❌ Sovereign check failed: ${r.summary.mandatory} mandatory violation${r.summary.mandatory === 1 ? "" : "s"} (${where})`;
  }
  if (r.summary.advisory > 0)
    return `## ⚠️ Sovereign check passed with ${r.summary.advisory} advisory finding${r.summary.advisory === 1 ? "" : "s"} (${where})`;
  return `## ✅ Sovereign check passed (${where})`;
}

/** A table of `rows`, cut after MAX_TABLE_ROWS with a line that says how many were left out. */
function table(
  header: readonly string[],
  align: readonly string[],
  rows: readonly string[][],
  what: string,
): string[] {
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const cut = rows.length - shown.length;
  return [
    `| ${header.join(" | ")} |`,
    `|${align.join("|")}|`,
    ...shown.map((row) => `| ${row.join(" | ")} |`),
    ...(cut > 0
      ? ["", `… and ${cut} more ${what} (the SARIF, JUnit and JSON reports list them all).`]
      : []),
  ];
}

function violationsPart(view: ReportView): string[] {
  const violations = sortedViolations(view.report);
  if (violations.length === 0) return ["### Violations", "", "None."];
  const rows = violations.map((v) => {
    const s = view.subjectOf(v.urn);
    const where = s.source ? `<br>${code(`${s.source.file}:${s.source.line}`)}` : "";
    return [
      LEVEL_BADGE[v.enforcementLevel],
      code(`${v.pack}/${v.policy}`),
      `${code(s.name)} ${cell(s.type)}${where}`,
      cell(v.message),
    ];
  });
  return [
    "### Violations",
    "",
    ...table(
      ["Level", "Policy", "Resource", "Message"],
      ["---", "---", "---", "---"],
      rows,
      "violations",
    ),
  ];
}

/** Plan groups that are not vendors of the catalog. */
const NON_VENDOR_LABELS: Readonly<Record<string, string>> = {
  neutral: "not placed (neutral)",
  component: "components (placed by their children)",
  unknown: "**unknown vendor**",
};

const vendorLabel = (id: string) => NON_VENDOR_LABELS[id] ?? VENDORS[id as VendorId]?.name ?? id;

/** `fr-par · FR (EU) ×12` per place, most resources first. */
function placesOf(resources: readonly PlannedResource[]): string {
  const counts = new Map<string, number>();
  for (const r of resources) {
    if (r.region === null) continue;
    const country = r.country ? ` · ${r.country} (${jurisdictionOf(r.country)})` : "";
    const key = `${r.region}${country}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const places = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return places.length === 0
    ? "—"
    : places.map(([place, n]) => `${cell(place)} ×${n}`).join("<br>");
}

function planPart(r: CheckReport): string[] {
  const byVendor = new Map<string, PlannedResource[]>();
  for (const res of r.resources)
    byVendor.set(res.vendor, [...(byVendor.get(res.vendor) ?? []), res]);
  const rows = [...byVendor]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([vendor, list]) => [vendorLabel(vendor), String(list.length), placesOf(list)]);
  return [
    "### Plan per vendor",
    "",
    ...table(["Vendor", "Resources", "Regions"], ["---", "--:", "---"], rows, "vendors"),
  ];
}

/** The fleet map as a Mermaid block, which GitHub and GitLab render; nothing when the plan places nothing. */
function mapPart(r: CheckReport): string[] {
  const map = fleetMap(r);
  return map === "" ? [] : ["### Fleet map", "", "```mermaid", map.trimEnd(), "```"];
}

function exemptionRow(e: ExemptionInUse): string[] {
  const state = e.expired
    ? `⛔ expired ${cell(e.expires)} — counted as a violation`
    : cell(e.expires);
  return [
    code(e.policy),
    code(e.resource),
    cell(e.owner),
    cell(e.reason),
    state,
    String(e.matched.length),
  ];
}

function exemptionsPart(r: CheckReport): string[] {
  if (r.exemptions.length === 0) return [];
  const header = ["Policy", "Resource", "Owner", "Reason", "Expires", "Matched"];
  return [
    "### Exemptions in use",
    "",
    ...table(
      header,
      ["---", "---", "---", "---", "---", "--:"],
      r.exemptions.map(exemptionRow),
      "exemptions",
    ),
  ];
}

function notesPart(r: CheckReport): string[] {
  const notes = [
    ...(r.assumedConfig.length > 0
      ? [
          `- Config filled with placeholders (\`--assume-config\`): ${r.assumedConfig.map(code).join(", ")}`,
        ]
      : []),
    ...(r.notes ?? []).map((note) => `- ${cell(note)}`),
    ...(r.unansweredInvokes.length > 0
      ? [
          `- Invokes with no canned answer (their results were empty): ${r.unansweredInvokes.map(code).join(", ")}`,
        ]
      : []),
  ];
  return notes.length === 0 ? [] : ["### What this offline run assumed", "", ...notes];
}

function sectionsPart(r: CheckReport): string[] {
  return Object.keys(r.sections ?? {}).flatMap((id) => {
    const text = SECTION_RENDERERS[id]?.(r).trimEnd() ?? "";
    return text === "" ? [] : ["", text];
  });
}

/** Renders the report as a Markdown pull-request comment. */
export function render(report: CheckReport, ctx?: FormatContext): string {
  const view = viewOf(report, ctx);
  const r = view.report;
  const parts = [
    commentMarker(r),
    verdict(r),
    "",
    `**${r.summary.resources}** resources · **${r.summary.mandatory}** mandatory · **${r.summary.advisory}** advisory · ${r.policies.length} policies ran`,
    "",
    ...violationsPart(view),
    ...[mapPart(r)].flatMap((part) => (part.length > 0 ? ["", ...part] : [])),
    "",
    ...planPart(r),
    ...[exemptionsPart(r), notesPart(r)].flatMap((part) => (part.length > 0 ? ["", ...part] : [])),
    ...sectionsPart(r),
    ...sovereigntyMarkdown(r, cell),
    ...toolchainMarkdown(r, cell),
    "",
    `<sub>sovereign check ${cell(view.ctx.toolVersion)} · offline, under Pulumi's mocks: a real \`pulumi preview\` with the policy packs remains the final word.</sub>`,
    "",
  ];
  const text = parts.join("\n");
  if (text.length <= MAX_COMMENT_LENGTH) return text;
  return `${text.slice(0, MAX_COMMENT_LENGTH)}\n\n… cut at ${MAX_COMMENT_LENGTH} characters (GitHub's comment limit); the SARIF, JUnit and JSON reports are complete.\n`;
}
