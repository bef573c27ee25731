/**
 * Issue 13 item 5, done when: a program whose Pulumi.yaml or environment points state at Pulumi Cloud, or whose
 * stack file uses a US KMS, gets the toolchain finding; the same program with an EU S3-compatible backend and a
 * passphrase does not.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { loadPackSource } from "../../../cli/engine/packs";
import type { CheckReport } from "../../../cli/engine/report";
import { runCli } from "../run-cli";

const SOURCE = path.resolve(__dirname, "../../fixtures/programs/scaleway-compliant");
const temp = mkdtempSync(path.join(tmpdir(), "sovereign-toolchain-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const EU_STATE = "s3://team-state?endpoint=s3.fr-par.scw.cloud&region=fr-par";
const SALT = "encryptionsalt: v1:c2FsdHNhbHQ=:v1:bm9uY2Vub25jZQ==:ZmFrZXNhbHQ=\n";
const POLICY = "toolchain-enforce-eu-control";

/** A copy of the compliant Scaleway program with `backend` appended to Pulumi.yaml and `stackHead` to its stack file. */
function program(name: string, backend: string | undefined, stackHead = ""): string {
  const dir = path.join(temp, name);
  cpSync(SOURCE, dir, { recursive: true });
  if (backend !== undefined) {
    const file = path.join(dir, "Pulumi.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}backend:\n  url: "${backend}"\n`);
  }
  const stackFile = path.join(dir, "Pulumi.dev.yaml");
  writeFileSync(stackFile, `${stackHead}${readFileSync(stackFile, "utf8")}`);
  return dir;
}

async function check(argv: readonly string[]) {
  vi.stubEnv("PULUMI_BACKEND_URL", process.env.PULUMI_BACKEND_URL ?? "");
  const run = await runCli(["check", ...argv, "--pack", "eu-sovereignty", "--format", "json"], {
    packSource: loadPackSource(),
  });
  if (run.stdout === "") throw new Error(run.stderr);
  const report = JSON.parse(run.stdout) as CheckReport;
  const findings = report.violations
    .filter((v) => v.policy === POLICY)
    .map((v) => [v.enforcementLevel, v.message.split(":")[0]]);
  return { code: run.code, report, findings, stdout: run.stdout };
}

const pulumiCloudState = [
  "advisory",
  "the stack's state is held by Pulumi Cloud (Pulumi Cloud, seat US, subject to the US CLOUD Act)",
];
const pulumiCloudKey = [
  "advisory",
  "the key of the stack's secrets is held by Pulumi Cloud (Pulumi Cloud secrets, seat US, subject to the US CLOUD Act)",
];

describe("sovereign check: the toolchain", () => {
  test("flags state and keys in Pulumi Cloud when nothing names a backend, advisory: exit 0", async () => {
    const { code, findings, report } = await check([
      program("default", undefined),
      "--stack",
      "dev",
    ]);
    expect([code, findings]).toEqual([0, [pulumiCloudState, pulumiCloudKey]]);
    expect(report.toolchain).toEqual([
      {
        kind: "state-backend",
        endpoint: "https://api.pulumi.com",
        service: "Pulumi Cloud",
        vendor: "pulumi",
        country: "US",
        source: "default (no backend.url in Pulumi.yaml, no PULUMI_BACKEND_URL)",
      },
      {
        kind: "secrets-provider",
        endpoint: "https://api.pulumi.com",
        service: "Pulumi Cloud secrets",
        vendor: "pulumi",
        country: "US",
        source: "default of a Pulumi Cloud stack",
      },
    ]);
  });

  test("flags Pulumi Cloud named in Pulumi.yaml backend.url", async () => {
    const dir = program("pulumi-cloud", "https://api.pulumi.com");
    const { findings, report } = await check([dir, "--stack", "dev"]);
    expect(findings).toEqual([pulumiCloudState, pulumiCloudKey]);
    expect(report.toolchain?.[0]?.source).toBe("Pulumi.yaml backend.url");
  });

  test("passes the same program with an EU S3-compatible backend and a passphrase", async () => {
    const { code, findings, report } = await check([
      program("eu", EU_STATE, SALT),
      "--stack",
      "dev",
    ]);
    expect([code, findings, report.summary.advisory]).toEqual([0, [], 0]);
    expect(report.toolchain?.map((d) => [d.kind, d.vendor, d.country, d.source])).toEqual([
      ["state-backend", "scaleway", "FR", "Pulumi.yaml backend.url"],
      ["secrets-provider", "local", null, "Pulumi.dev.yaml encryptionsalt"],
    ]);
  });

  test("flags PULUMI_BACKEND_URL pointing at Pulumi Cloud, which wins over backend.url", async () => {
    vi.stubEnv("PULUMI_BACKEND_URL", "https://api.pulumi.com");
    const { findings, report } = await check([program("env", EU_STATE, SALT), "--stack", "dev"]);
    expect(findings).toEqual([pulumiCloudState]);
    expect(report.toolchain?.[0]?.source).toBe("PULUMI_BACKEND_URL");
  });

  test("flags a stack file whose secrets provider is a US KMS, naming it and the file", async () => {
    const kms = "secretsprovider: awskms://alias/pulumi?region=eu-central-1\n";
    const { findings, report } = await check([program("kms", EU_STATE, kms), "--stack", "dev"]);
    expect(findings).toEqual([
      [
        "advisory",
        "the key of the stack's secrets is held by Amazon Web Services (AWS KMS, seat US, subject to the US CLOUD Act)",
      ],
    ]);
    expect(report.violations.find((v) => v.policy === POLICY)?.message).toContain(
      "awskms://alias/pulumi?region=eu-central-1, from Pulumi.dev.yaml secretsprovider",
    );
  });

  test("blocks when the pack config makes the rule mandatory: exit 1", async () => {
    const config = path.join(temp, "pack-config.json");
    writeFileSync(config, JSON.stringify({ [POLICY]: "mandatory" }));
    const { code, findings } = await check([
      program("mandatory", undefined),
      "--stack",
      "dev",
      "--pack-config",
      config,
    ]);
    expect([code, findings.map(([level]) => level)]).toEqual([1, ["mandatory", "mandatory"]]);
  });

  test("never prints a credential the backend URL carries", async () => {
    const dir = program("credentials", "https://ops:hunter2@pulumi.example.eu", SALT);
    const { stdout, report } = await check([dir, "--stack", "dev"]);
    expect(report.toolchain?.[0]).toMatchObject({
      endpoint: "https://***@pulumi.example.eu",
      vendor: "self-hosted",
      country: null,
    });
    expect(stdout).not.toContain("hunter2");
  });

  test("--state: reads the export's secrets provider, and the backend from the project directory given, in any language", async () => {
    const dir = program("state", EU_STATE);
    const state = path.join(temp, "state.json");
    const stackUrn = "urn:pulumi:dev::fixture-scaleway::pulumi:pulumi:Stack::fixture-scaleway-dev";
    writeFileSync(
      state,
      JSON.stringify({
        version: 3,
        deployment: {
          secrets_providers: {
            type: "cloud",
            state: { url: "gcpkms://projects/p/locations/europe-west9/keyRings/r/cryptoKeys/k" },
          },
          resources: [{ urn: stackUrn, type: "pulumi:pulumi:Stack", custom: false }],
        },
      }),
    );
    const withDir = await check([dir, "--state", state]);
    expect(withDir.report.toolchain?.map((d) => [d.kind, d.vendor, d.source])).toEqual([
      ["state-backend", "scaleway", "Pulumi.yaml backend.url"],
      ["secrets-provider", "gcp", "the state file's secrets_providers"],
    ]);
    expect(withDir.findings.map(([, m]) => m)).toEqual([
      "the key of the stack's secrets is held by Google Cloud (Google Cloud KMS, seat US, subject to the US CLOUD Act)",
    ]);
    const python = path.join(temp, "python");
    mkdirSync(python);
    writeFileSync(
      path.join(python, "Pulumi.yaml"),
      `name: fixture-scaleway\nruntime: python\nbackend:\n  url: "${EU_STATE}"\n`,
    );
    const inPython = await check([python, "--state", state]);
    expect(inPython.report.toolchain?.[0]?.vendor).toBe("scaleway");
    const alone = await check([temp, "--state", state]);
    expect(alone.report.toolchain?.[0]?.vendor).toBe("pulumi");
    expect(alone.report.notes).toContainEqual(
      expect.stringMatching(/^no Pulumi\.yaml of project 'fixture-scaleway' in /),
    );
  });
});
