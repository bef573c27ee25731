/**
 * The report's view of `survival` (domain/survival.ts): per lost vendor, what keeps serving, what breaks and
 * through which dependency, and what to change; as Markdown tables for the exit report and as compact text lines.
 */
import { DEPENDS_BY, REMEDY, UNATTRIBUTED } from "../../domain/dependencies/model";
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

/** One Markdown table per lost vendor; "" without survival entries. */
export function survivalMarkdown(survival: readonly Survival[] | undefined): string {
  if (!survival || survival.length === 0) return "";
  const lines = [
    "### Losing one vendor, dependencies included",
    "",
    "A target at the lost vendor is gone; a target elsewhere stops counting when a registry, chart source, DNS zone, certificate issuer or object store it needs is served by the lost vendor alone (or by nothing the catalogs attribute).",
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
    if (s.broken.length === 0) {
      lines.push("Every other target keeps every dependency.", "");
      continue;
    }
    lines.push(
      "| Target | Breaks through | Resource | What to change |",
      "|---|---|---|---|",
      ...s.broken.map(
        (b) =>
          `| ${b.target} (${b.targetVendor}) | ${b.kind} \`${b.endpoint}\`, ${servedBy(b)} | ${b.resource} | ${REMEDY[b.kind]} |`,
      ),
      "",
    );
  }
  return lines.join("\n");
}

/** One message per broken dependency: `losing scaleway: target gra (ovhcloud) pulls … for Deployment shop`. */
export function brokenSentence(lost: string, b: BrokenDependency): string {
  const via = b.vendor === UNATTRIBUTED ? ", which nothing attributes to a vendor" : "";
  return `losing ${lost}: target ${b.target} (${b.targetVendor}) ${DEPENDS_BY[b.kind]} ${b.endpoint}${via} for ${b.resource}`;
}

/** Compact text: one line per lost vendor, then its broken dependencies grouped by target. */
export function survivalText(survival: readonly Survival[] | undefined): string[] {
  if (!survival || survival.length === 0) return [];
  return [
    "",
    "Survival after losing one vendor (dependencies included)",
    ...survival.flatMap((s) => {
      const gone = s.targetsLost.length > 0 ? ` · gone: ${s.targetsLost.join(", ")}` : "";
      const head = `  ${shortOf(s) ? "✗" : "✓"} ${s.lost}: ${capacityLine(s)} · serving: ${s.serving.join(", ") || "none"}${gone}`;
      const byTarget = new Map<string, string[]>();
      for (const b of s.broken) {
        const key = `${b.target} (${b.targetVendor})`;
        const what = `${b.kind} ${b.endpoint}`;
        const list = byTarget.get(key) ?? [];
        if (!list.includes(what)) list.push(what);
        byTarget.set(key, list);
      }
      return [head, ...[...byTarget].map(([t, list]) => `      ${t} breaks: ${list.join("; ")}`)];
    }),
  ];
}
