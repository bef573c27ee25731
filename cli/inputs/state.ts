/**
 * `--state <file>`: the resources of a deployed stack, from `pulumi stack export` (`{version: 3, deployment}`) or
 * from a file backend's checkpoint (`{version: 3, checkpoint: {latest}}`), so the packs run on what a program in
 * any language (Python, Go, YAML, .NET) has deployed. Default providers are real `pulumi:providers:*` resources
 * here, with the config they were built from. Secrets keep their ciphertext in the file and become `"[secret]"`;
 * an export made with `--show-secrets` gives policies the plaintext, which still never reaches a report.
 */
import { z } from "zod";
import { PULUMI_CLOUD_URL } from "../../config/catalog/toolchain";
import {
  InputError,
  parseJson,
  parseSourcePosition,
  plaintextSecretsOf,
  readResourceV3,
  stackOf,
  toRecordedResource,
  type ImportedResources,
  type SourceLocation,
} from "./resource-v3";

const FIX = "Fix: write the file with `pulumi stack export --stack <name> --file state.json`.";

/** The deployment versions whose resources are ResourceV3 (the CLI has written version 3 since 2019). */
const SUPPORTED_VERSIONS = [3] as const;

const deploymentSchema = z.object({
  resources: z.array(z.unknown()).default([]),
  pending_operations: z.array(z.unknown()).optional(),
  secrets_providers: z
    .object({ type: z.string(), state: z.object({ url: z.string().optional() }).nullish() })
    .optional(),
});

type SecretsProviders = z.infer<typeof deploymentSchema>["secrets_providers"];

/** `passphrase`, or the URL of the `service` (Pulumi Cloud) or `cloud` (KMS) provider the deployment names. */
function secretsProviderOf(providers: SecretsProviders): { secretsProvider?: string } {
  if (!providers) return {};
  const url = providers.state?.url;
  if (providers.type === "passphrase") return { secretsProvider: "passphrase" };
  if (providers.type === "service") return { secretsProvider: url ?? PULUMI_CLOUD_URL };
  return url ? { secretsProvider: url } : {};
}

/** The deployment inside an export (`deployment`) or a checkpoint (`checkpoint.latest`). */
function deploymentOf(doc: Record<string, unknown>): unknown {
  if ("deployment" in doc) return doc.deployment;
  const checkpoint = doc.checkpoint as Record<string, unknown> | undefined;
  if (checkpoint && typeof checkpoint === "object" && "latest" in checkpoint)
    return checkpoint.latest;
  throw new InputError(
    `the state file has neither "deployment" (stack export) nor "checkpoint.latest". ${FIX}`,
  );
}

/** What a state file that does not parse is told. */
export const stateNotJson = (why: string) => `the state file is not JSON (${why}). ${FIX}`;

/** Parses the text of `pulumi stack export` into the engine's resources and the stack they belong to. */
export function readState(text: string): ImportedResources {
  return readStateDocument(parseJson(text, stateNotJson));
}

/** The engine's resources and their stack, from the parsed document of `pulumi stack export`. */
export function readStateDocument(doc: unknown): ImportedResources {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new InputError(
      `the state file must hold a JSON object, got ${Array.isArray(doc) ? "an array" : String(doc)}. ${FIX}`,
    );
  }
  const version = (doc as Record<string, unknown>).version;
  if (!SUPPORTED_VERSIONS.includes(version as 3)) {
    throw new InputError(
      `the state file has version ${JSON.stringify(version)}; only version 3 is read. ` +
        "Fix: export it with a Pulumi CLI of 2019 or later (pulumi stack export).",
    );
  }
  const deployment = deploymentSchema.safeParse(deploymentOf(doc as Record<string, unknown>));
  if (!deployment.success)
    throw new InputError(`the deployment has no readable "resources" list. ${FIX}`);
  if ((deployment.data.pending_operations ?? []).length > 0) {
    throw new InputError(
      "the state has pending operations (an update was interrupted), so it may not describe what is deployed. " +
        "Fix: run `pulumi refresh` (or `pulumi cancel`) on the stack, then export it again.",
    );
  }
  const live = deployment.data.resources
    .map((raw, i) => readResourceV3(raw, `deployment.resources[${i}]`))
    // Resources marked `delete` are leftovers of a replacement the engine will delete; they no longer count.
    .filter((r) => r.delete !== true);
  const { project, stack } = stackOf(
    live.map((r) => r.urn),
    "the state file",
  );
  const sources: Record<string, SourceLocation> = {};
  for (const r of live) {
    const source = parseSourcePosition(r.sourcePosition);
    if (source) sources[r.urn] = source;
  }
  const secretValues = [...new Set(live.flatMap(plaintextSecretsOf))];
  return {
    project,
    stack,
    resources: live.map((r) => toRecordedResource(r)),
    sources,
    secretValues,
    ...secretsProviderOf(deployment.data.secrets_providers),
  };
}
