/**
 * Runs the selected packs' policies over a recorded plan as the CrossGuard analyzer does: every resource policy
 * on every resource, then every stack policy once. A policy reading a value unknown during preview yields the
 * analyzer's advisory note; any other throw is a mandatory violation naming the policy and the error (fail
 * closed, where the real engine would abort the preview).
 */
import type {
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  StackValidation,
} from "@pulumi/policy";
import type { PolicySummary, ReportedLevel, ReportedViolation } from "./report";
import type { RecordedResource } from "./recorder";
import {
  settingsOf,
  type EnginePolicy,
  type PackConfig,
  type PackDefinition,
  type PolicySettings,
} from "./packs";
import {
  createArgsBuilder,
  isUnknownValueError,
  NotApplicable,
  withGetConfig,
  type BaseResourceArgs,
} from "./policy-args";

interface Active {
  readonly pack: PackDefinition;
  readonly policy: EnginePolicy;
  readonly settings: PolicySettings;
  readonly level: ReportedLevel;
  /** `args.getConfig`, one per policy: the same settings object for every resource. */
  readonly getConfig: <T extends object>() => T;
}

/** An enabled resource policy with its validations as a list, built once instead of once per resource. */
interface ActiveResource extends Active {
  readonly validations: readonly ResourceValidation[];
}

/**
 * A validation that says which resource types it judges (policies/lib/define.ts `scopedValidation`): it passes
 * every other type without reading anything, so the engine need not call it there, as CrossGuard's analyzer
 * skips a `validateResourceOfType` validation on other types.
 */
type Scoped = ResourceValidation & { readonly appliesTo?: unknown };

/** Whether `validation` judges `type`: skipped only when its test answers exactly false (fail closed). */
function judges(validation: Scoped, type: string): boolean {
  if (typeof validation.appliesTo !== "function") return true;
  try {
    return validation.appliesTo(type) !== false;
  } catch {
    return true;
  }
}

/** The policies that may judge each type, with the validations that do, in pack order; worked out once per type. */
function policiesByType(policies: readonly ActiveResource[]) {
  const byType = new Map<string, readonly ActiveResource[]>();
  return (type: string): readonly ActiveResource[] => {
    let list = byType.get(type);
    if (list === undefined) {
      list = policies.flatMap((p) => {
        const validations = p.validations.filter((v) => judges(v as Scoped, type));
        return validations.length === 0 ? [] : [{ ...p, validations }];
      });
      byType.set(type, list);
    }
    return list;
  };
}

export interface Evaluation {
  readonly violations: ReportedViolation[];
  readonly policies: PolicySummary[];
}

/** `remediate` reports as mandatory when the violation is still there, as the analyzer does. */
const REPORTED_LEVEL: Readonly<Record<string, ReportedLevel | undefined>> = {
  advisory: "advisory",
  mandatory: "mandatory",
  remediate: "mandatory",
};

function violationSink(
  active: Active,
  defaultUrn: string | null,
  out: ReportedViolation[],
): ReportViolation {
  const { pack, policy, level } = active;
  return ((message: unknown, urn?: string) => {
    const detail =
      message !== null && typeof message === "object"
        ? (message as Record<string, unknown>)
        : undefined;
    const text = detail ? (detail.message ?? detail.description) : message;
    const reportedLevel =
      detail && typeof detail.enforcementLevel === "string" ? detail.enforcementLevel : level;
    out.push({
      pack: pack.name,
      policy: typeof detail?.name === "string" ? detail.name : policy.name,
      enforcementLevel: REPORTED_LEVEL[reportedLevel] ?? level,
      urn: (typeof detail?.urn === "string" ? detail.urn : urn) ?? defaultUrn,
      message: typeof text === "string" && text !== "" ? text : policy.description,
      severity: policy.severity,
    });
  }) as ReportViolation;
}

function failure(active: Active, urn: string | null, e: unknown): ReportedViolation {
  const { pack, policy } = active;
  const from = `policy '${policy.name}' from policy pack '${pack.name}@v${pack.version}'`;
  if (isUnknownValueError(e)) {
    return {
      pack: pack.name,
      policy: policy.name,
      enforcementLevel: "advisory",
      urn,
      message: `can't run ${from} during preview: ${(e as Error).message}`,
      severity: policy.severity,
    };
  }
  const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return {
    pack: pack.name,
    policy: policy.name,
    enforcementLevel: "mandatory",
    urn,
    message: `${from} failed${urn ? ` on ${urn}` : ""} (failing closed): ${reason}`,
    severity: policy.severity,
  };
}

