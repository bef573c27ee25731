import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { render, xmlEscape } from "../../../cli/format/junit";
import { RESOURCES, URN, cleanReport, sampleReport } from "./sample-report";

interface Failure {
  type: string;
  message: string;
  "#text": string;
}
interface Case {
  classname: string;
  name: string;
  file?: string;
  line?: string;
  failure?: Failure;
  skipped?: { message: string };
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  properties: { property: { name: string; value: string }[] };
  testcase: Case[];
}
interface Doc {
  testsuites: {
    name: string;
    tests: string;
    failures: string;
    errors: string;
    skipped: string;
    testsuite: Suite[];
  };
}

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    // Numeric character references (`&#10;` in attributes) are decoded as every XML parser does.
    htmlEntities: true,
    isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
  }).parse(xml) as Doc;

const suiteOf = (doc: Doc, name: string) => doc.testsuites.testsuite.find((s) => s.name === name);
const caseOf = (doc: Doc, suite: string, name: string) =>
  suiteOf(doc, suite)?.testcase.find((c) => c.name === name);

describe("junit render", () => {
  test.each([
    ["the fleet report", sampleReport()],
    ["a clean report", cleanReport()],
  ])("writes %s as well-formed XML", (_what, report) => {
    expect(XMLValidator.validate(render(report))).toBe(true);
  });

  test("has one suite per policy and, in each, one case per resource", () => {
    const doc = parse(render(sampleReport()));
    expect(doc.testsuites.testsuite.map((s) => [s.name, s.testcase.length])).toEqual([
      ["eu-sovereignty/region-resource-disallow-non-eu", RESOURCES.length],
      ["eu-sovereignty/vendor-resource-disallow-non-eu", RESOURCES.length],
      ["workload-baseline/workload-deployment-missing-probes", RESOURCES.length],
      // The stack-level violation adds its own case.
      ["diversification/fleet-vendors-enforce-minimum", RESOURCES.length + 1],
      ["data-protection/storage-bucket-enable-versioning", 1],
    ]);
    expect(
      suiteOf(doc, "eu-sovereignty/region-resource-disallow-non-eu")?.testcase.map((c) => c.name),
    ).toEqual([
      "sovereign-deploy-eu-fleet (pulumi:pulumi:Stack)",
      "par (scaleway:kubernetes/cluster:Cluster)",
      "par-assets (scaleway:object/bucket:Bucket)",
      "gra (ovh:CloudProject/kube:Kube)",
      "gra-db (ovh:CloudProject/database:Database)",
      "ske-web (kubernetes:apps/v1:Deployment)",
      "db-admin (random:index/randomPassword:RandomPassword)",
      "backups (aws:s3/bucket:Bucket)",
    ]);
  });

  test("fails a resource's case for each violation, typed by enforcement level, with the fix", () => {
    const doc = parse(render(sampleReport()));
    expect(
      caseOf(
        doc,
        "eu-sovereignty/region-resource-disallow-non-eu",
        "backups (aws:s3/bucket:Bucket)",
      ),
    ).toEqual({
      classname: "eu-sovereignty.region-resource-disallow-non-eu",
      name: "backups (aws:s3/bucket:Bucket)",
      file: "stacks/deploy.ts",
      line: "88",
      failure: {
        type: "mandatory",
        message:
          'Region "us-east-1" is in US (THIRD), outside the eu group.\nMove it to an EU region.',
        "#text":
          'Region "us-east-1" is in US (THIRD), outside the eu group.\nMove it to an EU region.\nFix: Set `region` on the resource or `scaleway:region` in the stack config to an EU region.',
      },
    });
    expect(
      caseOf(
        doc,
        "workload-baseline/workload-deployment-missing-probes",
        "ske-web (kubernetes:apps/v1:Deployment)",
      )?.failure,
    ).toEqual({
      type: "advisory",
      message: "Container `web` has no readinessProbe | add one <b>now</b> @platform-team",
      "#text":
        "Container `web` has no readinessProbe | add one <b>now</b> @platform-team\nPolicy: Every container declares readiness and liveness probes.",
    });
  });

  test("fails the (stack) case of a stack-level violation", () => {
    const doc = parse(render(sampleReport()));
    expect(
      caseOf(doc, "diversification/fleet-vendors-enforce-minimum", "(stack)")?.failure?.message,
    ).toBe("The fleet uses 3 vendors; at least 4 are required.");
  });

  test("folds several violations of one policy on one resource into one failure", () => {
    const twice = sampleReport().violations.filter(
      (v) => v.policy === "vendor-resource-disallow-non-eu",
    );
    const doc = parse(
      render(
        sampleReport({
          violations: twice.flatMap((v) => [v, { ...v, message: "Also: CLOUD Act exposure." }]),
        }),
      ),
    );
    expect(
      caseOf(
        doc,
        "eu-sovereignty/vendor-resource-disallow-non-eu",
        "backups (aws:s3/bucket:Bucket)",
      )?.failure,
    ).toEqual({
      type: "mandatory",
      message: 'Package "aws" belongs to Amazon Web Services (US, CLOUD Act). (+1 more)',
      "#text":
        'Package "aws" belongs to Amazon Web Services (US, CLOUD Act).\nAlso: CLOUD Act exposure.\nFix: Replace the resource with one from an EU provider package.',
    });
  });

  test("skips the case of an exempted resource with the exemption's expiry, owner and reason", () => {
    const doc = parse(render(sampleReport()));
    expect(
      caseOf(
        doc,
        "workload-baseline/workload-deployment-missing-probes",
        "gra (ovh:CloudProject/kube:Kube)",
      )?.skipped,
    ).toEqual({
      message: "exempted until 2031-06-30 (owner @platform-team): Batch worker | no HTTP port",
    });
  });

  test("skips a disabled policy as one case", () => {
    const doc = parse(render(sampleReport()));
    expect(suiteOf(doc, "data-protection/storage-bucket-enable-versioning")?.testcase).toEqual([
      {
        classname: "data-protection.storage-bucket-enable-versioning",
        name: "(policy disabled)",
        skipped: { message: "disabled in this stack's pack config" },
      },
    ]);
  });

  test("counts tests, failures and skips on every suite and on the whole document", () => {
    const doc = parse(render(sampleReport()));
    expect(doc.testsuites.testsuite.map((s) => [s.tests, s.failures, s.skipped])).toEqual([
      ["8", "1", "0"],
      ["8", "1", "0"],
      ["8", "1", "1"],
      ["9", "1", "0"],
      ["1", "0", "1"],
    ]);
    expect([
      doc.testsuites.tests,
      doc.testsuites.failures,
      doc.testsuites.errors,
      doc.testsuites.skipped,
    ]).toEqual(["34", "4", "0", "2"]);
  });

  test("names cases by URN when two resources would share a label", () => {
    const bucket = RESOURCES.filter((r) => r.urn === URN.parBucket);
    const twins = [...bucket, ...bucket.map((r) => ({ ...r, urn: `${URN.parBucket}-twin` }))];
    const doc = parse(render(sampleReport({ resources: twins, violations: [], exemptions: [] })));
    expect(
      suiteOf(doc, "eu-sovereignty/region-resource-disallow-non-eu")?.testcase.map((c) => c.name),
    ).toEqual([URN.parBucket, `${URN.parBucket}-twin`]);
  });

  test("carries each policy's pack, level and severity as suite properties", () => {
    const doc = parse(render(sampleReport()));
    expect(
      suiteOf(doc, "workload-baseline/workload-deployment-missing-probes")?.properties.property,
    ).toEqual([
      { name: "pack", value: "workload-baseline" },
      { name: "enforcementLevel", value: "advisory" },
      { name: "severity", value: "medium" },
    ]);
  });
});

describe("xmlEscape", () => {
  test.each([
    ["a < b & \"c\" > 'd'", "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;"],
    ["bell\u0007 and nul\u0000 gone", "bell and nul gone"],
    ["tab\tand\nnewline stay", "tab\tand\nnewline stay"],
  ])("makes %j safe in XML", (text, safe) => {
    expect(xmlEscape(text)).toBe(safe);
  });
});
