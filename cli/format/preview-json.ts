/**
 * `--format preview-json`: the plan in the shape `pulumi preview --json --show-sames` prints (the preview digest:
 * `steps[]` of `{ op, urn, provider, newState }`, `newState` an `apitype.ResourceV3`, as cli/inputs/preview-json.ts
 * reads it), so any tool that reads Pulumi's preview JSON reads ours. Every resource is a `create` step, as in a
 * first preview. Secret values are the string `"[secret]"`, as the CLI blinds them; values the offline engine made
 * up for assumed config are never shown: they print as Pulumi's unknown sentinel, a value not known yet.
 */
import { ASSUMED_PLACEHOLDER, SECRET_PLACEHOLDER } from "../../domain/offline-placeholders";
import { CheckError } from "../engine/errors";
import { redactDeep, REDACTED } from "../engine/redact";
import { UNKNOWN, type RecordedResource } from "../engine/recorder";
import type { CheckReport } from "../engine/report";
import type { FormatContext } from "./context";
import { jsonFilePieces, LazyJsonArray } from "./json-pieces";

type Json = Record<string, unknown>;

const join = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;

/**
 * `value` with every secret blinded as the CLI does: a secret wraps a whole value, so the largest subtree whose
 * every leaf is secret (the recorder lists leaf paths) becomes one `"[secret]"`.
 */
function blindSecrets(value: unknown, secret: ReadonlySet<string>): unknown {
  if (secret.size === 0) return value;
  const walk = (v: unknown, path: string): { value: unknown; allSecret: boolean } => {
    const children: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : v !== null && typeof v === "object"
        ? Object.entries(v)
        : [];
    if (children.length === 0) {
      const isLeaf = v === null || typeof v !== "object";
      return isLeaf && secret.has(path)
        ? { value: REDACTED, allSecret: true }
        : { value: v, allSecret: false };
    }
    const walked = children.map(([k, x]) => [k, walk(x, join(path, k))] as const);
    if (path !== "" && walked.every(([, w]) => w.allSecret))
      return { value: REDACTED, allSecret: true };
    const rebuilt = Array.isArray(v)
      ? walked.map(([, w]) => w.value)
      : Object.fromEntries(walked.map(([k, w]) => [k, w.value]));
    return { value: rebuilt, allSecret: false };
  };
  return walk(value, "").value;
}

/** Strings holding a value the engine made up: a secret it did not decrypt is blinded, assumed config unknown. */
function withoutPlaceholders(value: unknown): unknown {
  if (typeof value === "string") {
    if (value.includes(SECRET_PLACEHOLDER)) return REDACTED;
    return value.includes(ASSUMED_PLACEHOLDER) ? UNKNOWN : value;
  }
  if (Array.isArray(value)) return value.map(withoutPlaceholders);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutPlaceholders(v)]));
}

function inputsOf(r: RecordedResource): Json {
  return withoutPlaceholders(blindSecrets(r.inputs, new Set(r.secretPaths))) as Json;
}

const nonEmpty = <T>(key: string, items: readonly T[]) =>
  items.length > 0 ? { [key]: items } : {};

/** One resource as `apitype.ResourceV3`, keys in the Go struct's order (as `json.MarshalIndent` prints them). */
function stateOf(r: RecordedResource, source: CheckReport["resources"][number]["source"]): Json {
  const timeouts = Object.entries(r.customTimeouts).filter(([, v]) => v !== "");
  return {
    urn: r.urn,
    custom: r.custom,
    ...(r.custom && r.id !== "" ? { id: r.id } : {}),
    type: r.type,
    inputs: inputsOf(r),
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.protect ? { protect: true } : {}),
    ...nonEmpty("dependencies", r.dependencies),
    ...(r.provider ? { provider: r.provider } : {}),
    ...(Object.keys(r.propertyDependencies).length > 0
      ? { propertyDependencies: r.propertyDependencies }
      : {}),
    ...nonEmpty("additionalSecretOutputs", r.additionalSecretOutputs),
    ...nonEmpty("aliases", r.aliasUrns),
    ...(timeouts.length > 0
      ? { customTimeouts: Object.fromEntries(timeouts.map(([k, v]) => [k, seconds(v)])) }
      : {}),
    ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
    ...(source ? { sourcePosition: `project:///${encodeURI(source.file)}#${source.line}` } : {}),
    ...nonEmpty("ignoreChanges", r.ignoreChanges),
  };
}

/** `1h30m5s` → 5405: the engine stores custom timeouts in seconds. */
function seconds(duration: string): number {
  const units: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1 };
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g))
    total += Number(n) * (units[unit ?? "s"] ?? 1);
  return Math.round(total);
}

/**
 * The preview digest of the recorded plan (`ctx.plan`), in runs of pieces, its steps made one at a time (json-pieces.ts); the report gives
 * each resource's declaration site.
 */
export function renderPreviewJsonPieces(
  report: CheckReport,
  ctx: FormatContext = {},
): Iterable<string> {
  const plan = ctx.plan;
  if (plan === undefined)
    throw new CheckError(
      "--format preview-json prints the recorded plan, which this run did not keep",
    );
  const sources = new Map(report.resources.map((r) => [r.urn, r.source]));
  const secrets = ctx.secrets ?? [];
  // Each step is made, redacted and written before the next: the plan's inputs are never all copied at once.
  const steps = new LazyJsonArray(function* () {
    for (const r of plan)
      yield redactDeep(
        {
          op: "create",
          urn: r.urn,
          ...(r.provider ? { provider: r.provider } : {}),
          newState: stateOf(r, sources.get(r.urn)),
        },
        secrets,
      );
  });
  const digest = { steps, diagnostics: [], duration: 0, changeSummary: { create: plan.length } };
  return jsonFilePieces(digest, 4, 2);
}

export function renderPreviewJson(report: CheckReport, ctx: FormatContext = {}): string {
  return [...renderPreviewJsonPieces(report, ctx)].join("");
}
