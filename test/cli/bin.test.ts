import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CheckReport } from "../../cli/engine/report";

const ROOT = path.resolve(__dirname, "../..");
const TEMP = mkdtempSync(path.join(tmpdir(), "sovereign-bin-"));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));
const allDisabled = path.join(TEMP, "all-disabled.json");
writeFileSync(allDisabled, JSON.stringify({ all: "disabled" }));

function sovereign(...args: string[]) {
  const run = spawnSync(process.execPath, ["cli/bin.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("cli/bin.js", () => {
  test("exits 0 when no policy is mandatory, printing only JSON on stdout", () => {
    const run = sovereign(
      "check",
      "test/fixtures/programs/reads-file",
      "--stack",
      "dev",
      "--pack-config",
      allDisabled,
      "--format",
      "json",
    );
    expect([run.code, run.stderr, (JSON.parse(run.stdout) as CheckReport).summary]).toEqual([
      0,
      "",
      { resources: 4, mandatory: 0, advisory: 0 },
    ]);
  });

  test("exits 1 when eu-sovereignty finds the Beauharnois cluster and bucket", () => {
    const run = sovereign(
      "check",
      "test/fixtures/programs/ovh-bhs",
      "--stack",
      "dev",
      "--pack",
      "eu-sovereignty",
      "--format",
      "json",
    );
    const report = JSON.parse(run.stdout) as CheckReport;
    const flagged = new Set(
      report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.urn),
    );
    expect(run.code).toBe(1);
    expect([
      flagged.has("urn:pulumi:dev::fixture-ovh::ovh:CloudProject/kube:Kube::kube"),
      flagged.has("urn:pulumi:dev::fixture-ovh::ovh:CloudProject/storage:Storage::bucket"),
    ]).toEqual([true, true]);
  });

  test("exits 2 naming the error and the line of a program that throws", () => {
    expect(sovereign("check", "test/fixtures/programs/throws", "--stack", "dev")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "sovereign check: the program failed: Error: no target named 'mars' in the stack config (at targets.ts:5)\n",
    });
  });

  test("exits 2 when the program never finishes, instead of passing silently", () => {
    expect(
      sovereign(
        "check",
        "test/fixtures/programs/never-finishes",
        "--stack",
        "dev",
        "--pack-config",
        allDisabled,
      ),
    ).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "sovereign: the program never finished (promises left pending with nothing to wait for)\n",
    });
  });
});
