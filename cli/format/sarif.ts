/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif). One rule per policy
 * that ran, with its description and remediation as help; one result per violation, located at the program line
 * that declared the resource when the engine knew it, else at the stack's config file. Levels follow enforcement
 * (mandatory → error, advisory → warning); `security-severity` follows the policy's severity so code scanning
 * ranks alerts critical/high/medium/low. Exempted violations are not results (GitHub ignores SARIF
 * suppressions and would raise them as open alerts); the exemptions in use are listed in the run's properties.
 */
import { createHash } from "node:crypto";
import { sovereigntySarif } from "./sovereignty";
import { toolchainSarif } from "./toolchain";
import type { CheckReport, PolicySummary, ReportedViolation } from "../engine/report";
import type { FormatContext } from "./context";
import { repoPath } from "./context";
import { sortedViolations, viewOf, type ReportView } from "./view";

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** The tool name code scanning shows for every alert. */
export const SARIF_TOOL_NAME = "sovereign-check";

type SarifLevel = "error" | "warning" | "note" | "none";

/** SARIF level per enforcement level; `disabled` policies are listed but never produce results. */
const LEVELS: Readonly<Record<PolicySummary["enforcementLevel"], SarifLevel>> = {
  mandatory: "error",
  advisory: "warning",
  remediate: "warning",
  disabled: "none",
};

/**
 * GitHub's `security-severity` scale (0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0+ critical): one value
 * inside each band.
 */
const SECURITY_SEVERITY: Readonly<Record<string, string>> = {
  low: "3.0",
  medium: "5.5",
  high: "8.0",
  critical: "9.5",
};

/** The key under which results carry their stable fingerprint. */
export const FINGERPRINT_KEY = "sovereignViolation/v1";

const ruleId = (p: { pack: string; policy: string }) => `${p.pack}/${p.policy}`;

/** The first sentence of a description: what code scanning shows as the alert's title. */
const firstSentence = (text: string) => /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;

function ruleOf(policy: PolicySummary) {
  const severity = policy.severity ? SECURITY_SEVERITY[policy.severity] : undefined;
  const fix = policy.remediationSteps ? `\n\n**Fix:** ${policy.remediationSteps}` : "";
  return {
    id: ruleId(policy),
    name: policy.policy,
    shortDescription: { text: firstSentence(policy.description) },
    fullDescription: { text: policy.description },
    help: {
      text: policy.remediationSteps ?? policy.description,
      markdown: `**${policy.policy}** (pack \`${policy.pack}\`, ${policy.enforcementLevel})\n\n${policy.description}${fix}`,
    },
    defaultConfiguration: {
      level: LEVELS[policy.enforcementLevel],
      enabled: policy.enforcementLevel !== "disabled",
    },
    properties: {
      // "security" marks the rule as a security query, which code scanning needs to use security-severity.
      tags: ["security", "sovereignty", policy.pack],
      precision: "very-high",
      ...(severity ? { "security-severity": severity } : {}),
    },
  };
}

/** Same policy on the same resource of the same stack → same fingerprint, whatever line it moves to. */
function fingerprint(report: CheckReport, v: ReportedViolation): string {
  const identity = [report.project, report.stack, v.pack, v.policy, v.urn ?? "<stack>"].join("\n");
  return createHash("sha256").update(identity).digest("hex");
}

function locationOf(view: ReportView, v: ReportedViolation) {
  const subject = view.subjectOf(v.urn);
  const at = subject.source ?? { file: view.ctx.stackFile, line: 1 };
  return {
    physicalLocation: {
      artifactLocation: { uri: repoPath(view.ctx, at.file), uriBaseId: "%SRCROOT%" },
      region: { startLine: Math.max(1, at.line) },
    },
    logicalLocations: [
      {
        name: subject.name,
        fullyQualifiedName: subject.urn ?? `${view.report.project}/${view.report.stack}`,
        kind: "resource",
      },
    ],
  };
}

/** Renders the report as a SARIF 2.1.0 log with one run. */
export function render(report: CheckReport, ctx?: FormatContext): string {
  const view = viewOf(report, ctx);
  const r = view.report;
  const violations = sortedViolations(r);
  const policies = [...r.policies];
  for (const v of violations) {
    if (!policies.some((p) => ruleId(p) === ruleId(v))) policies.push(view.policyOf(v));
  }
  const rules = policies.map(ruleOf);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = violations.map((v) => {
    const subject = view.subjectOf(v.urn);
    return {
      ruleId: ruleId(v),
      ruleIndex: index.get(ruleId(v)) ?? 0,
      level: LEVELS[v.enforcementLevel],
      message: {
        text: `${v.urn === null ? `Stack ${r.project}/${r.stack}` : `${subject.name} (${subject.type})`}: ${v.message}`,
      },
      locations: [locationOf(view, v)],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(r, v) },
      properties: {
        pack: v.pack,
        policy: v.policy,
        enforcementLevel: v.enforcementLevel,
        resource: v.urn ?? "(stack)",
      },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            version: view.ctx.toolVersion,
            semanticVersion: view.ctx.toolVersion,
            rules,
          },
        },
        // One category per stack, so the stacks of a matrix do not close each other's alerts.
        automationDetails: { id: `${SARIF_TOOL_NAME}/${r.project}/${r.stack}/` },
        columnKind: "utf16CodeUnits",
        results,
        properties: {
          project: r.project,
          stack: r.stack,
          summary: r.summary,
          exemptions: r.exemptions,
          assumedConfig: r.assumedConfig,
          unansweredInvokes: r.unansweredInvokes,
          notes: r.notes ?? [],
          ...sovereigntySarif(r),
          ...toolchainSarif(r),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
