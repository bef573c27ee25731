/**
 * The `sovereignty` section in every format: text lines, a Markdown part, SARIF run properties and JUnit
 * properties. Kept apart from the renderers so each format adds it with one call.
 */
import { OBJECTIVE_IDS, OBJECTIVES } from "../../config/catalog/assurance";
import type { SovereigntyReport } from "../../domain/assurance/summary";
import type { CheckReport } from "../engine/report";
import { toolchainProperties } from "./toolchain";

const seal = (level: number | null) => (level === null ? "–" : `SEAL-${level}`);
const percent = (score: number | null) => (score === null ? "–" : `${score.toFixed(1)}%`);

function heading(s: SovereigntyReport): string {
  return `${s.framework.name} v${s.framework.version}: levels are this toolkit's assessment from public facts (docs/sovereignty.md)`;
}

/** Items named on a compact line before the rest are counted. */
const NAMED = 4;

const firstOf = (items: readonly string[]) =>
  items.length > NAMED
    ? `${items.slice(0, NAMED).join(" · ")} · +${items.length - NAMED} more`
    : items.join(" · ");

/** The text summary: at most five lines however many offerings and workloads (`--verbose` gives them all). */
function compactTextLines(s: SovereigntyReport): string[] {
  return [
    "",
    `Sovereignty: overall ${seal(s.seal)} · score ${percent(s.score)} (${s.framework.name} v${s.framework.version}; this toolkit's assessment, docs/sovereignty.md)`,
    `  per objective: ${OBJECTIVE_IDS.map((id) => `${id} ${seal(s.objectives[id]?.seal ?? null)}`).join(" · ")}`,
    `  offerings, weakest first: ${firstOf(s.offerings.map((o) => `${o.id} ${seal(o.seal)}`))}`,
    ...(s.workloads.length > 0
      ? [
          `  weakest offering per workload: ${firstOf(s.workloads.map((w) => `${w.workload} (${w.classification}) ${w.weakest ?? "unknown"} ${seal(w.seal)}`))}`,
        ]
      : []),
    ...(s.undetected.length > 0
      ? [
          `  ! ${s.undetected.length} resource(s) of an offering that could not be told apart (--verbose lists them)`,
        ]
      : []),
  ];
}

/**
 * `--format text`: stack level, objectives, offerings weakest first, workloads, undetected offerings; in
 * `verbose` mode one line each, else the compact summary.
 */
export function sovereigntyTextLines(report: CheckReport, verbose = true): string[] {
  const s = report.sovereignty;
  if (!s) return [];
  if (!verbose && s.seal !== null) return compactTextLines(s);
  if (s.seal === null && s.undetected.length === 0)
    return ["", "Sovereignty", `  ${heading(s)}`, "  no offering relied on"];
  const width = Math.max(...OBJECTIVE_IDS.map((id) => OBJECTIVES[id].name.length));
  return [
    "",
    "Sovereignty",
    `  ${heading(s)}`,
    `  stack: overall ${seal(s.seal)} · score ${percent(s.score)}`,
    ...OBJECTIVE_IDS.map((id) => {
      const o = s.objectives[id];
      return `    ${id} ${OBJECTIVES[id].name.padEnd(width)}  ${seal(o?.seal ?? null)}  ${percent(o?.score ?? null)}`;
    }),
    "  offerings (weakest first):",
    ...s.offerings.map(
      (o) =>
        `    ${o.id} — ${o.name} (${o.operator}, ${o.country}): ${seal(o.seal)} · ${percent(o.score)} · ${o.resources} resource${o.resources === 1 ? "" : "s"}`,
    ),
    ...(s.workloads.length > 0 ? ["  workloads:"] : []),
    ...s.workloads.map(
      (w) =>
        `    ${w.workload} (${w.classification}): weakest offering ${w.weakest ?? "unknown"} (${seal(w.seal)})`,
    ),
    ...s.undetected.map((u) => `  ! offering unknown for ${u.urn}: ${u.reason}`),
  ];
}

/** `--format markdown`: one table of objectives by stack and offering, then workloads. */
export function sovereigntyMarkdown(report: CheckReport, cell: (text: string) => string): string[] {
  const s = report.sovereignty;
  if (!s || (s.seal === null && s.undetected.length === 0)) return [];
  const offerings = s.offerings;
  const rows = OBJECTIVE_IDS.map((id) => {
    const stack = s.objectives[id];
    return [
      `${id} ${OBJECTIVES[id].name} (${OBJECTIVES[id].weight}%)`,
      `**${seal(stack?.seal ?? null)}**`,
      ...offerings.map((o) => seal(o.objectives[id].seal)),
    ];
  });
  return [
    "",
    "### Sovereignty (EU Cloud Sovereignty Framework)",
    "",
    `Stack: **overall ${seal(s.seal)}**, weighted score **${percent(s.score)}**. ${cell(heading(s))}.`,
    "",
    `| Objective (weight) | Stack | ${offerings.map((o) => cell(o.name)).join(" | ")} |`,
    `|---|---|${offerings.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    `| **Overall · score** | **${seal(s.seal)} · ${percent(s.score)}** | ${offerings.map((o) => `${seal(o.seal)} · ${percent(o.score)}`).join(" | ")} |`,
    ...(s.workloads.length > 0
      ? [
          "",
          "| Workload | Classification | Weakest offering | SEAL |",
          "|---|---|---|---|",
          ...s.workloads.map(
            (w) =>
              `| ${cell(w.workload)} | ${w.classification} | ${cell(w.weakest ?? "unknown")} | ${seal(w.seal)} |`,
          ),
        ]
      : []),
    ...(s.undetected.length > 0
      ? [
          "",
          ...s.undetected.map((u) => `- ⚠️ offering unknown for ${cell(u.urn)}: ${cell(u.reason)}`),
        ]
      : []),
  ];
}

/** SARIF run properties: the whole section minus per-level rationale (the JSON report has it). */
export function sovereigntySarif(report: CheckReport): Record<string, unknown> {
  const s = report.sovereignty;
  if (!s) return {};
  return {
    sovereignty: {
      framework: s.framework,
      seal: s.seal,
      score: s.score,
      objectives: s.objectives,
      offerings: s.offerings.map((o) => ({ id: o.id, seal: o.seal, score: o.score })),
      workloads: s.workloads,
    },
  };
}

/** JUnit suite properties: stack level, score and each objective's level. */
export function sovereigntyProperties(report: CheckReport): [string, string][] {
  const s = report.sovereignty;
  if (!s || s.seal === null) return [];
  return [
    ["sovereignty.seal", String(s.seal)],
    ["sovereignty.score", String(s.score)],
    ...OBJECTIVE_IDS.map((id): [string, string] => [
      `sovereignty.${id}`,
      String(s.objectives[id]?.seal ?? ""),
    ]),
  ];
}

/** Extra JUnit properties by the policy whose suite carries them. */
export const SUITE_PROPERTIES: Readonly<
  Record<string, (report: CheckReport) => [string, string][]>
> = {
  "seal-enforce-minimum": sovereigntyProperties,
  "toolchain-enforce-eu-control": toolchainProperties,
};
