import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { FINGERPRINT_KEY, SARIF_TOOL_NAME, render } from "../../../cli/format/sarif";
import { RESOURCES, URN, cleanReport, sampleReport } from "./sample-report";

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
  }[];
  partialFingerprints: Record<string, string>;
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string; enabled: boolean };
  properties: { tags: string[]; "security-severity"?: string };
}
interface SarifRun {
  tool: { driver: { name: string; version: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  results: SarifResult[];
  properties: Record<string, unknown>;
}
const runOf = (text: string) => (JSON.parse(text) as { runs: SarifRun[] }).runs[0] as SarifRun;

/**
 * The OASIS SARIF 2.1.0 schema (vendored verbatim). It is draft-04; its `$schema` and `id` are removed so Ajv's
 * draft-07 engine compiles it, which changes none of the validation keywords it uses.
 */
function sarifValidator() {
  const path = join(__dirname, "../../fixtures/schemas/sarif-schema-2.1.0.json");
  const {
    $schema: _draft,
    id: _id,
    ...schema
  } = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("sarif render", () => {
  const validate = sarifValidator();

  test.each([
    ["the fleet report", sampleReport()],
    ["a clean report", cleanReport()],
  ])("writes %s as a log the official SARIF 2.1.0 schema accepts", (_what, report) => {
    const valid = validate(
      JSON.parse(render(report, { stackFile: "stacks/Pulumi.eu-fleet.yaml" })),
    );
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test("the schema check can fail: a result without a message is rejected", () => {
    const log = JSON.parse(render(sampleReport())) as {
      runs: { results: Record<string, unknown>[] }[];
    };
    delete log.runs[0]?.results[0]?.message;
    expect(validate(log)).toBe(false);
  });

  test("names the tool and files each stack's results under its own category", () => {
    const run = runOf(render(sampleReport(), { toolVersion: "9.9.9" }));
    expect([run.tool.driver.name, run.tool.driver.version]).toEqual([SARIF_TOOL_NAME, "9.9.9"]);
    expect(run.automationDetails.id).toBe("sovereign-check/sovereign-deploy/eu-fleet/");
  });

  test("has one rule per policy with help text, levels from enforcement and security-severity from severity", () => {
    const rules = runOf(render(sampleReport())).tool.driver.rules;
    expect(
      rules.map((r) => [
        r.id,
        r.defaultConfiguration.level,
        r.defaultConfiguration.enabled,
        r.properties["security-severity"],
      ]),
    ).toEqual([
      ["eu-sovereignty/region-resource-disallow-non-eu", "error", true, "9.5"],
      ["eu-sovereignty/vendor-resource-disallow-non-eu", "error", true, "9.5"],
      ["workload-baseline/workload-deployment-missing-probes", "warning", true, "5.5"],
      ["diversification/fleet-vendors-enforce-minimum", "error", true, "8.0"],
      ["data-protection/storage-bucket-enable-versioning", "none", false, "3.0"],
    ]);
    expect(rules[0]).toMatchObject({
      shortDescription: {
        text: "Every resource is placed in a region of the configured jurisdiction group.",
      },
      help: {
        text: "Set `region` on the resource or `scaleway:region` in the stack config to an EU region.",
        markdown:
          "**region-resource-disallow-non-eu** (pack `eu-sovereignty`, mandatory)\n\nEvery resource is placed in a region of the configured jurisdiction group.\n\n**Fix:** Set `region` on the resource or `scaleway:region` in the stack config to an EU region.",
      },
      properties: { tags: ["security", "sovereignty", "eu-sovereignty"] },
    });
  });

  test("reports each violation at the line that declared the resource, else at the stack file", () => {
    const run = runOf(
      render(sampleReport(), { stackFile: "Pulumi.eu-fleet.yaml", programDir: "./infra/" }),
    );
    expect(
      run.results.map((r) => [
        r.ruleId,
        r.level,
        r.locations[0]?.physicalLocation.artifactLocation.uri,
        r.locations[0]?.physicalLocation.region.startLine,
        r.message.text,
      ]),
    ).toEqual([
      [
        "diversification/fleet-vendors-enforce-minimum",
        "error",
        "infra/Pulumi.eu-fleet.yaml",
        1,
        "Stack sovereign-deploy/eu-fleet: The fleet uses 3 vendors; at least 4 are required.",
      ],
      [
        "eu-sovereignty/region-resource-disallow-non-eu",
        "error",
        "infra/stacks/deploy.ts",
        88,
        'backups (aws:s3/bucket:Bucket): Region "us-east-1" is in US (THIRD), outside the eu group.\nMove it to an EU region.',
      ],
      [
        "eu-sovereignty/vendor-resource-disallow-non-eu",
        "error",
        "infra/stacks/deploy.ts",
        88,
        'backups (aws:s3/bucket:Bucket): Package "aws" belongs to Amazon Web Services (US, CLOUD Act).',
      ],
      [
        "workload-baseline/workload-deployment-missing-probes",
        "warning",
        "infra/Pulumi.eu-fleet.yaml",
        1,
        "ske-web (kubernetes:apps/v1:Deployment): Container `web` has no readinessProbe | add one <b>now</b> @platform-team",
      ],
    ]);
  });

  test("points results at Pulumi.yaml when the stack file is not known", () => {
    const uris = runOf(render(sampleReport())).results.map(
      (r) => r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toEqual(["Pulumi.yaml", "stacks/deploy.ts", "stacks/deploy.ts", "Pulumi.yaml"]);
  });

  test("indexes each result's rule", () => {
    const run = runOf(render(sampleReport()));
    expect(run.results.map((r) => run.tool.driver.rules[r.ruleIndex]?.id)).toEqual(
      run.results.map((r) => r.ruleId),
    );
  });

  test("keeps a violation's fingerprint when its line moves, and gives each resource its own", () => {
    const moved = RESOURCES.map((r) =>
      r.urn === URN.usBucket ? { ...r, source: { file: "stacks/deploy.ts", line: 120 } } : r,
    );
    const before = runOf(render(sampleReport())).results.map(
      (r) => r.partialFingerprints[FINGERPRINT_KEY],
    );
    const after = runOf(render(sampleReport({ resources: moved }))).results.map(
      (r) => r.partialFingerprints[FINGERPRINT_KEY],
    );
    expect(after).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
  });

  test("lists exemptions in the run's properties, never as results (code scanning ignores suppressions)", () => {
    const run = runOf(render(sampleReport()));
    expect(run.results).toHaveLength(4);
    expect(run.properties.exemptions).toEqual(sampleReport().exemptions);
  });

  test("adds a rule for a violation whose policy the report did not list", () => {
    const report = sampleReport({ policies: [] });
    const rules = runOf(render(report)).tool.driver.rules;
    expect(rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ["diversification/fleet-vendors-enforce-minimum", "error"],
      ["eu-sovereignty/region-resource-disallow-non-eu", "error"],
      ["eu-sovereignty/vendor-resource-disallow-non-eu", "error"],
      ["workload-baseline/workload-deployment-missing-probes", "warning"],
    ]);
  });
});
