/**
 * The `toolchain` section in every format: where the stack's state and its secrets' key would live, with who holds
 * each and where that was read. Kept apart from the renderers so each format adds it with one call.
 */
import type { ToolchainDependency } from "../../domain/toolchain";
import type { CheckReport } from "../engine/report";

const holder = (d: ToolchainDependency) =>
  d.country === null ? d.vendor : `${d.vendor} (${d.country}${d.region ? `, ${d.region}` : ""})`;

/** `--format text`: one line per dependency with `verbose`, else one line for all. */
export function toolchainTextLines(report: CheckReport, verbose = true): string[] {
  const deps = report.toolchain ?? [];
  if (deps.length === 0) return [];
  if (!verbose)
    return [`  toolchain: ${deps.map((d) => `${d.kind} ${d.service} ${holder(d)}`).join(" · ")}`];
  const width = Math.max(...deps.map((d) => d.kind.length));
  return [
    "",
    "Toolchain (where state and the secrets' key live)",
    ...deps.map(
      (d) =>
        `  ${d.kind.padEnd(width)}  ${d.service} · ${holder(d)} · ${d.endpoint} · from ${d.source}`,
    ),
  ];
}

/** `--format markdown` (and html): one table row per dependency. */
export function toolchainMarkdown(report: CheckReport, cell: (text: string) => string): string[] {
  const deps = report.toolchain ?? [];
  if (deps.length === 0) return [];
  return [
    "",
    "### Toolchain (where state and the secrets' key live)",
    "",
    "| Kind | Service | Vendor | Country | Endpoint | Read from |",
    "|---|---|---|---|---|---|",
    ...deps.map(
      (d) =>
        `| ${d.kind} | ${cell(d.service)} | ${cell(d.vendor)} | ${d.country ?? "–"}${d.region ? ` (${cell(d.region)})` : ""} | \`${cell(d.endpoint)}\` | ${cell(d.source)} |`,
    ),
  ];
}

/** SARIF run properties. */
export function toolchainSarif(report: CheckReport): Record<string, unknown> {
  return report.toolchain ? { toolchain: report.toolchain } : {};
}

/** JUnit properties of the toolchain policy's suite: vendor and country of each dependency. */
export function toolchainProperties(report: CheckReport): [string, string][] {
  return (report.toolchain ?? []).flatMap((d): [string, string][] => [
    [`toolchain.${d.kind}.vendor`, d.vendor],
    [`toolchain.${d.kind}.country`, d.country ?? ""],
    [`toolchain.${d.kind}.endpoint`, d.endpoint],
  ]);
}
