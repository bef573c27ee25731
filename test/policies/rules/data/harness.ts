/**
 * The shared args builder (test/policies/fixtures/args.ts) with the engine inputs data rules also read: the
 * stack's tags, the stack name in the URN, and the resource options `additionalSecretOutputs` and
 * `retainOnDelete`. Unknown values stay behind the SDK's proxy, so an UnknownValueError reaches the caller.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import type { SovereignResourcePolicy } from "../../../../policies/lib/define";
import { resourceArgs, type PackConfig, type ResourceSpec } from "../../fixtures/args";

export interface EngineContext {
  /** The stack in the URN. @default "dev" - as the shared builder */
  readonly stack?: string;
  /** @default {} */
  readonly stackTags?: Readonly<Record<string, string>>;
  /** @default [] */
  readonly additionalSecretOutputs?: readonly string[];
  /** Set only by an engine that passes it (the Pulumi CLI does not). @default - absent */
  readonly retainOnDelete?: boolean;
}

/** The args the engine would hand `policy` for `spec` in `context`. */
export function argsIn(
  policy: SovereignResourcePolicy,
  spec: ResourceSpec,
  context: EngineContext = {},
  config: PackConfig = {},
): ResourceValidationArgs {
  const base = resourceArgs(spec, policy.name, config);
  return {
    ...base,
    urn:
      context.stack === undefined
        ? base.urn
        : base.urn.replace(/^urn:pulumi:[^:]+::/, `urn:pulumi:${context.stack}::`),
    stackTags: new Map(Object.entries(context.stackTags ?? {})),
    opts: {
      ...base.opts,
      additionalSecretOutputs: [...(context.additionalSecretOutputs ?? [])],
      ...(context.retainOnDelete === undefined ? {} : { retainOnDelete: context.retainOnDelete }),
    },
  };
}

/** The violations `policy` reports for `spec`; throws what the policy throws (e.g. UnknownValueError). */
export async function violationsOf(
  policy: SovereignResourcePolicy,
  spec: ResourceSpec,
  context: EngineContext = {},
  config: PackConfig = {},
): Promise<string[]> {
  const found: string[] = [];
  for (const validation of [policy.validateResource].flat())
    await validation(argsIn(policy, spec, context, config), (message) => void found.push(message));
  return found;
}
