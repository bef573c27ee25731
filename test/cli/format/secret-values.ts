/**
 * Test-only readers of the values a report must never show: the plaintext at every secret path of recorded
 * resources, and the `secure:` ciphertexts of a stack file.
 */
import type { RecordedResource } from "../../../cli/engine/recorder";

/** The value at a recorder path (`spec.password`, `env[2].value`). */
function valueAt(root: unknown, path: string): unknown {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  return keys.reduce<unknown>((node, key) => {
    if (node === null || typeof node !== "object") return undefined;
    return (node as Record<string, unknown>)[key];
  }, root);
}

/** The plaintext of every secret input the resources carry, as strings (booleans carry no secret worth hiding). */
export function secretValuesOf(resources: readonly RecordedResource[]): string[] {
  return resources.flatMap((r) =>
    r.secretPaths.flatMap((path) => {
      const value = valueAt(r.inputs, path);
      if (typeof value === "string") return [value];
      if (typeof value === "number") return [String(value)];
      return [];
    }),
  );
}

/** Every `secure:` ciphertext in a parsed stack config file (`config: {key: {secure: "v1:..."}}`, nested too). */
export function secureConfigValuesOf(config: unknown): string[] {
  if (Array.isArray(config)) return config.flatMap(secureConfigValuesOf);
  if (config === null || typeof config !== "object") return [];
  const obj = config as Record<string, unknown>;
  const own = typeof obj.secure === "string" ? [obj.secure] : [];
  return [...own, ...Object.values(obj).flatMap(secureConfigValuesOf)];
}
