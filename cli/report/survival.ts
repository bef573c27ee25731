/**
 * The report's view of `survival` (domain/survival.ts): per lost vendor, what keeps serving, what breaks and
 * through which dependency, and what to change; as Markdown tables for the exit report and as compact text lines.
 */
import { REMEDY, UNATTRIBUTED } from "../../domain/dependencies/model";
import type { BrokenDependency, Survival } from "../../domain/survival";

/** `shop 4 of 6` per workload, `**short by 2**` where capacity misses what is required. */
function capacityLine(s: Survival): string {
  return Object.entries(s.required)
    .map(([w, required]) => {
      const left = s.capacity[w] ?? 0;
      return `${w} ${left} of ${required}${left < required ? ` (short by ${required - left})` : ""}`;
    })
    .join(", ");
}

const shortOf = (s: Survival) =>
  Object.entries(s.required).some(([w, required]) => (s.capacity[w] ?? 0) < required);

const servedBy = (b: BrokenDependency) =>
  b.vendor === UNATTRIBUTED
    ? "which nothing attributes to a vendor"
    : `served by ${b.vendor} alone`;

/** A table of lost dependencies under `title`, or `none` (if any) when there are none. */
function lossTable(title: string, lost: readonly BrokenDependency[], none: string): string[] {
  if (lost.length === 0) return none === "" ? [] : [none, ""];
  return [
    `${title}:`,
    "",
    "| Target | Through | Resource | What to change |",
    "|---|---|---|---|",
    ...lost.map(
      (b) =>
        `| ${b.target} (${b.targetVendor}) | ${b.kind} \`${b.endpoint}\`, ${servedBy(b)} | ${b.resource} | ${REMEDY[b.kind]} |`,
    ),
    "",
  ];
}

/** One Markdown table per lost vendor; "" without survival entries. */
export function survivalMarkdown(survival: readonly Survival[] | undefined): string {
  if (!survival || survival.length === 0) return "";
  const lines = [
    "### Losing one vendor, dependencies included",
    "",
    "A target at the lost vendor is gone; a target elsewhere stops counting when an image registry, DNS zone or object store it needs is served by the lost vendor alone (or by nothing the catalogs attribute). A chart source, certificate issuer or copy destination lost that way leaves it serving until its next deploy, certificate renewal or copy.",
    "",
  ];
  for (const s of survival) {
    lines.push(
      `#### If ${s.lost} is lost ${shortOf(s) ? "❌" : "✅"}`,
      "",
      `Capacity left: ${capacityLine(s)}. Keeps serving: ${s.serving.join(", ") || "no target"}.` +
        (s.targetsLost.length > 0 ? ` Gone with it: ${s.targetsLost.join(", ")}.` : ""),
      "",
    );
    lines.push(
      ...lossTable("Stops serving", s.broken, "Every other target keeps every serving dependency."),
      ...lossTable("Serves, but cannot deploy, renew certificates or copy data", s.degraded, ""),
    );
  }
  return lines.join("\n");
}

/** `      gra (ovhcloud) breaks: image …; dns …`, one line per target. */
/**
 * One line for what a lost vendor breaks (or degrades), whatever the fleet's size: the targets, how many
 * dependencies of each kind, one example. The JSON and Markdown reports list each one.
 */
function lostLine(lost: readonly BrokenDependency[], verb: string): string[] {
  const first = lost[0];
  if (first === undefined) return [];
  const targets = [...new Set(lost.map((b) => b.target))];
  const kinds = new Map<string, Set<string>>();
  for (const b of lost) kinds.set(b.kind, (kinds.get(b.kind) ?? new Set()).add(b.endpoint));
  const counts = [...kinds].map(([kind, endpoints]) => `${kind} ×${endpoints.size}`).join(", ");
  return [
    `      ${verb} ${targets.join(", ")} through ${counts} (e.g. ${first.kind} ${first.endpoint})`,
  ];
}

/** Compact text: per lost vendor one line, then one line for what it breaks and one for what it degrades. */
export function survivalText(survival: readonly Survival[] | undefined): string[] {
  if (!survival || survival.length === 0) return [];
  return [
    "",
    "Survival after losing one vendor (dependencies included; markdown and json list each one)",
    ...survival.flatMap((s) => {
      const gone = s.targetsLost.length > 0 ? ` · gone: ${s.targetsLost.join(", ")}` : "";
      const head = `  ${shortOf(s) ? "✗" : "✓"} ${s.lost}: ${capacityLine(s)} · serving: ${s.serving.join(", ") || "none"}${gone}`;
      return [head, ...lostLine(s.broken, "breaks"), ...lostLine(s.degraded, "degrades")];
    }),
  ];
}
