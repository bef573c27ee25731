/**
 * The labels every Kubernetes object and every taggable cloud resource carries. Components merge these in and
 * never write the keys by hand, so policies and reports can read vendor, region and country from any object.
 */
import { LABEL } from "../../domain/labels";
import type { Placement } from "./types";

/** Labels naming where a target runs. */
export function placementLabels(target: string, p: Placement): Record<string, string> {
  return {
    [LABEL.partOf]: "sovereign-deploy",
    [LABEL.managedBy]: "pulumi",
    [LABEL.vendor]: p.vendor,
    [LABEL.region]: p.site.toLowerCase().replace(/[^a-z0-9-]/g, "-"),
    [LABEL.country]: p.country,
    [LABEL.target]: target,
  };
}

/** Labels of one workload on one target; `selector` is the stable subset used in selectors. */
export function workloadLabels(
  workload: string,
  base: Readonly<Record<string, string>>,
): { all: Record<string, string>; selector: Record<string, string> } {
  const selector = { [LABEL.name]: workload, [LABEL.instance]: workload };
  return { all: { ...base, ...selector }, selector };
}

/** Cloud tags as `key=value` strings (Scaleway, OVHcloud take lists of strings). */
export function tagList(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}
