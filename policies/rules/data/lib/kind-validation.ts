/**
 * The shape every per-kind data rule shares: find the resource's kind among the rule's, run that kind's check on
 * its props with the policy config over the rule's defaults, and report each message as a violation.
 */
import type { ScopedValidation } from "../../../lib/define";
import { scopedValidation } from "../../../lib/define";
import { kindOf, ofKinds, type DataKind } from "./types";

type Json = Record<string, unknown>;

export function kindValidation<K extends DataKind, C extends object>(
  kinds: readonly K[],
  checks: Readonly<Record<K, (props: Json, config: C) => string[]>>,
  defaults: C,
): ScopedValidation {
  return scopedValidation(ofKinds(kinds), (args, reportViolation) => {
    const kind = kindOf(args.type, kinds);
    if (kind === undefined) return;
    const config = { ...defaults, ...args.getConfig<Partial<C>>() };
    for (const message of checks[kind](args.props as Json, config)) reportViolation(message);
  });
}
