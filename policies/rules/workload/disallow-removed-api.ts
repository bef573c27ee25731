/**
 * An object on an API version the cluster no longer serves fails at `pulumi up` ("no matches for kind"); one on a
 * deprecated version fails at the next upgrade. The table is the upstream deprecation guide's, as Pluto and
 * kubeconform users know it (config/catalog/kubernetes-removed-apis.ts).
 */
import { DEFAULT_KUBERNETES_VERSION } from "../../../config/kubernetes/sources";
import { apiStatusIn } from "../../../domain/kubernetes-schema/removed-apis";
import { definePolicy } from "../../lib/define";
import { readConfig } from "../../lib/config";
import { kubernetesVersionSetting, validateKubernetesObject } from "./lib/kubernetes-objects";

/** A Kubernetes minor such as 1.36. */
const MINOR = /^1\.[0-9]+$/;

interface Config {
  readonly kubernetesVersion: string;
  readonly reportDeprecated: boolean;
}

const configSchema = {
  properties: {
    kubernetesVersion: kubernetesVersionSetting({ pattern: MINOR.source }),
    reportDeprecated: {
      type: "boolean" as const,
      default: true,
      description:
        "Also report API versions that this minor still serves but has deprecated (their replacement is served).",
    },
  },
};

export const workloadKubernetesDisallowRemovedApi = definePolicy({
  name: "workload-kubernetes-disallow-removed-api",
  description:
    "No Kubernetes object uses an API version that the target Kubernetes version has removed or deprecated.",
  configSchema,
  enforcementLevel: "advisory",
  validateResource: validateKubernetesObject((gvk, args, reportViolation) => {
    const config = readConfig<Config>(args, configSchema);
    if (!MINOR.test(config.kubernetesVersion)) {
      throw new Error(
        `policy config kubernetesVersion '${config.kubernetesVersion}' is not a Kubernetes minor such as ${DEFAULT_KUBERNETES_VERSION}`,
      );
    }
    const status = apiStatusIn(gvk, config.kubernetesVersion);
    if (status === undefined || (status.status === "deprecated" && !config.reportDeprecated))
      return;
    reportViolation(`${status.message} (${status.api.guide})`);
  }),
  severity: "high",
  tags: ["kubernetes", "api", "upgrade"],
  remediationSteps:
    "Move the object to the replacement API version the message names (the deprecation guide lists field changes); set `kubernetesVersion` in this policy's config (or `sovereign check --kubernetes-version`) to your cluster's minor.",
  url: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/",
  pack: "workload-baseline",
  area: "workload",
});
