/**
 * Answers to provider-SDK invokes that common programs make (versions, regions, zones), so they run to the end
 * offline. An invoke not listed here is reported by the engine, never answered with a guess.
 */

type Answer = (inputs: Record<string, unknown>) => Record<string, unknown>;

export const CANNED_INVOKES: Readonly<Record<string, Answer>> = {};

export function cannedInvoke(token: string, inputs: Record<string, unknown>): Record<string, unknown> | undefined {
  return CANNED_INVOKES[token]?.(inputs);
}
