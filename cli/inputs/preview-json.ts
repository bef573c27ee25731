/**
 * `--preview-json <file>`: the resources a `pulumi preview --json` of a program in any language (Python, Go, YAML,
 * .NET) would leave in the stack, from the preview digest's `steps[].newState`. The CLI blinds every secret as the
 * string `"[secret]"`; those paths are marked secret. Unknown values keep Pulumi's unknown sentinel, so policies
 * treat them as they do in a real preview.
 *
 * The engine hides default providers from the digest (only their references appear in `provider`); they are
 * rebuilt here from the digest's `config` (`scaleway:region` → input `region`), as the engine builds them.
 *
 * Fail closed: a preview that failed (an error diagnostic) or that hid unchanged resources (no `--show-sames`) does
 * not describe the whole stack, and is refused with the command that produces a complete one.
 */
import { z } from "zod";
import type { RecordedResource } from "../engine/recorder";
import {
  InputError,
  parseJson,
  BLINDED_SECRET,
  parseSourcePosition,
  readResourceV3,
  stackOf,
  toRecordedResource,
  type ImportedResources,
  type ResourceV3,
  type SourceLocation,
} from "./resource-v3";

const COMMAND = "pulumi preview --json --show-sames --stack <name> > preview.json";
const FIX = `Fix: write the file with \`${COMMAND}\`.`;

/** Step operations whose resource will be gone after the update: their state is not checked. */
const LEAVING_OPS: ReadonlySet<string> = new Set([
  "delete",
  "delete-replaced",
  "discard",
  "discard-replaced",
  "remove-pending-replace",
]);

const digestSchema = z.object({
  steps: z
    .array(z.object({ op: z.string(), urn: z.string(), newState: z.unknown().optional() }))
    .default([]),
  diagnostics: z
    .array(
      z.object({
        urn: z.string().optional(),
        message: z.string().optional(),
        severity: z.string().optional(),
      }),
    )
    .default([]),
  changeSummary: z.record(z.string(), z.number()).default({}),
  /** Stack config as the engine saw it, every secret blinded as "[secret]". */
  config: z.record(z.string(), z.string()).default({}),
});

/** Default provider URNs are named `default` or `default_<major>_<minor>_<patch>[_...]`. */
const DEFAULT_PROVIDER =
  /^urn:pulumi:[^:]+::[^:]+::pulumi:providers:([^:]+)::(default(?:_(\d+)_(\d+)_(\d+))?[^:]*)$/;

/**
 * The default providers the resources reference, with the inputs the engine gives them: the package's stack
 * config (`<package>:<key>` → `<key>`) and the plugin version from the URN.
 */
function defaultProviders(
  resources: readonly RecordedResource[],
  config: Readonly<Record<string, string>>,
  blinded: (value: unknown) => boolean,
): RecordedResource[] {
  const references = new Map<string, string>();
  const present = new Set(resources.map((r) => r.urn));
  for (const r of resources) {
    if (!r.provider) continue;
    const cut = r.provider.lastIndexOf("::");
    const urn = r.provider.slice(0, cut);
    if (DEFAULT_PROVIDER.test(urn) && !present.has(urn) && !references.has(urn))
      references.set(urn, r.provider.slice(cut + 2));
  }
  return [...references].map(([urn, id]) => {
    const [, pkg = "", , major, minor, patch] = DEFAULT_PROVIDER.exec(urn) ?? [];
    const prefix = `${pkg}:`;
    const fromConfig = Object.entries(config)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value] as const);
    const version = major === undefined ? [] : [["version", `${major}.${minor}.${patch}`] as const];
    const inputs = Object.fromEntries([...fromConfig, ...version]);
    return toRecordedResource(
      { urn, type: `pulumi:providers:${pkg}`, custom: true, id, inputs },
      blinded,
    );
  });
}

/** What a preview file that does not parse is told. */
export const previewNotJson = (why: string) =>
  `the preview file is not JSON (${why}); only stdout of the preview belongs in it. ${FIX}`;

/** Parses the text of `pulumi preview --json` into the engine's resources and the stack they belong to. */
export function readPreviewJson(text: string): ImportedResources {
  return readPreviewDocument(parseJson(text, previewNotJson));
}

/** The engine's resources and their stack, from the parsed digest of `pulumi preview --json`. */
export function readPreviewDocument(doc: unknown): ImportedResources {
  const parsed = digestSchema.safeParse(doc);
  if (!parsed.success || doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new InputError(
      `the preview file is not a preview digest (steps, diagnostics, changeSummary). ${FIX}`,
    );
  }
  const digest = parsed.data;

  const errors = digest.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const messages = errors.map((d) => (d.message ?? "").trim()).join(" | ");
    throw new InputError(
      `the preview failed, so its steps do not describe the stack: ${messages}. ` +
        "Fix: make `pulumi preview` succeed, then write the file again.",
    );
  }

  const sameSteps = digest.steps.filter((s) => s.op === "same").length;
  const sameInSummary = digest.changeSummary.same ?? 0;
  if (sameInSummary > sameSteps) {
    throw new InputError(
      `the preview hides ${sameInSummary - sameSteps} unchanged resource(s), which the packs must see too. ` +
        `Fix: add --show-sames: \`${COMMAND}\`.`,
    );
  }

  const seen = new Set<string>();
  const states: ResourceV3[] = [];
  digest.steps.forEach((step, i) => {
    // A replacement can list one URN more than once; the first state the update keeps is the one checked.
    if (LEAVING_OPS.has(step.op) || step.newState === undefined || seen.has(step.urn)) return;
    seen.add(step.urn);
    states.push(readResourceV3(step.newState, `steps[${i}].newState`));
  });

  const { project, stack } = stackOf(
    states.map((r) => r.urn),
    "the preview file",
  );
  const sources: Record<string, SourceLocation> = {};
  for (const r of states) {
    const source = parseSourcePosition(r.sourcePosition);
    if (source) sources[r.urn] = source;
  }
  const blinded = (value: unknown) => value === BLINDED_SECRET;
  const resources = states.map((r) => toRecordedResource(r, blinded));
  return {
    project,
    stack,
    resources: [...defaultProviders(resources, digest.config, blinded), ...resources],
    sources,
    // The CLI blinds every secret in a preview: there is no plaintext to hide.
    secretValues: [],
  };
}
