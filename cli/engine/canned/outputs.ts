/**
 * Computed outputs the mock runtime returns per resource type, so programs that read them (kubeconfigs, endpoints,
 * credentials) run to the end offline. Values are plausible shapes, never real credentials.
 * Adding a type is one entry.
 */

type Outputs = (name: string, inputs: Record<string, unknown>) => Record<string, unknown>;

export const CANNED_OUTPUTS: Readonly<Record<string, Outputs>> = {};

export function cannedOutputs(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  return CANNED_OUTPUTS[type]?.(name, inputs) ?? {};
}
