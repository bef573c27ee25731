/**
 * A Kubernetes provider deploys wherever its kubeconfig points. The API server host names the service and
 * usually the region (Kapsule `*.api.k8s.fr-par.scw.cloud`, MKS `*.c1.gra9.k8s.ovh.net`, SKE
 * `*.s.ske.eu01.onstackit.cloud`); the catalog's host patterns place it. EKS, AKS and GKE hosts are non-EU
 * vendors; a bare IP or unknown host cannot be placed; both are blocked unless the pack config lists the host.
 */
import { KUBERNETES_ENDPOINTS } from "../../../config/catalog/hosts";
import { ALLOWED_GROUP, readConfig, stringList, type GroupConfig } from "../../lib/config";
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { allowListed, judgeHost } from "../../lib/hosts";
import {
  hostOfServer,
  isKubeconfigPath,
  readKubeconfig,
  vendorHintOfExec,
  type KubeServer,
} from "../../lib/kubeconfig";
import { readPath } from "../../lib/read";
import { deferUnknowns, rawOf, type UnknownAt } from "../../lib/unknown";
import { isOfflinePlaceholder } from "../../../domain/offline-placeholders";

const configSchema = {
  properties: {
    allowedGroup: ALLOWED_GROUP,
    allowedEndpoints: stringList(
      'Extra API-server hosts to accept (exact host or *.domain), e.g. an on-premises cluster ["k8s.example.eu", "10.20.0.5"].',
    ),
  },
};

const FIX =
  "Point the provider at a cluster of an EU vendor (Kapsule, MKS, SKE), or list the host in allowedEndpoints in this policy's config if your security team accepts it.";

interface EndpointConfig extends GroupConfig {
  readonly allowedEndpoints: string[];
}

/** The optional string at `path`, or an unknown to defer on. */
function optionalString(props: unknown, path: string, unknowns: UnknownAt[]): string | undefined {
  const [reading] = readPath(props, path);
  if (reading?.kind === "unknown") unknowns.push({ path: reading.path, cause: reading.cause });
  return reading?.kind === "value" ? String(reading.value) : undefined;
}

/**
 * The kubeconfig text, and whether part of it is a secret the offline engine could not read (a token from
 * `secure:` config inside an otherwise plain kubeconfig). Such a kubeconfig is still judged on its plain parts:
 * only what depends on the secret part is deferred.
 */
function kubeconfigText(
  props: unknown,
  unknowns: UnknownAt[],
): { readonly text: string; readonly partlyOffline: boolean } | undefined {
  const value = (rawOf(props) as { kubeconfig?: unknown }).kubeconfig;
  if (typeof value === "string" && isOfflinePlaceholder(value) && !isKubeconfigPath(value))
    return { text: value, partlyOffline: true };
  const text = optionalString(props, "kubeconfig", unknowns);
  return text === undefined ? undefined : { text, partlyOffline: false };
}

/** Why the cluster's proxy fails (every API request passes through it), or undefined when it passes. */
function proxyReason(
  server: KubeServer,
  config: EndpointConfig,
  unknowns: UnknownAt[],
): string | undefined {
  const url = server.proxyUrl ?? "";
  if (isOfflinePlaceholder(url)) {
    unknowns.push({ path: `kubeconfig cluster '${server.cluster}' proxy-url`, cause: "offline" });
    return undefined;
  }
  const host = hostOfServer(url);
  if (allowListed(config.allowedEndpoints, host)) return undefined;
  const verdict = judgeHost(
    KUBERNETES_ENDPOINTS,
    host,
    config.allowedGroup,
    `proxy '${url}' of cluster '${server.cluster}', through which every API request passes,`,
    FIX,
  );
  return verdict.ok ? undefined : verdict.reason;
}

export const endpointKubeconfigEnforceEuServer = definePolicy({
  name: "endpoint-kubeconfig-enforce-eu-server",
  description:
    "Requires the API server of the kubeconfig every Kubernetes provider uses to be a catalogued endpoint of an EU vendor in a site inside the allowed jurisdiction group, or a host the pack config lists.",
  configSchema,
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    (type) => type === "pulumi:providers:kubernetes",
    (args, reportViolation) => {
      const config = readConfig<EndpointConfig>(args, configSchema);
      const unknowns: UnknownAt[] = [];
      const kubeconfig = kubeconfigText(args.props, unknowns);
      const context = optionalString(args.props, "context", unknowns);
      const cluster = optionalString(args.props, "cluster", unknowns);
      deferUnknowns(unknowns);
      if (kubeconfig === undefined) {
        reportViolation(
          "kubeconfig is not set, so the provider falls back to KUBECONFIG or ~/.kube/config, which no policy can read, and the API server cannot be placed. Set kubernetes:kubeconfig in the stack config (pulumi config set --secret kubernetes:kubeconfig < file) or kubeconfig on the provider to the kubeconfig contents.",
        );
        return;
      }
      const reading = readKubeconfig(kubeconfig.text, {
        ...(context !== undefined ? { context } : {}),
        ...(cluster !== undefined ? { cluster } : {}),
      });
      // A selection or server hidden by the secret part cannot be judged offline; the plain parts still are.
      if (kubeconfig.partlyOffline && reading.kind !== "servers")
        deferUnknowns([{ path: "kubeconfig", cause: "offline" }]);
      if (reading.kind === "path") {
        reportViolation(
          `kubeconfig '${reading.path}' is a file path, which a policy cannot read, so the API server cannot be placed. Pass the kubeconfig contents instead: pulumi config set --secret kubernetes:kubeconfig < ${reading.path}, or kubeconfig: <contents> on the provider.`,
        );
        return;
      }
      if (reading.kind === "invalid") {
        reportViolation(
          `kubeconfig cannot be read: ${reading.reason}, so the API server cannot be placed. Pass a kubeconfig whose selected context names a cluster with a server.`,
        );
        return;
      }
      for (const server of reading.servers) {
        const proxy =
          server.proxyUrl === undefined ? undefined : proxyReason(server, config, unknowns);
        if (proxy) reportViolation(proxy);
        if (isOfflinePlaceholder(server.server)) {
          unknowns.push({
            path: `kubeconfig cluster '${server.cluster}' server`,
            cause: "offline",
          });
          continue;
        }
        if (allowListed(config.allowedEndpoints, server.host)) continue;
        const verdict = judgeHost(
          KUBERNETES_ENDPOINTS,
          server.host,
          config.allowedGroup,
          `API server '${server.server}' of cluster '${server.cluster}'`,
          FIX,
        );
        if (verdict.ok) continue;
        const hint = vendorHintOfExec(server.execCommand);
        reportViolation(
          hint
            ? `${verdict.reason} Its user authenticates with '${server.execCommand ?? ""}', which points to ${hint}.`
            : verdict.reason,
        );
      }
      deferUnknowns(unknowns);
    },
    "only Kubernetes providers",
  ),
  severity: "critical",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "kubernetes", "endpoint"],
  remediationSteps:
    "Give the Kubernetes provider the kubeconfig of a cluster run by an EU vendor in an EU site (Scaleway Kapsule, OVHcloud MKS, STACKIT SKE). For an on-premises or private endpoint, add its host to allowedEndpoints in this policy's config; for a new EU service, add its host pattern to config/catalog/hosts.ts.",
  url: "docs/policies.md#endpoint-kubeconfig-enforce-eu-server",
  pack: "eu-sovereignty",
  area: "endpoint",
});
