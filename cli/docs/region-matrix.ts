/**
 * The provider and region matrix of the README, generated from the catalog so the README cannot drift from
 * what config validation accepts.
 */
import { OVH_OFFERINGS, SCALEWAY_OFFERINGS, type Capability } from "../../config/catalog/offerings";
import { placeOf, siteIds } from "../../config/catalog/places";
import { EU_VENDORS, type EuVendorId } from "../../config/catalog/vendors";

const CAPABILITY_COLUMNS: readonly Capability[] = [
  "kubernetes",
  "objectStore",
  "database",
  "registry",
];
const mark = (yes: boolean) => (yes ? "yes" : "—");

function managedRows(
  provider: "scaleway" | "ovhcloud",
  offerings: Readonly<Record<string, { capabilities: readonly Capability[] }>>,
): string[] {
  return Object.entries(offerings).map(([site, o]) => {
    const p = placeOf(provider, site);
    const where = p ? `${p.city}, ${p.country}` : "?";
    return `| \`${provider}\` | \`${site}\` | ${where} | ${CAPABILITY_COLUMNS.map((c) => mark(o.capabilities.includes(c))).join(" | ")} |`;
  });
}

function kubernetesRows(): string[] {
  return (Object.keys(EU_VENDORS) as EuVendorId[]).map((vendor) => {
    const eu = siteIds(vendor).filter((s) => placeOf(vendor, s)?.jurisdiction === "EU");
    return `| \`kubernetes\` (vendor \`${vendor}\`) | ${eu.map((s) => `\`${s}\``).join(", ")} | ${EU_VENDORS[vendor].name}, seat ${EU_VENDORS[vendor].seat} | existing cluster (kubeconfig) | external S3 | in-cluster (CloudNativePG) or external | — |`;
  });
}

/** Markdown table: every target a stack may declare, where it is and what Sovereign Deploy builds there. */
export function regionMatrix(): string {
  return [
    "| provider | region | site | Kubernetes | object storage | PostgreSQL | registry |",
    "|---|---|---|---|---|---|---|",
    ...managedRows("scaleway", SCALEWAY_OFFERINGS),
    ...managedRows("ovhcloud", OVH_OFFERINGS),
    ...kubernetesRows(),
  ].join("\n");
}
