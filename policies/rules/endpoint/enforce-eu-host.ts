/**
 * Data leaves the cluster for the endpoints its operators and Services name: CloudNativePG and Barman Cloud backup
 * object stores, Velero backup storage locations, Flux bucket sources and the host an `ExternalName` Service stands
 * for. Each must be a host the catalog places with an EU vendor in the allowed group, or one the pack config lists.
 * Where the operator falls back to a cloud's own endpoint (an `s3://` path without `endpointURL`, Velero's `aws`
 * plugin without `s3Url`), that endpoint is judged.
 */
import { SERVICE_ENDPOINTS } from "../../../config/catalog/hosts";
import { destinationRowsOf, hostOfUrl, type DestinationRow } from "../../../domain/destinations";
import { ALLOWED_GROUP, readConfig, stringList, type GroupConfig } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { allowListed, judgeHost } from "../../lib/hosts";
import { readPath } from "../../lib/read";
import { deferUnknowns, rawOf, type UnknownAt } from "../../lib/unknown";

const configSchema = {
  properties: {
    allowedGroup: ALLOWED_GROUP,
    allowedHosts: stringList(
      'Extra destination hosts to accept (exact host or *.domain), e.g. an on-premises MinIO ["minio.example.eu"].',
    ),
  },
};

interface DestinationConfig extends GroupConfig {
  readonly allowedHosts: string[];
}

const FIX =
  "Send it to an EU vendor's endpoint (Scaleway s3.<region>.scw.cloud, OVHcloud s3.<region>.io.cloud.ovh.net, STACKIT object.storage.<region>.onstackit.cloud, IONOS s3.<region>.ionoscloud.com), or list your own EU host in allowedHosts in this policy's config.";

/** The host to judge for one row and how to name it, or a problem, or nothing when the row does not apply. */
function destinationOf(
  row: DestinationRow,
  props: Record<string, unknown>,
  unknowns: UnknownAt[],
): { host: string; what: string } | { problem: string } | undefined {
  if (row.applies && !row.applies(props)) return undefined;
  if (row.when !== undefined && readPath(props, row.when).every((r) => r.kind === "absent"))
    return undefined;
  const [endpoint] = readPath(props, row.endpoint);
  if (endpoint?.kind === "unknown") unknowns.push({ path: endpoint.path, cause: endpoint.cause });
  if (endpoint?.kind === "value") {
    const value = String(endpoint.value);
    return { host: hostOfUrl(value), what: `${row.what} ${row.endpoint} '${value}'` };
  }
  if (endpoint?.kind === "unknown") return undefined;
  const [picker] = row.fallback ? readPath(props, row.fallback.path) : [];
  if (picker?.kind === "unknown") {
    unknowns.push({ path: picker.path, cause: picker.cause });
    return undefined;
  }
  const value = picker?.kind === "value" ? String(picker.value) : undefined;
  const host = value === undefined ? undefined : row.fallback?.hostOf(value);
  if (row.fallback && value !== undefined && host !== undefined)
    return {
      host,
      what: `${row.what}: ${row.endpoint} is unset, so ${row.fallback.path} '${value}' sends data to '${host}',`,
    };
  return {
    problem: `${row.what}: ${row.endpoint} is unset${row.fallback ? ` and ${row.fallback.path} ${value === undefined ? "is unset" : `'${value}' names no endpoint the catalog knows`}` : ""}, so where the data goes cannot be placed. Set ${row.endpoint} to an EU endpoint.`,
  };
}

export const endpointDestinationEnforceEuHost = definePolicy({
  name: "endpoint-destination-enforce-eu-host",
  description:
    "Requires every place Kubernetes objects send data out of the cluster (CloudNativePG and Barman Cloud backup object stores, Velero backup storage locations, Flux buckets, ExternalName Services) to be a host the catalog places with an EU vendor inside the allowed jurisdiction group, or one the pack config lists.",
  configSchema,
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    (type) => destinationRowsOf(type).length > 0,
    (args, reportViolation) => {
      const config = readConfig<DestinationConfig>(args, configSchema);
      const props = rawOf(args.props) as Record<string, unknown>;
      const unknowns: UnknownAt[] = [];
      for (const row of destinationRowsOf(args.type)) {
        const found = destinationOf(row, props, unknowns);
        if (found === undefined) continue;
        if ("problem" in found) {
          reportViolation(`${found.problem} ${FIX}`);
          continue;
        }
        if (row.internal?.test(found.host) || allowListed(config.allowedHosts, found.host))
          continue;
        const verdict = judgeHost(
          SERVICE_ENDPOINTS,
          found.host,
          config.allowedGroup,
          found.what,
          FIX,
        );
        if (!verdict.ok) reportViolation(verdict.reason);
      }
      deferUnknowns(unknowns);
    },
    "only kinds that send data to an endpoint outside the cluster",
  ),
  severity: "critical",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "kubernetes", "endpoint", "backup"],
  remediationSteps:
    "Point the backup destination or external service at an EU vendor's endpoint (set endpointURL, s3Url or spec.endpoint explicitly: an s3:// path alone means Amazon S3). For an on-premises endpoint, add its host to allowedHosts in this policy's config; for a new EU service, add its host pattern to SERVICE_ENDPOINTS in config/catalog/hosts.ts.",
  url: "docs/policies.md#endpoint-destination-enforce-eu-host",
  pack: "eu-sovereignty",
  area: "endpoint",
});
