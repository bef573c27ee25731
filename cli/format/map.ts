/**
 * The fleet map: a Mermaid flowchart of where a plan runs. Vendors and their countries are groups, each place a
 * plan uses (a fleet target, or a vendor's region) is one node with its resources and workloads' replicas,
 * cross-vendor data copies are arrows, and run-time dependencies on another vendor (registry, chart source, DNS,
 * certificate issuer, object store) that no second vendor serves are dotted warning arrows. Resources are never drawn one by one, so the map stays readable at four
 * vendors and at twenty targets. GitHub and GitLab render the block natively; the HTML report renders it with
 * the bundled Mermaid.
 */
import { VENDORS, type VendorId } from "../../config/catalog/vendors";
import { byReach, servedByTwoVendors } from "../../domain/dependencies/redundancy";
import type { CheckReport } from "../engine/report";
import { FLEET_SECTION, type FleetReport } from "../report/fleet";
import { declaredText, replicasText, summarisePlaces, type PlaceSummary } from "./places";

/** Groups that are no place at all. */
const NOT_PLACES = new Set(["neutral", "component"]);

/** Text safe inside a quoted Mermaid label: no quotes, no markup of the user's own. */
export function mermaidText(text: string): string {
  return text
    .replace(/&/g, "#amp;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/[\r\n]+/g, " ");
}

interface Site extends PlaceSummary {
  readonly id: string;
}

const vendorName = (id: string) =>
  id === "unknown" ? "unknown vendor" : (VENDORS[id as VendorId]?.name ?? id);

function siteLabel(site: Site): string {
  const where = site.region ?? (site.vendor === "unknown" ? "not placed" : "no region");
  const head =
    site.targets.length > 0
      ? `<b>${mermaidText(site.targets.join(", "))}</b> · ${mermaidText(where)}`
      : `<b>${mermaidText(where)}</b>`;
  const basis = declaredText(site);
  const replicas = replicasText(site.replicas);
  return [
    head,
    `${site.resources} resource${site.resources === 1 ? "" : "s"}${basis === "" ? "" : ` (${basis})`}`,
    ...(replicas === "" ? [] : [mermaidText(replicas)]),
  ].join("<br/>");
}

/** The site each fleet target runs at (the first place its resources declare it). */
function siteOfTarget(sites: readonly Site[]): Map<string, Site> {
  const byTarget = new Map<string, Site>();
  for (const site of sites)
    for (const t of site.targets) if (!byTarget.has(t)) byTarget.set(t, site);
  return byTarget;
}

const COPY_WORDS = { objects: "bucket copy", database: "database backup" } as const;

/** One arrow per source and destination site, naming the kinds of data copied, from the fleet exit report. */
function copyEdges(report: CheckReport, byTarget: ReadonlyMap<string, Site>): string[] {
  const fleet = report.sections?.[FLEET_SECTION] as FleetReport | undefined;
  const edges = new Map<string, { from: Site; to: Site; kinds: Set<string> }>();
  for (const f of fleet?.fleets ?? [])
    for (const c of f.copies) {
      const from = c.source === undefined ? undefined : byTarget.get(c.source);
      const to = c.destination === undefined ? undefined : byTarget.get(c.destination);
      if (!from || !to || from === to) continue;
      const key = `${from.id}>${to.id}`;
      const edge = edges.get(key) ?? { from, to, kinds: new Set<string>() };
      edge.kinds.add(`${COPY_WORDS[c.kind]}${c.suspended ? " (suspended)" : ""}`);
      edges.set(key, edge);
    }
  return [...edges.values()].map(
    (e) => `  ${e.from.id} -->|"${[...e.kinds].join(", ")}"| ${e.to.id}`,
  );
}

/** Kinds drawn as warning arrows when they cross vendors; backups and copies are drawn as data arrows. */
const RUNTIME_KINDS = new Set(["image", "chart", "dns", "certificate-issuer", "object-store"]);

/**
 * Dotted warning arrows for run-time dependencies served by another vendor than the target's own and by no second
 * vendor (what two vendors serve survives the loss of either: domain/dependencies/redundancy.ts): one per target
 * and serving vendor, naming the kinds. The vendor's group is the arrow's end when the map has one, else a
 * node of its own (a CA, a registry of a vendor that runs nothing here).
 */
function dependencyEdges(
  report: CheckReport,
  byTarget: ReadonlyMap<string, Site>,
  vendorGroups: ReadonlyMap<string, string>,
): string[] {
  const edges = new Map<
    string,
    { from: Site; vendor: string; country: string; kinds: Set<string> }
  >();
  const single = [...byReach(report.dependencies ?? []).values()]
    .filter((group) => !servedByTwoVendors(group))
    .flat();
  for (const d of single) {
    const from = byTarget.get(d.target);
    if (!from || !RUNTIME_KINDS.has(d.kind) || d.vendor === from.vendor) continue;
    const key = `${from.id}>${d.vendor}`;
    const edge = edges.get(key) ?? {
      from,
      vendor: d.vendor,
      country: d.country ?? "?",
      kinds: new Set(),
    };
    edge.kinds.add(d.kind);
    edges.set(key, edge);
  }
  const external = new Map<string, string>();
  const lines: string[] = [];
  for (const e of edges.values()) {
    let to = vendorGroups.get(e.vendor) ?? external.get(e.vendor);
    if (to === undefined) {
      to = `x${external.size}`;
      external.set(e.vendor, to);
      lines.push(`  ${to}["${mermaidText(`${vendorName(e.vendor)} (${e.country})`)}"]:::external`);
    }
    lines.push(`  ${e.from.id} -.->|"⚠ ${[...e.kinds].join(", ")}"| ${to}`);
  }
  return lines;
}

/** The map as Mermaid flowchart source; "" when the plan places nothing. */
export function fleetMap(report: CheckReport): string {
  const sites: Site[] = summarisePlaces(report.resources)
    .filter((p) => !NOT_PLACES.has(p.vendor))
    .map((p, i) => ({ ...p, id: `s${i}` }));
  if (sites.length === 0) return "";
  const byVendor = new Map<string, Map<string, Site[]>>();
  for (const site of sites) {
    const countries = byVendor.get(site.vendor) ?? new Map<string, Site[]>();
    const country = site.country ?? "?";
    countries.set(country, [...(countries.get(country) ?? []), site]);
    byVendor.set(site.vendor, countries);
  }
  const lines = ["flowchart LR"];
  const vendorGroups = new Map<string, string>();
  [...byVendor].forEach(([vendor, countries], v) => {
    vendorGroups.set(vendor, `v${v}`);
    lines.push(`  subgraph v${v}["${mermaidText(vendorName(vendor))}"]`);
    [...countries].forEach(([country, list], c) => {
      lines.push(`    subgraph v${v}c${c}["${mermaidText(country)}"]`);
      for (const site of list) lines.push(`      ${site.id}["${siteLabel(site)}"]`);
      lines.push("    end");
    });
    lines.push("  end");
    if (vendor === "unknown") lines.push(`  class v${v} unplaced`);
  });
  const byTarget = siteOfTarget(sites);
  lines.push(...copyEdges(report, byTarget), ...dependencyEdges(report, byTarget, vendorGroups));
  lines.push("  classDef unplaced fill:#fde8e8,stroke:#c00,color:#600");
  lines.push("  classDef external fill:#fff8c5,stroke:#bf8700,color:#6b4b00");
  return `${lines.join("\n")}\n`;
}
