/**
 * Pulumi's serialized resource (`apitype.ResourceV3`), the shape both `pulumi stack export` and the `newState` of
 * `pulumi preview --json` print, turned into the engine's `RecordedResource` so the same packs run on programs
 * written in any language. Secret values the CLI kept encrypted (`ciphertext`) or blinded (`"[secret]"`) become the
 * placeholder `"[secret]"` and their paths are listed in `secretPaths`; no ciphertext ever reaches a resource.
 */
import { SECRET_PLACEHOLDER } from "../../domain/offline-placeholders";
import { z } from "zod";
import { decodeProperties, type RecordedResource } from "../engine/recorder";

/** Pulumi's signature key and secret signature (sdk/go/common/resource/sig), as printed in exports. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** What a secret becomes when its plaintext is not in the file: the word the Pulumi CLI itself prints. */
/** How the Pulumi CLI prints a secret it does not show (`pulumi preview --json`). */
export const BLINDED_SECRET = "[secret]";

/** A file given to `--preview-json` or `--state` that cannot be read as what the Pulumi CLI prints. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** `JSON.parse(text)`, or an InputError with `notJson(why)`. */
export function parseJson(text: string, notJson: (why: string) => string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(notJson((err as Error).message));
  }
}

/** Where a program declared a resource, from the engine's `sourcePosition`. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** Resources read from a file the Pulumi CLI printed, with the project and stack their URNs name. */
export interface ImportedResources {
  readonly project: string;
  readonly stack: string;
  readonly resources: RecordedResource[];
  /** Declaration sites by URN, for the resources whose registration carried one (recent CLIs and SDKs). */
  readonly sources: Readonly<Record<string, SourceLocation>>;
  /**
   * Every secret plaintext the file holds (inputs and outputs of a `--show-secrets` export), for the renderers'
   * `secrets` so none is ever printed. Empty for files that hold only ciphertexts or blinded values.
   */
  readonly secretValues: readonly string[];
  /**
   * The stack's secrets provider as the file records it (`deployment.secrets_providers` of a state export):
   * `passphrase`, or the URL of Pulumi Cloud's (`service`) or a cloud KMS (`cloud`). Absent when not recorded.
   */
  readonly secretsProvider?: string;
}

/** The fields of ResourceV3 the engine reads; the CLI adds fields over time, so others are ignored. */
export const resourceV3Schema = z.object({
  urn: z.string().startsWith("urn:pulumi:"),
  type: z.string().min(1),
  custom: z.boolean().default(false),
  delete: z.boolean().optional(),
  id: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  outputs: z.record(z.string(), z.unknown()).optional(),
  parent: z.string().optional(),
  provider: z.string().optional(),
  protect: z.boolean().optional(),
  retainOnDelete: z.boolean().optional(),
  dependencies: z.array(z.string()).optional(),
  additionalSecretOutputs: z.array(z.string()).optional(),
  aliases: z.array(z.unknown()).optional(),
  ignoreChanges: z.array(z.string()).optional(),
  propertyDependencies: z.record(z.string(), z.array(z.string()).nullable()).optional(),
  /** Seconds, as the engine stores `resource.CustomTimeouts`. */
  customTimeouts: z
    .object({
      create: z.number().optional(),
      update: z.number().optional(),
      delete: z.number().optional(),
    })
    .optional(),
  sourcePosition: z.string().optional(),
});
export type ResourceV3 = z.infer<typeof resourceV3Schema>;

/** The parts of `urn:pulumi:<stack>::<project>::<parent types$type>::<name>`. */
export function parseUrn(urn: string): {
  stack: string;
  project: string;
  type: string;
  name: string;
} {
  const parts = urn.slice("urn:pulumi:".length).split("::");
  const [stack, project, qualifiedType] = parts;
  if (!urn.startsWith("urn:pulumi:") || parts.length < 4 || !stack || !project || !qualifiedType) {
    throw new InputError(
      `"${urn}" is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>). ` +
        "Fix: pass the file exactly as the Pulumi CLI printed it.",
    );
  }
  // A name may itself contain "::"; the type is the last `$`-separated part of the qualified type.
  return {
    stack,
    project,
    type: qualifiedType.split("$").at(-1) ?? qualifiedType,
    name: parts.slice(3).join("::"),
  };
}

/** Folders of installed dependencies: a position there is a library's line, not where the program declared it. */
const DEPENDENCY_FOLDER = /(^|\/)(node_modules|site-packages|vendor)\//;

/**
 * `project:///stacks/deploy.ts#42,5` → `{ file: "stacks/deploy.ts", line: 42 }`; undefined when unreadable or
 * inside installed dependencies (component internals, `@pulumi/*` mixins).
 */
export function parseSourcePosition(position: string | undefined): SourceLocation | undefined {
  const match = /^project:\/\/\/(.+)#(\d+)(?:,\d+)?$/.exec(position ?? "");
  if (!match?.[1] || !match[2]) return undefined;
  const file = decodeURIComponent(match[1]);
  return DEPENDENCY_FOLDER.test(file) ? undefined : { file, line: Number(match[2]) };
}

type SecretLeaf = (value: unknown) => boolean;

