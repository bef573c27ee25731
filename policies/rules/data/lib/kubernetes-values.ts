/**
 * The named plain-text values a Kubernetes resource carries, so data rules read env, Secret and ConfigMap values
 * the same way: each with its name and where it sits, for the violation message.
 */
import { containersOf, indexed, podSpecOf } from "../../../../domain/pods";
import { containerLabel } from "../../workload/lib/containers";

type Json = Record<string, unknown>;

export interface NamedValue {
  /** The variable or key name. */
  readonly name: string;
  readonly value: string;
  /** `env DATABASE_URL of container "app" (containers[0])`, `key DATABASE_URL (stringData)`. */
  readonly where: string;
}

const SECRET_TYPES = ["kubernetes:core/v1:Secret", "kubernetes:core/v1:SecretPatch"];
const CONFIG_MAP_TYPES = ["kubernetes:core/v1:ConfigMap", "kubernetes:core/v1:ConfigMapPatch"];

export const isConfigMap = (type: string) => CONFIG_MAP_TYPES.includes(type);
export const isSecret = (type: string) => SECRET_TYPES.includes(type);

const isMap = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const entriesOf = (v: unknown): [string, unknown][] => (isMap(v) ? Object.entries(v) : []);
// Keys only: reading no value keeps an unknown value (during preview) from stopping a key-name check.
const keysOf = (v: unknown): string[] => (isMap(v) ? Object.keys(v) : []);

/** Plain `value`s of every env variable of every container (regular, init, ephemeral) of a pod-bearing kind. */
export function envValues(type: string, props: Json): NamedValue[] {
  const spec = podSpecOf(type, props);
  if (spec === undefined) return [];
  return containersOf(spec).flatMap((ref) => {
    const env = ref.container.env;
    return (Array.isArray(env) ? indexed(env) : []).flatMap(({ item: variable }) => {
      const { name, value } = (variable ?? {}) as Json;
      return typeof name === "string" && typeof value === "string"
        ? [{ name, value, where: `env ${name} of ${containerLabel(ref)}` }]
        : [];
    });
  });
}

/** The entries of a Secret: `stringData` as is, `data` decoded from base64. */
export function secretValues(type: string, props: Json): NamedValue[] {
  if (!isSecret(type)) return [];
  const plain = entriesOf(props.stringData).flatMap(([name, value]) =>
    typeof value === "string" ? [{ name, value, where: `key ${name} (stringData)` }] : [],
  );
  const encoded = entriesOf(props.data).flatMap(([name, value]) =>
    typeof value === "string"
      ? [
          {
            name,
            value: Buffer.from(value, "base64").toString("utf8"),
            where: `key ${name} (data)`,
          },
        ]
      : [],
  );
  return [...plain, ...encoded];
}

/** The `data` entries of a ConfigMap. */
export function configMapValues(type: string, props: Json): NamedValue[] {
  if (!isConfigMap(type)) return [];
  return entriesOf(props.data).flatMap(([name, value]) =>
    typeof value === "string" ? [{ name, value, where: `key ${name} (data)` }] : [],
  );
}

/** Every key of a ConfigMap, text and binary, with where it sits. */
export function configMapKeys(type: string, props: Json): { name: string; where: string }[] {
  if (!isConfigMap(type)) return [];
  return (["data", "binaryData"] as const).flatMap((section) =>
    keysOf(props[section]).map((name) => ({ name, where: `key ${name} (${section})` })),
  );
}
