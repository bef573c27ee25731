/**
 * What the API server would refuse, found before `pulumi up`: every Kubernetes object any program declares is
 * checked against the upstream OpenAPI schema of the target minor, and custom resources against their vendored
 * upstream CRDs (config/kubernetes/README.md). Values unknown during preview are not judged; CRDs we do not
 * vendor are not applicable (the engine's report lists them as not schema-checked).
 */
import { SCHEMA_VERSIONS } from "../../../config/kubernetes/sources";
import { schemaCatalog } from "../../../domain/kubernetes-schema/catalog";
import { apiLabel } from "../../../domain/kubernetes-schema/gvk";
import { validateKubernetesObject as judge } from "../../../domain/kubernetes-schema/validate";
import { definePolicy } from "../../lib/define";
import { readConfig } from "../../lib/config";
import { rawOf, unknownCause } from "../../lib/unknown";
import { kubernetesVersionSetting, validateKubernetesObject } from "./lib/kubernetes-objects";

interface Config {
  readonly kubernetesVersion: string;
  readonly rejectUnknownFields: boolean;
}

const configSchema = {
  properties: {
    kubernetesVersion: kubernetesVersionSetting({ enum: [...SCHEMA_VERSIONS] }),
    rejectUnknownFields: {
      type: "boolean" as const,
      default: true,
      description:
        "Report fields the schema does not declare, as the API server's strict field validation (kubectl --validate=strict) does.",
    },
  },
};

const isUnknown = (value: unknown) => unknownCause(value) !== undefined;

/** The config's minor, or an error naming the key and the minors that are vendored. */
function minorOf(config: Config): string {
  if (SCHEMA_VERSIONS.includes(config.kubernetesVersion)) return config.kubernetesVersion;
  throw new Error(
    `policy config kubernetesVersion '${config.kubernetesVersion}' has no vendored schema; use one of ${SCHEMA_VERSIONS.join(", ")}`,
  );
}

export const workloadKubernetesEnforceSchema = definePolicy({
  name: "workload-kubernetes-enforce-schema",
  description:
    "Every Kubernetes object validates against the upstream OpenAPI schema of the target Kubernetes version, and every custom resource against its vendored upstream CRD.",
  configSchema,
  enforcementLevel: "advisory",
  validateResource: validateKubernetesObject((gvk, args, reportViolation) => {
    const config = readConfig<Config>(args, configSchema);
    const catalog = schemaCatalog(minorOf(config), config.rejectUnknownFields);
    const verdict = judge(catalog, gvk, rawOf(args.props), isUnknown);
    if (verdict.kind === "no-schema") return args.notApplicable(verdict.message);
    if (verdict.kind === "not-served") return reportViolation(verdict.message);
    for (const finding of verdict.findings) {
      const where = finding.path === "" ? "" : `${finding.path}: `;
      reportViolation(
        `${apiLabel(gvk)} ${where}${finding.message} (Kubernetes ${catalog.minor} schema)`,
      );
    }
  }),
  severity: "high",
  tags: ["kubernetes", "schema", "api"],
  remediationSteps:
    "Fix the named field as the message says (a typo in a field name, a number given as text, a missing required field); check the object against the API reference of your cluster's version. Set `kubernetesVersion` in this policy's config (or `sovereign check --kubernetes-version`) to your cluster's minor.",
  url: "https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation",
  pack: "workload-baseline",
  area: "workload",
});
