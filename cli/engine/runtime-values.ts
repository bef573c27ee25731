/**
 * Values as Pulumi's mocks hand them over (`newResource` and `call` get deserialized inputs: live Resources,
 * Outputs, assets, unknowns, secrets), as the plain JSON the canned answers read. The live values themselves go
 * back to the runtime untouched: only the SDK's own serializer may encode them (its Struct encoding rejects the
 * functions a live Resource holds: "Unexpected struct type").
 */
import type * as PulumiModule from "@pulumi/pulumi";
import { UNKNOWN_DURING_PREVIEW } from "../../domain/unknown";

type Pulumi = typeof PulumiModule;

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * `value` as plain JSON: unknowns and values not known synchronously (Outputs, a Resource's URN) as the unknown
 * sentinel, assets and archives as `{ asset: "<asset>" }`, secrets unwrapped, functions left out.
 */
export function plainOf(pulumi: Pulumi, value: unknown): unknown {
  // Not narrowed by the SDK's type guards: a guard's `false` would leave `never` for the plain cases below.
  const unknownNow = (v: object) =>
    pulumi.isUnknown(v) || pulumi.Output.isInstance(v) || pulumi.Resource.isInstance(v);
  const anAsset = (v: object) =>
    pulumi.asset.Asset.isInstance(v) || pulumi.asset.Archive.isInstance(v);
  const walk = (v: unknown, seen: Set<object>): unknown => {
    if (v === undefined || typeof v === "function") return undefined;
    if (v === null || typeof v !== "object") return v;
    if (unknownNow(v)) return UNKNOWN_DURING_PREVIEW;
    if (anAsset(v)) return { asset: "<asset>" };
    if (seen.has(v)) return undefined;
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((x) => walk(x, seen) ?? null);
      const obj = v as Record<string, unknown>;
      if (obj[SIG_KEY] === SECRET_SIG) return walk(obj.value, seen);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(obj)) {
        const plain = walk(x, seen);
        if (plain !== undefined) out[k] = plain;
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return walk(value, new Set());
}
