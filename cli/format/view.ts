/**
 * The common first step of every renderer: redact the report with the run's secrets, resolve the context's
 * defaults, and index resources and policies so each format can name what a violation is about.
 */
import type {
  CheckReport,
  PlannedResource,
  PolicySummary,
  ReportedViolation,
} from "../engine/report";
import { resolveContext, type FormatContext, type ResolvedContext } from "./context";
import { redactDeep } from "../engine/redact";

/** What a violation points at, for display. */
export interface Subject {
  readonly type: string;
  readonly name: string;
  readonly urn: string | null;
  readonly source?: { readonly file: string; readonly line: number };
}

export interface ReportView {
  /** The report with every secret value replaced by `[secret]`. */
  readonly report: CheckReport;
  readonly ctx: ResolvedContext;
  readonly subjectOf: (urn: string | null) => Subject;
  /** The summary of the policy a violation came from; one is made up when the report did not list it. */
  readonly policyOf: (
    v: Pick<ReportedViolation, "pack" | "policy" | "enforcementLevel" | "severity">,
  ) => PolicySummary;
}

/** The stack itself, for stack-level violations. */
export const STACK_SUBJECT: Subject = { type: "pulumi:pulumi:Stack", name: "(stack)", urn: null };

/** `urn:pulumi:s::p::a$b:c:D::name` → `{type: "b:c:D", name}`, for URNs the report has no resource for. */
function subjectFromUrn(urn: string): Subject {
  const parts = urn.split("::");
  return { type: parts[2]?.split("$").at(-1) ?? urn, name: parts.slice(3).join("::") || urn, urn };
}

export function viewOf(raw: CheckReport, ctx?: FormatContext): ReportView {
  const resolved = resolveContext(ctx);
  const report = redactDeep(raw, resolved.secrets);
  const byUrn = new Map<string, PlannedResource>(report.resources.map((r) => [r.urn, r]));
  const policies = new Map(report.policies.map((p) => [`${p.pack}/${p.policy}`, p]));
  return {
    report,
    ctx: resolved,
    subjectOf: (urn) => {
      if (urn === null) return STACK_SUBJECT;
      const r = byUrn.get(urn);
      return r
        ? { type: r.type, name: r.name, urn, ...(r.source ? { source: r.source } : {}) }
        : subjectFromUrn(urn);
    },
    policyOf: (v) =>
      policies.get(`${v.pack}/${v.policy}`) ?? {
        pack: v.pack,
        policy: v.policy,
        description: v.policy,
        enforcementLevel: v.enforcementLevel,
        ...(v.severity ? { severity: v.severity } : {}),
      },
  };
}

/** Violations in a stable order: mandatory first, then pack, policy and resource. */
export function sortedViolations(report: CheckReport): ReportedViolation[] {
  const rank = (v: ReportedViolation) => (v.enforcementLevel === "mandatory" ? 0 : 1);
  return [...report.violations].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.pack.localeCompare(b.pack) ||
      a.policy.localeCompare(b.policy) ||
      (a.urn ?? "").localeCompare(b.urn ?? "") ||
      a.message.localeCompare(b.message),
  );
}
