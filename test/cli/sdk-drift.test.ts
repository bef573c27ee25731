/**
 * The engine never passes a program it could not record whole. Each program here resolves its own
 * `@pulumi/pulumi`: a stand-in package that hands out the real SDK with one thing changed (the version it
 * declares, a missing internal, a runtime that makes no root stack), as a drifted SDK would.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CheckReport } from "../../cli/engine/report";

const ROOT = path.resolve(__dirname, "../..");
const REAL_SDK = require.resolve("@pulumi/pulumi");
const TEMP = mkdtempSync(path.join(tmpdir(), "sovereign-drift-"));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));
// The made-up `drift:` package is no vendor's: only the recording is under test here.
const allDisabled = path.join(TEMP, "all-disabled.json");
writeFileSync(allDisabled, JSON.stringify({ all: "disabled" }));

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
const group = new pulumi.ComponentResource("drift:index:Group", "group");
new pulumi.CustomResource("drift:index:Thing", "thing", { size: 2 }, { parent: group });
new pulumi.CustomResource("drift:index:Thing", "other", { size: 3 });
`;

/**
 * What provider SDKs hand the mocks: references to their resources come back live (a registered resource module),
 * file assets, values unknown during preview.
 */
const LIVE_VALUES = `import * as pulumi from "@pulumi/pulumi";
class Thing extends pulumi.CustomResource {
  constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("drift:index:Thing", name, props, opts);
  }
}
pulumi.runtime.registerResourceModule("drift", "index", {
  construct: (name, _type, urn) => new Thing(name, {}, { urn }),
});
const thing = new Thing("thing", { size: 2 });
new Thing("other", { peer: thing, peerId: thing.id, code: new pulumi.asset.FileAsset("index.ts") });
`;

/**
 * A program whose `@pulumi/pulumi` is the real SDK at `version`, with `runtime` changed by `patch` (JavaScript
 * source of an expression over `runtime`, the real runtime module).
 */
function programWithSdk(name: string, version: string, patch = "({})", program = PROGRAM): string {
  const dir = path.join(TEMP, name);
  const sdk = path.join(dir, "node_modules", "@pulumi", "pulumi");
  mkdirSync(sdk, { recursive: true });
  writeFileSync(path.join(dir, "Pulumi.yaml"), `name: drift\nruntime: nodejs\n`);
  writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
  writeFileSync(path.join(dir, "index.ts"), program);
  writeFileSync(
    path.join(sdk, "package.json"),
    JSON.stringify({ name: "@pulumi/pulumi", version }),
  );
  writeFileSync(
    path.join(sdk, "index.js"),
    `const real = require(${JSON.stringify(REAL_SDK)});
const runtime = real.runtime;
module.exports = { ...real, runtime: { ...runtime, ...${patch} } };
`,
  );
  return dir;
}

function check(dir: string, format = "json") {
  const run = spawnSync(
    process.execPath,
    [
      "cli/bin.js",
      "check",
      dir,
      "--stack",
      "dev",
      "--format",
      format,
      "--pack-config",
      allDisabled,
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const urnsOf = (stdout: string) =>
  (JSON.parse(stdout) as CheckReport).resources.map((r) => [r.urn, r.parent]);

// Tests that spawn the CLI twice: a loaded 2-core machine takes longer than the default.
const TWO_RUNS = 120_000;

describe("a drifted @pulumi/pulumi", () => {
  test("exits 2, not 0, when the run records no root stack resource", () => {
    const dir = programWithSdk("no-stack", "3.248.0", "({ runInPulumiStack: (init) => init() })");
    const run = check(dir);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toContain(
      "the run recorded no root stack resource (pulumi:pulumi:Stack) with @pulumi/pulumi 3.248.0",
    );
  });

  test("exits 2, not 0, when the mock monitor the engine records through is missing", () => {
    const dir = programWithSdk("no-monitor", "3.248.0", "({ getMonitor: () => ({}) })");
    const run = check(dir);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toContain(
      "@pulumi/pulumi 3.248.0 has no mock monitor to record registrations through",
    );
  });

  test(
    "outside the verified range, records the same plan through public behaviour and says so",
    () => {
      const verified = check(programWithSdk("verified", "3.248.0"));
      const drifted = check(programWithSdk("drifted", "3.300.0"));
      const notes = ((JSON.parse(drifted.stdout) as CheckReport).notes ?? []).filter((n) =>
        n.startsWith("@pulumi/pulumi 3.300.0 (the program's) is outside"),
      );
      expect([verified.code, drifted.code]).toEqual([0, 0]);
      expect(urnsOf(drifted.stdout)).toEqual(urnsOf(verified.stdout));
      expect(urnsOf(drifted.stdout)).toContainEqual([
        "urn:pulumi:dev::drift::drift:index:Group$drift:index:Thing::thing",
        "urn:pulumi:dev::drift::drift:index:Group::group",
      ]);
      expect(notes.map((n) => n.slice(0, n.indexOf(" against ")))).toEqual([
        "@pulumi/pulumi 3.300.0 (the program's) is outside the versions the engine verified the layout of the modules it loads at start",
        "@pulumi/pulumi 3.300.0 (the program's) is outside the versions the engine verified the mock monitor's registration path (registerResource, invoke, newUrn, resources)",
        "@pulumi/pulumi 3.300.0 (the program's) is outside the versions the engine verified Resource.callsites' stack traces",
        "@pulumi/pulumi 3.300.0 (the program's) is outside the versions the engine verified runtime/debuggable's debuggablePromise",
        "@pulumi/pulumi 3.300.0 (the program's) is outside the versions the engine verified runtime.waitForRPCs",
      ]);
    },
    TWO_RUNS,
  );

  test(
    "outside the verified range, live resources, assets and unknowns in inputs record as on the verified path",
    () => {
      const [verified, drifted] = [
        check(programWithSdk("live-verified", "3.248.0", "({})", LIVE_VALUES), "preview-json"),
        check(programWithSdk("live-drifted", "3.300.0", "({})", LIVE_VALUES), "preview-json"),
      ];
      const inputs = (stdout: string) =>
        (JSON.parse(stdout) as { steps: { urn: string; newState: { inputs: unknown } }[] }).steps
          .filter((s) => s.urn.endsWith("::other"))
          .map((s) => s.newState.inputs);
      expect([verified.code, drifted.code, drifted.stderr]).toEqual([0, 0, ""]);
      expect(inputs(drifted.stdout)).toEqual(inputs(verified.stdout));
      expect(inputs(drifted.stdout)).toHaveLength(1);
    },
    TWO_RUNS,
  );
});
