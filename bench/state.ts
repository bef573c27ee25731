/**
 * The benchmark's `--state` input: the plan our `--format preview-json` printed, rewritten in the shape
 * `pulumi stack export` prints (`apitype.UntypedDeployment`: `{version: 3, deployment: {manifest,
 * secrets_providers, resources}}`, each resource an `apitype.ResourceV3`, as in test/fixtures/state). What a
 * deployed stack holds and a preview does not is filled in as an update would leave it: `outputs` equal to the
 * inputs (what the engine's mocks answer), `created`/`modified` times, and every blinded secret (`"[secret]"`) as
 * a `{sig, ciphertext}` secret. Values unknown during preview stay Pulumi's unknown sentinel. No Pulumi CLI
 * exists here to export a real stack; this generator is the stand-in, for timing only.
 */
import { BLINDED_SECRET } from "../cli/inputs/resource-v3";

/** Pulumi's signature key and secret signature (sdk/go/common/resource/sig), as exports print them. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const TIME = "2026-01-01T00:00:00.000000Z";

type Json = Record<string, unknown>;

/** `value` with every blinded secret as the ciphertext an export prints (made up: nothing decrypts it). */
function encrypted(value: unknown): unknown {
  if (value === BLINDED_SECRET) return { [SIG_KEY]: SECRET_SIG, ciphertext: "v1:bench:AAAA" };
  if (Array.isArray(value)) return value.map(encrypted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encrypted(v)]));
}

/** The `pulumi stack export` document of the plan in `previewJson` (the text `--format preview-json` printed). */
export function stackExportOf(previewJson: string): string {
  const digest = JSON.parse(previewJson) as { steps: { newState: Json }[] };
  const resources = digest.steps.map(({ newState }) => {
    const inputs = encrypted(newState.inputs ?? {});
    return { ...newState, inputs, outputs: inputs, created: TIME, modified: TIME };
  });
  const deployment = {
    manifest: { time: TIME, magic: "", version: "v3.248.0" },
    secrets_providers: { type: "passphrase", state: { salt: "v1:bench:AAAA" } },
    resources,
  };
  return `${JSON.stringify({ version: 3, deployment }, null, 4)}\n`;
}
