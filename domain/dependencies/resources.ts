/**
 * The least a resource must carry to have its dependencies read: a CrossGuard `PolicyResource` (props, provider
 * object) or a recorded resource (inputs, outputs, provider reference `urn::id`). Values unknown during preview or
 * made up offline are never read as endpoints.
 */
import { isOfflinePlaceholder } from "../offline-placeholders";
import { UNKNOWN_DURING_PREVIEW } from "../unknown";

export interface DependencyResource {
  readonly type: string;
  readonly urn: string;
  readonly name?: string;
  /** Outputs (what policies see). */
  readonly props?: Record<string, unknown>;
  /** Inputs (what the recorder keeps); read when `props` is absent. */
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  /** `urn::id` (recorded) or the provider resource (CrossGuard). */
  readonly provider?: string | { readonly urn: string };
}

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json =>
  v !== null && typeof v === "object" && !Array.isArray(v);

export const propsOf = (r: DependencyResource): Json => r.props ?? { ...r.inputs, ...r.outputs };

export function at(node: unknown, path: readonly (string | number)[]): unknown {
  let v = node;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** A string that can be read as an endpoint: set, not unknown during preview, not an offline placeholder. */
export function knownString(v: unknown): string | undefined {
  return typeof v === "string" &&
    v.trim() !== "" &&
    v !== UNKNOWN_DURING_PREVIEW &&
    !isOfflinePlaceholder(v)
    ? v.trim()
    : undefined;
}

/** Every value at a dotted path (`spec.rules[].host`: `[]` reads each element), absent ones left out. */
export function valuesAt(node: unknown, path: string): unknown[] {
  let values: unknown[] = [node];
  for (const part of path.split(".")) {
    const each = part.endsWith("[]");
    const key = each ? part.slice(0, -2) : part;
    values = values.flatMap((v) => {
      const child = isRecord(v) ? v[key] : undefined;
      if (!each) return child === undefined || child === null ? [] : [child];
      return Array.isArray(child) ? child.filter((c) => c !== undefined && c !== null) : [];
    });
  }
  return values;
}

/** The URN of the provider a resource names, without the `::id` of a reference. */
export function providerUrnOf(r: DependencyResource): string | undefined {
  if (r.provider === undefined) return undefined;
  if (typeof r.provider !== "string") return r.provider.urn;
  const cut = r.provider.lastIndexOf("::");
  const urn = cut < 0 ? r.provider : r.provider.slice(0, cut);
  return urn.startsWith("urn:") ? urn : undefined;
}

/** `urn:…::name` → `name`. */
export const urnName = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/** `Deployment shop`: the Kubernetes kind and object name, else the type's last part and the resource name. */
export function describeResource(r: DependencyResource): string {
  const kind = r.type.slice(r.type.lastIndexOf(":") + 1);
  const objectName = knownString(at(propsOf(r), ["metadata", "name"]));
  return `${kind} ${objectName ?? r.name ?? urnName(r.urn)}`;
}