function recordThrow(active: Active, urn: string | null, out: ReportedViolation[], e: unknown) {
  if (!(e instanceof NotApplicable)) out.push(failure(active, urn, e));
}

/**
 * Runs one validation; returns a promise only when the validation is asynchronous (most are not). Allocates
 * nothing on the synchronous path: it runs for every resource and every policy.
 */
function guarded<A, R>(
  active: Active,
  urn: string | null,
  out: ReportedViolation[],
  validate: (args: A, report: R) => unknown,
  args: A,
  report: R,
): Promise<void> | undefined {
  try {
    const result = validate(args, report);
    if (result instanceof Promise)
      return result.then(
        () => undefined,
        (e: unknown) => recordThrow(active, urn, out, e),
      );
  } catch (e) {
    recordThrow(active, urn, out, e);
  }
  return undefined;
}

/** The validations of one policy on one resource, in order; a promise only when one of them is asynchronous. */
function runValidations(
  active: ActiveResource,
  r: RecordedResource,
  out: ReportedViolation[],
  args: ResourceValidationArgs,
  report: ReportViolation,
  from: number,
): Promise<void> | undefined {
  const validations = active.validations;
  for (let v = from; v < validations.length; v += 1) {
    const validation = validations[v] as ResourceValidation;
    const pending = guarded(active, r.urn, out, validation, args, report);
    if (pending) return pending.then(() => runValidations(active, r, out, args, report, v + 1));
  }
  return undefined;
}

/**
 * Every resource policy on one resource, in order, as the analyzer runs them: synchronous (and so optimised as
 * plain code) until a validation returns a promise, after which the rest waits for it.
 */
function runPolicies(
  r: RecordedResource,
  base: BaseResourceArgs,
  policies: readonly ActiveResource[],
  out: ReportedViolation[],
  from: number,
): Promise<void> | undefined {
  for (let p = from; p < policies.length; p += 1) {
    const active = policies[p] as ActiveResource;
    const args = withGetConfig(base, active.getConfig);
    const pending = runValidations(active, r, out, args, violationSink(active, r.urn, out), 0);
    if (pending) return pending.then(() => runPolicies(r, base, policies, out, p + 1));
  }
  return undefined;
}

function summaryOf(active: {
  pack: PackDefinition;
  policy: EnginePolicy;
  settings: PolicySettings;
}): PolicySummary {
  const { pack, policy, settings } = active;
  return {
    pack: pack.name,
    policy: policy.name,
    description: policy.description,
    enforcementLevel: settings.level,
    severity: policy.severity,
    remediationSteps: policy.remediationSteps,
  };
}

/** Runs `packs` over `resources` (with their default providers) and returns violations in a stable order. */
export async function evaluate(
  resources: readonly RecordedResource[],
  packs: readonly PackDefinition[],
  packConfig: PackConfig,
): Promise<Evaluation> {
  const all = packs.flatMap((pack) =>
    pack.policies.map((policy) => ({
      pack,
      policy,
      settings: settingsOf(policy, pack, packConfig),
    })),
  );
  const enabled: Active[] = all.flatMap((a) => {
    const level = REPORTED_LEVEL[a.settings.level];
    const config = a.settings.config;
    return level ? [{ ...a, level, getConfig: <T extends object>() => config as T }] : [];
  });
  const resourcePolicies: ActiveResource[] = enabled.flatMap((a) => {
    const validate = a.policy.validateResource;
    return validate === undefined ? [] : [{ ...a, validations: [validate].flat() }];
  });
  const stackPolicies = enabled.filter((a) => a.policy.validateStack !== undefined);
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const build = createArgsBuilder(byUrn);
  const violations: ReportedViolation[] = [];

  const policiesFor = policiesByType(resourcePolicies);
  for (let i = 0; i < resources.length && resourcePolicies.length > 0; i += 1) {
    const r = resources[i] as RecordedResource;
    const policies = policiesFor(r.type);
    if (policies.length === 0) continue;
    const pending = runPolicies(r, build.resourceArgs(r), policies, violations, 0);
    if (pending) await pending;
  }
  if (stackPolicies.length > 0) {
    const stackResources = build.stackResources(resources);
    for (const active of stackPolicies) {
      const validateStack = active.policy.validateStack as StackValidation;
      const args = {
        resources: stackResources,
        stackTags: new Map<string, string>(),
        getConfig: active.getConfig,
        notApplicable: (reason?: string): never => {
          throw new NotApplicable(reason);
        },
      };
      await guarded(
        active,
        null,
        violations,
        validateStack,
        args,
        violationSink(active, null, violations),
      );
    }
  }
  return { violations, policies: all.map(summaryOf) };
}
