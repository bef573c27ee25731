/**
 * Issue 10: `eu-sovereignty` reports a non-EU ACME CA as advisory by default and as mandatory through the pack
 * config, on a real stack: `scaleway-fr-par` keeps the default CA (Let's Encrypt, ISRG, US).
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CheckReport } from "../../cli/engine/report";
import { checkToolkit, reportOf, temporaryFolder } from "./helpers";

const POLICY = "endpoint-acme-issuer-enforce-eu-ca";
const ARGS = ["--stack", "scaleway-fr-par", "--pack", "eu-sovereignty", "--format", "json"];
const tmp = temporaryFolder("acme");
afterAll(() => tmp.remove());

const issuerFindings = (report: CheckReport) =>
  report.violations
    .filter((v) => v.policy === POLICY)
    .map((v) => [
      v.enforcementLevel,
      v.urn?.includes("ClusterIssuer"),
      v.message.slice(0, v.message.indexOf(":", 20)),
    ]);

describe("a non-EU ACME issuer in eu-sovereignty", () => {
  test("is an advisory finding by default: the check passes", async () => {
    const run = await checkToolkit(ARGS);
    expect([run.code, issuerFindings(reportOf(run))]).toEqual([
      0,
      [
        [
          "advisory",
          true,
          "ACME server 'https://acme-v02.api.letsencrypt.org/directory' is Let's Encrypt (ISRG), seated in US (a third country), outside the allowed group 'eu'",
        ],
      ],
    ]);
  }, 120_000);

  test("blocks when the pack config makes it mandatory", async () => {
    const config = path.join(tmp.dir, "policy-config.json");
    writeFileSync(config, JSON.stringify({ [POLICY]: "mandatory" }));
    const run = await checkToolkit([...ARGS, "--pack-config", config]);
    expect([run.code, issuerFindings(reportOf(run)).map(([level]) => level)]).toEqual([
      1,
      ["mandatory"],
    ]);
  }, 120_000);
});
