/**
 * `--format junit`: JUnit XML for CI test reports (GitLab `artifacts:reports:junit`, Jenkins, Azure DevOps). One
 * test suite per policy, one test case per resource in it: a violation is a failure (its `type` is the enforcement
 * level, so advisory failures can be told apart), an exempted resource is skipped with the exemption's owner and
 * expiry, every other resource passes. A stack-level violation is a failure of the case `(stack)`. A disabled
 * policy is one skipped case.
 */
import type {
  CheckReport,
  PlannedResource,
  PolicySummary,
  ReportedViolation,
} from "../engine/report";
import type { FormatContext } from "./context";
import { repoPath } from "./context";
import { viewOf, type ReportView } from "./view";
import { SUITE_PROPERTIES } from "./sovereignty";

/** Characters XML 1.0 cannot carry at all (control characters other than tab, newline and carriage return). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text safe inside an XML attribute or element. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Whitespace an XML parser would normalise to spaces inside attribute values, kept as character references. */
const ATTRIBUTE_WHITESPACE: Readonly<Record<string, string>> = {
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};

const attribute = (value: string) =>
  xmlEscape(value).replace(/[\n\r\t]/g, (c) => ATTRIBUTE_WHITESPACE[c] ?? c);

const attrs = (pairs: Record<string, string | number | undefined>) =>
  Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${attribute(String(v))}"`)
    .join("");

interface Case {
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
  readonly failures: readonly ReportedViolation[];
  readonly skipped?: string;
}

function caseXml(policy: PolicySummary, c: Case): string {
  const head = `    <testcase${attrs({ classname: `${policy.pack}.${policy.policy}`, name: c.name, file: c.file, line: c.line })}`;
  const first = c.failures[0];
  if (first) {
    const more = c.failures.length > 1 ? ` (+${c.failures.length - 1} more)` : "";
    const why = policy.remediationSteps
      ? `Fix: ${policy.remediationSteps}`
      : `Policy: ${policy.description}`;
    const body = [...c.failures.map((f) => f.message), why].join("\n");
    const failure = `<failure${attrs({ type: first.enforcementLevel, message: `${first.message}${more}` })}>${xmlEscape(body)}</failure>`;
    return `${head}>\n      ${failure}\n    </testcase>`;
  }
  if (c.skipped !== undefined)
    return `${head}>\n      <skipped${attrs({ message: c.skipped })}/>\n    </testcase>`;
  return `${head}/>`;
}

/** `name (type)`, or the URN when two resources of a suite would share that label. */
function caseNames(resources: readonly PlannedResource[]): Map<string, string> {
  const label = (r: PlannedResource) => `${r.name} (${r.type})`;
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(label(r), (counts.get(label(r)) ?? 0) + 1);
  return new Map(resources.map((r) => [r.urn, (counts.get(label(r)) ?? 0) > 1 ? r.urn : label(r)]));
}

function casesOf(view: ReportView, policy: PolicySummary, names: Map<string, string>): Case[] {
  if (policy.enforcementLevel === "disabled")
    return [
      { name: "(policy disabled)", failures: [], skipped: "disabled in this stack's pack config" },
    ];
  const mine = view.report.violations.filter(
    (v) => v.pack === policy.pack && v.policy === policy.policy,
  );
  const exemptions = view.report.exemptions.filter((e) => e.policy === policy.policy && !e.expired);
  const resourceCases = view.report.resources.map((r): Case => {
    const exemption = exemptions.find((e) => e.matched.includes(r.urn));
    return {
      name: names.get(r.urn) ?? r.urn,
      ...(r.source ? { file: repoPath(view.ctx, r.source.file), line: r.source.line } : {}),
      failures: mine.filter((v) => v.urn === r.urn),
      ...(exemption
        ? {
            skipped: `exempted until ${exemption.expires} (owner ${exemption.owner}): ${exemption.reason}`,
          }
        : {}),
    };
  });
  const known = new Set(view.report.resources.map((r) => r.urn));
  // Violations on URNs the plan does not list (and stack-level ones) still need a case to fail.
  const orphans = [
    ...new Set(mine.filter((v) => v.urn === null || !known.has(v.urn)).map((v) => v.urn)),
  ].map((urn): Case => ({ name: urn ?? "(stack)", failures: mine.filter((v) => v.urn === urn) }));
  return [...resourceCases, ...orphans];
}

function suiteXml(
  policy: PolicySummary,
  cases: readonly Case[],
  extra: readonly [string, string][] = [],
): string {
  const failures = cases.filter((c) => c.failures.length > 0).length;
  const skipped = cases.filter((c) => c.failures.length === 0 && c.skipped !== undefined).length;
  const properties = [
    ["pack", policy.pack],
    ["enforcementLevel", policy.enforcementLevel],
    ["severity", policy.severity],
    ...extra,
  ]
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([name, value]) => `      <property${attrs({ name, value })}/>`);
  return [
    `  <testsuite${attrs({ name: `${policy.pack}/${policy.policy}`, tests: cases.length, failures, errors: 0, skipped })}>`,
    "    <properties>",
    ...properties,
    "    </properties>",
    ...cases.map((c) => caseXml(policy, c)),
    "  </testsuite>",
  ].join("\n");
}

/** Renders the report as a JUnit XML document. */
export function render(report: CheckReport, ctx?: FormatContext): string {
  const view = viewOf(report, ctx);
  const r = view.report;
  const policies = [...r.policies];
  for (const v of r.violations) {
    if (!policies.some((p) => p.pack === v.pack && p.policy === v.policy))
      policies.push(view.policyOf(v));
  }
  const names = caseNames(r.resources);
  const suites = policies.map((p) => ({ policy: p, cases: casesOf(view, p, names) }));
  const count = (pick: (c: Case) => boolean) =>
    suites.reduce((n, s) => n + s.cases.filter(pick).length, 0);
  const root = attrs({
    name: `sovereign check ${r.project}/${r.stack}`,
    tests: count(() => true),
    failures: count((c) => c.failures.length > 0),
    errors: 0,
    skipped: count((c) => c.failures.length === 0 && c.skipped !== undefined),
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${root}>`,
    ...suites.map((s) => suiteXml(s.policy, s.cases, SUITE_PROPERTIES[s.policy.policy]?.(r) ?? [])),
    "</testsuites>",
    "",
  ].join("\n");
}
