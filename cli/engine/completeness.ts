/**
 * A run is judged only when it is whole: the root stack was recorded, and every resource the program declared
 * reached the recorder. The program's declarations are counted through a stack transformation (public API: it
 * sees every resource constructed under the stack); reads (`Resource.get`) and references by URN register nothing.
 * Anything less (an SDK whose internals moved, a registration lost on the way) stops the check with exit 2: an
 * empty or partial plan would otherwise pass.
 */
import type * as PulumiModule from "@pulumi/pulumi";
import { ROOT_STACK_TYPE, type RecordedResource } from "./recorder";

/** Counts the registrations the program declares from now on; call inside `runInPulumiStack`. */
export function countDeclarations(pulumi: typeof PulumiModule): () => number | undefined {
  let declared = 0;
  try {
    pulumi.runtime.registerStackTransformation((args) => {
      if (!args.opts.urn && !args.opts.id) declared += 1;
      return undefined;
    });
  } catch {
    // No root stack to register on: the root-stack check below stops the run.
    return () => undefined;
  }
  return () => declared;
}

/** Why the recorded run cannot be judged, or undefined when it is whole. */
export function incompleteRun(
  resources: readonly RecordedResource[],
  declared: number | undefined,
  sdkVersion: string,
): string | undefined {
  const sdk = `@pulumi/pulumi ${sdkVersion}`;
  if (!resources.some((r) => r.type === ROOT_STACK_TYPE && r.parent === undefined))
    return `the run recorded no root stack resource (${ROOT_STACK_TYPE}) with ${sdk}: the plan would be empty or orphaned, so it is not judged; check the program with \`pulumi preview --json\` and --preview-json instead`;
  const recorded = resources.filter((r) => r.type !== ROOT_STACK_TYPE).length;
  if (declared !== undefined && recorded < declared)
    return `the program declared ${declared} resources but the run recorded ${recorded} with ${sdk}: a partial plan is not judged; check the program with \`pulumi preview --json\` and --preview-json instead`;
  return undefined;
}
