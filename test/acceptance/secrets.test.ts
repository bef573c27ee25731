/**
 * Issue "Reports and CI", done when: no format leaks a secret. test/fixtures/acceptance/secrets puts `secure:`
 * values (top-level and nested) and secret inputs whose plaintext the program knows where a report would print
 * them: in a resource name (its URN), in an image a policy quotes when it blocks it, on the console.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SECRET_PLACEHOLDER } from "../../domain/offline-placeholders";
import { runCli, type CliRun } from "../cli/run-cli";
import { fixture, temporaryFolder } from "./helpers";

const FORMATS = ["text", "json", "markdown", "sarif", "junit"] as const;

/** What no output may hold: the placeholder, every ciphertext of the stack file, the secret inputs' plaintexts. */
const LEAKS = [
  SECRET_PLACEHOLDER,
  "v1:U2NhbGV3YXlTZWNyZXRLZXlDaXBoZXJ0ZXh0QWNjZXB0YW5jZQ==",
  "v1:RGF0YWJhc2VQYXNzd29yZENpcGhlcnRleHRBY2NlcHRhbmNl",
  "v1:TmVzdGVkS3ViZVRva2VuQ2lwaGVydGV4dEFjY2VwdGFuY2U=",
  "hunter2-Correct-Horse-Battery",
  "docker.io/acme/private-billing-engine:2.4.1",
  "private-billing-engine",
];

/** JUnit escapes quotes: read its text as a person would, so an escaped leak is still found. */
const XML_ENTITIES: Readonly<Record<string, string>> = {
  "&apos;": "'",
  "&quot;": '"',
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
};
const unescapeXml = (xml: string) =>
  xml.replace(/&(?:apos|quot|lt|gt|amp);/g, (entity) => XML_ENTITIES[entity] ?? entity);

const temp = temporaryFolder("secrets");
afterAll(temp.remove);
const outputs = new Map<string, { run: CliRun; report: string }>();

beforeAll(async () => {
  for (const format of FORMATS) {
    const out = path.join(temp.dir, `report.${format}`);
    const run = await runCli([
      ...["check", fixture("secrets"), "--stack", "dev", "--environment", "prod"],
      ...["--format", format, "--out", out],
    ]);
    const text = readFileSync(out, "utf8");
    outputs.set(format, { run, report: format === "junit" ? unescapeXml(text) : text });
  }
});

describe("Issue Reports and CI: secrets in every format", () => {
  test.each(FORMATS)(
    "%s: no placeholder, ciphertext or plaintext in the report, stdout or stderr",
    (format) => {
      const { run, report } = outputs.get(format) ?? { run: undefined, report: "" };
      const printed = `${report}\n${run?.stdout ?? ""}\n${run?.stderr ?? ""}`;
      expect(LEAKS.filter((leak) => printed.includes(leak))).toEqual([]);
    },
  );

  test.each(FORMATS)("%s: the blocked secret image is quoted as [secret]", (format) => {
    expect(outputs.get(format)?.report).toContain("image '[secret]' (registry 'docker.io')");
  });

  test("the program's console line reaches stderr scrubbed", () => {
    expect(outputs.get("text")?.run.stderr).toBe(
      "connecting to https://example.invalid with [secret]\n",
    );
  });

  test("the resource named after a secure value is reported under a scrubbed name", () => {
    const report = JSON.parse(outputs.get("json")?.report ?? "{}") as {
      resources: { name: string }[];
    };
    expect(report.resources.map((r) => r.name)).toContain("vpc-[secret]");
  });
});
