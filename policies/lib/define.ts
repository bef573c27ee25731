/**
 * How a policy is written here: a CrossGuard policy plus the metadata our registry, reports and README need.
 * `definePolicy` checks nothing at run time; it fixes the shape so every rule file reads the same.
 */
import type {
  EnforcementLevel,
  PolicyConfigSchema,
  ResourceValidation,
  ResourceValidationPolicy,
  Severity,
  StackValidationPolicy,
} from "@pulumi/policy";

export const PolicyArea = {
  region: "region",
  vendor: "vendor",
  endpoint: "endpoint",
  image: "image",
  workload: "workload",
  data: "data",
  fleet: "fleet",
  seal: "seal",
  toolchain: "toolchain",
} as const;
export type PolicyArea = (typeof PolicyArea)[keyof typeof PolicyArea];

export const PackName = {
  euSovereignty: "eu-sovereignty",
  workloadBaseline: "workload-baseline",
  dataProtection: "data-protection",
  diversification: "diversification",
} as const;
export type PackName = (typeof PackName)[keyof typeof PackName];

interface Metadata {
  readonly name: string;
  readonly description: string;
  readonly configSchema?: PolicyConfigSchema;
  readonly enforcementLevel?: EnforcementLevel;
  readonly severity: Severity;
  readonly framework?: { name: string; version?: string; reference?: string };
  readonly tags: readonly string[];
  readonly remediationSteps: string;
  readonly url?: string;
  /**
   * What is wrong with the pack config's settings for this policy, one line each (the offline engine stops with
   * exit 2 on any). @default - only the JSON schema's checks
   */
  readonly configProblems?: (config: Readonly<Record<string, unknown>>) => string[];
  /** The pack that ships this policy. */
  readonly pack: PackName;
  readonly area: PolicyArea;
}

export type SovereignResourcePolicy = Metadata &
  Required<Pick<ResourceValidationPolicy, "validateResource">>;
export type SovereignStackPolicy = Metadata &
  Required<Pick<StackValidationPolicy, "validateStack">>;
export type SovereignPolicy = SovereignResourcePolicy | SovereignStackPolicy;

export function definePolicy<P extends SovereignPolicy>(policy: P): P {
  return policy;
}

export function isStackPolicy(p: SovereignPolicy): p is SovereignStackPolicy {
  return "validateStack" in p;
}

/** A resource validation that carries the test of which resource types it judges. */
export type ScopedValidation = ResourceValidation & {
  /** True for the types the validation judges; a pure function of the type token. */
  readonly appliesTo: (type: string) => boolean;
};

/**
 * `validate`, run only on the types `appliesTo` accepts. Every other type gets `args.notApplicable(reason)`, or
 * passes when no reason is given, before anything else is read. The test travels with the function, so the
 * offline engine skips those types without calling it (as CrossGuard's analyzer skips a `validateResourceOfType`
 * validation on other types) and every engine gets the same verdicts.
 */
export function scopedValidation(
  appliesTo: (type: string) => boolean,
  validate: ResourceValidation,
  notApplicableReason?: string,
): ScopedValidation {
  const scoped: ResourceValidation = (args, reportViolation) => {
    if (appliesTo(args.type)) return validate(args, reportViolation);
    return notApplicableReason === undefined ? undefined : args.notApplicable(notApplicableReason);
  };
  return Object.assign(scoped, { appliesTo });
}
