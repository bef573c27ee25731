/**
 * Waiting until every registration the program started has been answered. Pulumi's runtime tracks its pending
 * RPCs and exports `waitForRPCs` (internal: absent from its typings); without it, the engine waits turn by turn
 * until the registrations recorded reach those the program declared, or nothing moves any more.
 */
import type * as PulumiModule from "@pulumi/pulumi";
import { VERIFIED_SDK, type InternalsInUse, type SdkInternal } from "./sdk-internals";

export const WAIT_FOR_RPCS: SdkInternal = {
  name: "runtime.waitForRPCs",
  verified: VERIFIED_SDK,
  fallback:
    "the engine waited until the registrations it recorded matched those the program declared",
};

/** Turns without a new registration after which the public wait gives up (completeness.ts then judges). */
const IDLE_TURNS = 200;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Progress {
  /** Registrations recorded so far. */
  readonly recorded: () => number;
  /** Registrations the program declared so far, or undefined when they could not be counted. */
  readonly declared: () => number | undefined;
}

/** Resolves when the program's registrations have drained, through `waitForRPCs` when `internals` allow it. */
export async function waitForRegistrations(
  pulumi: typeof PulumiModule,
  internals: InternalsInUse,
  progress: Progress,
): Promise<void> {
  const runtime = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
  const wait = runtime.waitForRPCs;
  if (internals.use(WAIT_FOR_RPCS, typeof wait === "function") && wait) {
    await wait();
    return;
  }
  let last = progress.recorded();
  for (let idle = 0; idle < IDLE_TURNS; idle += 1) {
    const declared = progress.declared();
    if (declared !== undefined && last >= declared) return;
    await nextTurn();
    const now = progress.recorded();
    if (now !== last) idle = -1;
    last = now;
  }
}