/**
 * Rewrites the secrets of a serialized property map into the wire form `decodeProperties` understands:
 * `{sig, ciphertext}` and values `isBlinded` accepts become a secret placeholder, `{sig, plaintext}` its value.
 */
function normaliseSecrets(value: unknown, isBlinded: SecretLeaf): unknown {
  const secret = (inner: unknown) => ({ [SIG_KEY]: SECRET_SIG, value: inner });
  // A secret the file does not show is the engine's offline placeholder: policies leave it to the update run.
  if (isBlinded(value)) return secret(SECRET_PLACEHOLDER);
  if (Array.isArray(value)) return value.map((v) => normaliseSecrets(v, isBlinded));
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SECRET_SIG) {
    if (typeof obj.plaintext !== "string") return secret(SECRET_PLACEHOLDER);
    return secret(normaliseSecrets(parsePlaintext(obj.plaintext), isBlinded));
  }
  return Object.fromEntries(
    Object.entries(obj).map(([k, v]) => [k, normaliseSecrets(v, isBlinded)]),
  );
}

/** `--show-secrets` exports hold each secret's value JSON-encoded. */
function parsePlaintext(plaintext: string): unknown {
  try {
    return JSON.parse(plaintext);
  } catch {
    return plaintext;
  }
}

/** A stored timeout in seconds as the program writes one (`300s`); "" when unset, as the recorder has it. */
function timeout(seconds: number | undefined): string {
  return seconds ? `${seconds}s` : "";
}

/** The string and number leaves of a decoded secret value. */
function leavesOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(leavesOf);
  return [];
}

/** The plaintext of every `{sig, plaintext}` secret in a resource's inputs and outputs. */
export function plaintextSecretsOf(raw: ResourceV3): string[] {
  const walk = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.flatMap(walk);
    if (value === null || typeof value !== "object") return [];
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) {
      return typeof obj.plaintext === "string"
        ? [obj.plaintext, ...leavesOf(parsePlaintext(obj.plaintext))]
        : [];
    }
    return Object.values(obj).flatMap(walk);
  };
  return [...new Set([...walk(raw.inputs ?? {}), ...walk(raw.outputs ?? {})])];
}

/** One serialized resource as the engine's record; `isBlinded` says which leaf values the file blinded. */
export function toRecordedResource(
  raw: ResourceV3,
  isBlinded: SecretLeaf = () => false,
): RecordedResource {
  const inputs = decodeProperties(normaliseSecrets(raw.inputs ?? {}, isBlinded));
  const outputs = decodeProperties(normaliseSecrets(raw.outputs ?? {}, isBlinded));
  return {
    urn: raw.urn,
    type: raw.type,
    name: parseUrn(raw.urn).name,
    custom: raw.custom,
    id: raw.id ?? "",
    parent: raw.parent || undefined,
    provider: raw.provider || undefined,
    inputs: inputs.value as Record<string, unknown>,
    secretPaths: inputs.secrets,
    unknownPaths: inputs.unknowns,
    protect: raw.protect ?? false,
    retainOnDelete: raw.retainOnDelete ?? false,
    deleteBeforeReplace: false,
    ignoreChanges: raw.ignoreChanges ?? [],
    additionalSecretOutputs: raw.additionalSecretOutputs ?? [],
    dependencies: raw.dependencies ?? [],
    aliases: raw.aliases?.length ?? 0,
    aliasUrns: (raw.aliases ?? []).filter((a): a is string => typeof a === "string"),
    propertyDependencies: Object.fromEntries(
      Object.entries(raw.propertyDependencies ?? {}).map(([k, urns]) => [k, urns ?? []]),
    ),
    customTimeouts: {
      create: timeout(raw.customTimeouts?.create),
      update: timeout(raw.customTimeouts?.update),
      delete: timeout(raw.customTimeouts?.delete),
    },
    // Neither file says whether the program set these, nor which SDK version registered the resource.
    deleteBeforeReplaceDefined: false,
    version: "",
    pluginDownloadURL: "",
    outputs: outputs.value as Record<string, unknown>,
  };
}

/** The stack and project every URN names; a file mixing stacks is refused. */
export function stackOf(urns: readonly string[], what: string): { project: string; stack: string } {
  const first = urns[0];
  if (first === undefined) {
    throw new InputError(
      `${what} holds no resources, so there is nothing to check and no stack to name. ${FIX_EMPTY}`,
    );
  }
  const { project, stack } = parseUrn(first);
  const other = urns.find((u) => {
    const p = parseUrn(u);
    return p.project !== project || p.stack !== stack;
  });
  if (other !== undefined) {
    throw new InputError(
      `${what} mixes stacks: "${first}" and "${other}". Fix: check one stack per file (pulumi ... --stack <name>).`,
    );
  }
  return { project, stack };
}

const FIX_EMPTY =
  "Fix: select the stack (--stack <name>) and make sure the program registers resources.";

/** Validates one resource with zod; the message names the resource index and the field. */
export function readResourceV3(raw: unknown, where: string): ResourceV3 {
  const parsed = resourceV3Schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "<resource>";
  throw new InputError(
    `${where}.${field}: ${issue?.message ?? "invalid"}. Fix: pass the file exactly as the Pulumi CLI printed it.`,
  );
}
