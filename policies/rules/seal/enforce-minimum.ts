/**
 * The graded sovereignty rule: every offering the stack relies on reaches, per objective of the Cloud Sovereignty
 * Framework, the minimum SEAL its data classification requires. Offerings are detected from each resource's package
 * and provider config (domain/assurance/detect.ts); one that cannot be told apart fails closed.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import {
  CLASSIFICATIONS,
  DEFAULT_CLASSIFICATION,
  OBJECTIVE_IDS,
  OBJECTIVES,
} from "../../../config/catalog/assurance";
import { KUBERNETES_ENDPOINTS, matchHost } from "../../../config/catalog/hosts";
import type { AssessmentTable } from "../../../domain/assurance/assessments";
import {
  parseSealRequirements,
  type SealRequirements,
} from "../../../domain/assurance/requirements";
import {
  shortfalls,
  stackAssurance,
  type AssuranceResource,
  type Shortfall,
} from "../../../domain/assurance/stack";
import { assessmentsFileFrom, loadAssessmentTable } from "../../lib/assessments";
import { definePolicy, PackName, PolicyArea } from "../../lib/define";
import { CLOUD_SOVEREIGNTY_FRAMEWORK } from "../../lib/frameworks";
import { readKubeconfig } from "../../lib/kubeconfig";
import { rawOf, unknownCause } from "../../lib/unknown";

const levels: PolicyConfigJSONSchema = {
  type: "object",
  properties: Object.fromEntries(
    OBJECTIVE_IDS.map((id) => [id, { type: "integer", minimum: 0, maximum: 4 }]),
  ),
  additionalProperties: false,
};

export const configSchema = {
  properties: {
    minimum: {
      ...levels,
      default: {},
      description:
        'Minimum SEAL (0-4) per objective for every offering, e.g. { "SOV-2": 3 }; raised further by the class of the data an offering holds.',
    },
    byClassification: {
      type: "object" as const,
      properties: Object.fromEntries(CLASSIFICATIONS.map((c) => [c, levels])),
      additionalProperties: false,
      default: {},
      description:
        'Minimum SEAL per objective by data classification, replacing the documented defaults per objective, e.g. { "restricted": { "SOV-2": 4 } }.',
    },
    defaultClassification: {
      type: "string" as const,
      enum: [...CLASSIFICATIONS],
      default: DEFAULT_CLASSIFICATION,
      description: "The class of offerings no Sovereign Deploy workload runs on.",
    },
  },
};

/** Checks the pack config's settings; the engine calls it before running (exit 2 on problems). */
export function sealConfigProblems(config: Readonly<Record<string, unknown>>): string[] {
  const { enforcementLevel: _level, ...settings } = config;
  const parsed = parseSealRequirements(settings);
  return parsed.ok ? [] : parsed.problems;
}

function requirementsOf(config: Record<string, unknown>): SealRequirements {
  const { enforcementLevel: _level, ...settings } = config;
  const parsed = parseSealRequirements(settings);
  if (parsed.ok) return parsed.value;
  throw new Error(`policy config of seal-enforce-minimum: ${parsed.problems.join("; ")}`);
}

const isUnknown = (v: unknown) => unknownCause(v) !== undefined;

/** The vendor of the cluster a Kubernetes provider's kubeconfig points at, when its host is in the catalog. */
function clusterVendor(props: Record<string, unknown>): string | undefined {
  const kubeconfig = props.kubeconfig;
  if (typeof kubeconfig !== "string" || isUnknown(kubeconfig)) return undefined;
  const reading = readKubeconfig(kubeconfig);
  if (reading.kind !== "servers" || reading.servers.length !== 1) return undefined;
  const host = reading.servers[0]?.host;
  return host === undefined ? undefined : matchHost(KUBERNETES_ENDPOINTS, host)?.vendor;
}

function assuranceResource(r: PolicyResource): AssuranceResource {
  const inputs = rawOf(r.props) as Record<string, unknown>;
  const provider = r.provider ? (rawOf(r.provider.props) as Record<string, unknown>) : undefined;
  const placedVendor = r.type === "pulumi:providers:kubernetes" ? clusterVendor(inputs) : undefined;
  return {
    urn: r.urn,
    type: r.type,
    inputs,
    ...(provider ? { provider } : {}),
    ...(placedVendor ? { placedVendor } : {}),
  };
}

/** The violation text: offering, objective, level found and required, and where the assessment comes from. */
export function shortfallMessage(s: Shortfall, table: AssessmentTable): string {
  const offering = table[s.offering];
  const { found } = s;
  return `relies on ${offering.name} (${s.offering}, ${offering.operator}, ${offering.country}), assessed SEAL-${found.seal} for ${s.objective} ${OBJECTIVES[s.objective].name}; the minimum is SEAL-${s.required}. Assessment by ${found.assessedBy}, ${found.assessed}: ${found.rationale} (source: ${found.source.title}, ${found.source.url}, ${found.source.published}).`;
}

export const sealEnforceMinimum = definePolicy({
  name: "seal-enforce-minimum",
  description:
    "Every offering the stack relies on reaches, per objective of the EU Cloud Sovereignty Framework, the minimum SEAL the classification of its data requires, and an offering that cannot be told apart fails closed.",
  configSchema,
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const req = requirementsOf(args.getConfig<Record<string, unknown>>());
    const table = loadAssessmentTable(assessmentsFileFrom(process.env));
    const stack = stackAssurance(args.resources.map(assuranceResource), isUnknown);
    for (const u of stack.undetected)
      reportViolation(`the offering this resource relies on cannot be told: ${u.reason}.`, u.urn);
    for (const s of shortfalls(stack, table, req))
      reportViolation(shortfallMessage(s, table), s.urn);
  },
  severity: "high",
  framework: CLOUD_SOVEREIGNTY_FRAMEWORK,
  tags: ["sovereignty", "assurance", "seal"],
  remediationSteps:
    "Move the workload to an offering assessed at the required level (config/catalog/assurance-offerings.ts), lower the workload's sovereign:workloads[].classification if its data allows, change this policy's minimum or byClassification, or record your own assessment with its source in policies/assessments.json.",
  configProblems: sealConfigProblems,
  pack: PackName.euSovereignty,
  area: PolicyArea.seal,
});
