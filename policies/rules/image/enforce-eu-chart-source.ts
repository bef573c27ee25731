/**
 * A Helm release is software fetched at deploy time: where its chart comes from decides who can change what the
 * cluster runs. The chart of every Helm Release (and v4 Chart) must come from an OCI registry or chart repository
 * the catalog places in the allowed group, or one the pack config lists; a chart packaged with the program (a local
 * path) needs no check. A repository alias (`bitnami/redis`) resolves through the Helm configuration of whichever
 * machine runs Pulumi, which no policy can see: fail closed.
 */
import { CONTAINER_REGISTRIES } from "../../../config/catalog/hosts";
import { ALLOWED_GROUP, readConfig, stringList, type GroupConfig } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { allowListed, judgeHost } from "../../lib/hosts";
import { readPath } from "../../lib/read";
import { deferUnknowns, rawOf, type UnknownAt } from "../../lib/unknown";
import { hostAndPath } from "../../../domain/dependencies/attribute";
import { CHART_TYPES, chartSourceOf, type ChartSource } from "../../../domain/dependencies/charts";

const configSchema = {
  properties: {
    allowedGroup: ALLOWED_GROUP,
    allowedRepositories: stringList(
      'Extra chart sources to accept: host, *.domain or host/path-prefix, e.g. ["charts.example.eu", "harbor.example.eu/charts"].',
    ),
  },
};

interface ChartConfig extends GroupConfig {
  readonly allowedRepositories: string[];
}

/** Flux sources: the controller fetches charts and manifests from `spec.url` (Helm or OCI repository, Git). */
const FLUX_SOURCE_TYPES =
  /^kubernetes:source\.toolkit\.fluxcd\.io\/[^:]+:(?:HelmRepository|OCIRepository|GitRepository)$/;

const FIX =
  "Push the chart to an EU OCI registry (e.g. oci://rg.<region>.scw.cloud/<namespace>/charts) and set chart to that oci:// address, or list your own EU chart source in allowedRepositories in this policy's config.";

function judgeSource(source: ChartSource, config: ChartConfig): string | undefined {
  if (source.kind === "local") return undefined;
  if (source.kind === "unplaceable") return `${source.reason}. ${FIX}`;
  const { host, path } = hostAndPath(source.address);
  if (allowListed(config.allowedRepositories, host, path)) return undefined;
  const verdict = judgeHost(
    CONTAINER_REGISTRIES,
    host,
    config.allowedGroup,
    `chart source '${source.address}' (host '${host}')`,
    FIX,
  );
  return verdict.ok ? undefined : verdict.reason;
}

export const imageHelmEnforceEuChartSource = definePolicy({
  name: "image-helm-enforce-eu-chart-source",
  description:
    "Requires the chart of every Helm Release, and the URL of every Flux Helm, OCI or Git source, to come from an OCI registry or repository the catalog places inside the allowed jurisdiction group, or one the pack config lists; repository aliases, which resolve outside the program, are refused.",
  configSchema,
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    (type) => CHART_TYPES.test(type) || FLUX_SOURCE_TYPES.test(type),
    (args, reportViolation) => {
      const config = readConfig<ChartConfig>(args, configSchema);
      const props = rawOf(args.props);
      const unknowns: UnknownAt[] = [];
      const flux = FLUX_SOURCE_TYPES.test(args.type);
      const [chart] = readPath(props, flux ? "spec.url" : "chart");
      const [repo] = flux ? [] : readPath(props, "repositoryOpts.repo");
      for (const r of [chart, repo])
        if (r?.kind === "unknown") unknowns.push({ path: r.path, cause: r.cause });
      deferUnknowns(unknowns);
      if (chart?.kind !== "value") {
        reportViolation(
          flux
            ? `the source names no spec.url, so where it fetches from cannot be placed. ${FIX}`
            : `the release names no chart, so where it comes from cannot be placed. ${FIX}`,
        );
        return;
      }
      const reason = judgeSource(
        chartSourceOf(String(chart.value), repo?.kind === "value" ? String(repo.value) : undefined),
        config,
      );
      if (reason) reportViolation(reason);
    },
    "only Helm releases and Flux sources fetch a chart",
  ),
  severity: "high",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "kubernetes", "supply-chain", "helm"],
  remediationSteps:
    "Mirror the chart into an EU OCI registry (helm pull, then helm push to oci://rg.<region>.scw.cloud/<namespace>/charts) and set chart to that oci:// address without repositoryOpts. To accept your own chart repository, add it to allowedRepositories in this policy's config.",
  url: "docs/policies.md#image-helm-enforce-eu-chart-source",
  pack: "eu-sovereignty",
  area: "image",
});
