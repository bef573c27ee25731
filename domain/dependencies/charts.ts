/**
 * Where a Helm release fetches its chart: an OCI registry or chart repository to attribute, nothing (a chart
 * packaged with the program), or a reason it cannot be attributed (a repository alias resolves through the Helm
 * configuration of whichever machine runs Pulumi). Shared by the chart-source policy and the dependency model.
 */
import { CONTAINER_REGISTRIES } from "../../config/catalog/hosts";
import { attributeHost, hostAndPath } from "./attribute";
import type { Found } from "./found";
import { DependencyKind, UNATTRIBUTED } from "./model";
import { at, knownString, type Json } from "./resources";

/** Resource types that fetch a chart when deployed (the v3 Chart component renders client-side, unregistered). */
export const CHART_TYPES = /^kubernetes:helm\.sh\/(?:v3:Release|v4:Chart)$/;

export type ChartSource =
  | { readonly kind: "remote"; readonly address: string }
  | { readonly kind: "local" }
  | { readonly kind: "unplaceable"; readonly reason: string };

const isLocalPath = (chart: string) => /^(?:\.{1,2}\/|\/|file:\/\/)/.test(chart);

export function chartSourceOf(chart: string, repo: string | undefined): ChartSource {
  // Any URL (oci://, https://, ssh:// of a Flux Git source) is fetched from its host.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(chart) && !chart.startsWith("file://"))
    return { kind: "remote", address: chart };
  if (repo !== undefined) return { kind: "remote", address: repo };
  if (isLocalPath(chart)) return { kind: "local" };
  if (chart.includes("/"))
    return {
      kind: "unplaceable",
      reason: `chart '${chart}' names a Helm repository alias ('${chart.slice(0, chart.indexOf("/"))}'), resolved from the Helm configuration of the machine that runs Pulumi, which no policy can see`,
    };
  return {
    kind: "unplaceable",
    reason: `chart '${chart}' names no repository: Helm looks it up in a local chart directory or the machine's Helm configuration, which no policy can see`,
  };
}

export function chartsOf(type: string, props: Json): Found[] {
  if (!CHART_TYPES.test(type)) return [];
  const chart = knownString(props.chart);
  if (chart === undefined) return [];
  const source = chartSourceOf(chart, knownString(at(props, ["repositoryOpts", "repo"])));
  if (source.kind === "local") return [];
  if (source.kind === "unplaceable")
    return [
      {
        kind: DependencyKind.chart,
        endpoint: chart,
        vendor: UNATTRIBUTED,
        country: null,
        problem: source.reason,
      },
    ];
  return [
    {
      kind: DependencyKind.chart,
      endpoint: source.address,
      ...attributeHost(CONTAINER_REGISTRIES, hostAndPath(source.address).host),
    },
  ];
}
