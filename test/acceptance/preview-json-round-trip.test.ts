/**
 * Issue 10, point 4: `--format preview-json` prints the plan as `pulumi preview --json` does, and
 * `sovereign check --preview-json` reads it back with the same verdict: exit code, mandatory violations, placement,
 * dependencies and survival. A preview blinds every secret, so policies that read a secret's plaintext can only
 * defer to the engine there (an advisory "can't run policy … during preview"): the advisories may grow, never the
 * mandatory verdicts.
 */
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CheckReport } from "../../cli/engine/report";
import { runCli } from "../cli/run-cli";
import { checkJson, fixture, ROOT, temporaryFolder } from "./helpers";

const folder = temporaryFolder("preview-json");
afterAll(() => folder.remove());

const mandatory = (r: CheckReport) =>
  r.violations
    .filter((v) => v.enforcementLevel === "mandatory")
    .map((v) => `${v.policy} ${v.urn ?? "(stack)"} ${v.message}`)
    .sort();
const placement = (r: CheckReport) =>
  new Map(r.resources.map((x) => [x.urn, `${x.vendor} ${x.region ?? "-"} ${x.country ?? "-"}`]));

/**
 * Resources placed differently after the round trip: only cluster objects placed through a kubeconfig the preview
 * blinds as a secret (as a real preview would: a cluster's kubeconfig is unknown until it exists), now unplaced.
 */
function placedDifferently(direct: CheckReport, back: CheckReport): string[] {
  const before = placement(direct);
  return [...placement(back)]
    .filter(([urn, place]) => before.get(urn) !== place)
    .map(([urn, place]) => `${urn.slice(urn.lastIndexOf("$") + 1)} ${place}`);
}

/** Runs the program, prints its preview JSON, checks that file, and returns both reports. */
async function roundTrip(name: string, program: readonly string[]) {
  const file = path.join(folder.dir, `${name}.json`);
  const printed = await runCli(["check", ...program, "--format", "preview-json", "--out", file]);
  const direct = await checkJson(program);
  const back = await checkJson(["--preview-json", file]);
  return { printed, direct, back };
}

describe("Issue 10: the plan as preview JSON, read back", () => {
  test.each([
    ["a program with mandatory violations", "inputs", [fixture("inputs"), "--stack", "dev"], 1],
    ["the eu-fleet stack", "eu-fleet", [ROOT, "--stack", "eu-fleet", "--assume-config"], 0],
  ] as const)("%s keeps its verdict", async (_, name, program, code) => {
    const { printed, direct, back } = await roundTrip(name, program);
    expect([printed.code, direct.code, back.code]).toEqual([code, code, code]);
    expect(mandatory(back.report)).toEqual(mandatory(direct.report));
    expect([...placement(back.report).keys()]).toEqual([...placement(direct.report).keys()]);
    for (const moved of placedDifferently(direct.report, back.report))
      expect(moved).toMatch(
        /^(?:pulumi:providers:kubernetes|kubernetes:helm\.sh\/v3:Release)::\S+ unknown - -$/,
      );
    expect(back.report.dependencies).toEqual(direct.report.dependencies);
    expect(back.report.survival).toEqual(direct.report.survival);
    expect(back.report.sections).toEqual(direct.report.sections);
    const advisories = (r: CheckReport) =>
      r.violations.filter((v) => v.enforcementLevel === "advisory");
    expect(advisories(back.report).length).toBeGreaterThanOrEqual(advisories(direct.report).length);
  });
});
