/**
 * .gitlab-ci.yml validates against GitLab's own CI schema (the one its pipeline editor uses, vendored verbatim in
 * test/fixtures/schemas/gitlab-ci.json) and keeps the properties docs/ci.md promises.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { describe, expect, test } from "vitest";

const ROOT = join(__dirname, "../..");
const text = readFileSync(join(ROOT, ".gitlab-ci.yml"), "utf8");

interface Rule {
  if?: string;
  when?: string;
}
interface Job {
  stage?: string;
  image?: string;
  extends?: string;
  needs?: unknown[];
  rules?: Rule[];
  script: string[];
  parallel?: { matrix: Record<string, string[]>[] };
  artifacts?: { when?: string; paths?: string[]; reports?: Record<string, unknown> };
}
const config = parseYaml(text) as Record<string, unknown> & {
  workflow: { rules: Rule[] };
  stages: string[];
};
const job = (name: string) => config[name] as Job;

function gitlabValidator() {
  const schema = JSON.parse(
    readFileSync(join(ROOT, "test/fixtures/schemas/gitlab-ci.json"), "utf8"),
  ) as object;
  // The schema annotates with `markdownDescription`, which strict mode would refuse as an unknown keyword.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe(".gitlab-ci.yml", () => {
  const validate = gitlabValidator();

  test("validates against GitLab's CI schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test.each([
    [
      "an unknown job key",
      { ...config, "sovereign-check": { ...job("sovereign-check"), bogus: 1 } },
    ],
    [
      "a SARIF file as a report type this GitLab schema does not know",
      {
        ...config,
        "sovereign-check": {
          ...job("sovereign-check"),
          artifacts: { reports: { sarif: "sovereign.sarif" } },
        },
      },
    ],
  ])("the schema check can fail: %s is rejected", (_what, broken) => {
    expect(validate(broken)).toBe(false);
  });

  test("runs merge-request pipelines and the default branch, without duplicate branch pipelines", () => {
    expect(config.workflow.rules).toEqual([
      { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
      { if: "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", when: "never" },
      { if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" },
    ]);
  });

  test("the offline check needs no variable and publishes its JUnit file as the MR's test report", () => {
    const check = job("sovereign-check");
    expect(check.rules).toBeUndefined();
    expect(check.script).toContain(
      "npm run check -- . --stack eu-fleet --assume-config --format junit --out sovereign-junit.xml || status=$?",
    );
    expect(check.artifacts).toEqual({
      when: "always",
      expire_in: "30 days",
      expose_as: "sovereign check reports",
      paths: ["sovereign-junit.xml", "sovereign.sarif", "sovereign.md"],
      reports: { junit: "sovereign-junit.xml" },
    });
    expect(check.script.at(-1)).toBe("exit $status");
  });

  test.each(["sovereign-note", "pulumi-preview"])(
    "%s runs only where its token exists and never for merge requests from forks",
    (name) => {
      const rules = job(name).rules ?? [];
      const mergeRequests = rules.filter((r) => r.if?.includes("merge_request_event"));
      expect(mergeRequests.length).toBe(1);
      expect(mergeRequests[0]?.if).toContain(
        "$CI_MERGE_REQUEST_SOURCE_PROJECT_ID == $CI_MERGE_REQUEST_PROJECT_ID",
      );
      expect(
        rules.every((r) =>
          /^\$(SOVEREIGN_NOTE_TOKEN|PULUMI_CONFIG_PASSPHRASE) && /.test(r.if ?? ""),
        ),
      ).toBe(true);
    },
  );

  test("previews every stack that has a stack file, with the eu-sovereignty pack", () => {
    const stacks = readdirSync(join(ROOT, "stacks"))
      .flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.slice(1) ?? [])
      .sort();
    const preview = job("pulumi-preview");
    expect(preview.parallel?.matrix).toEqual([{ STACK: stacks }]);
    expect(preview.script).toEqual([
      'pulumi preview --stack "$STACK" --policy-pack policies/eu-sovereignty --non-interactive --diff',
    ]);
  });

  test("runs every job on self-managed EU runners by tag, overridable by SOVEREIGN_RUNNER_TAG", () => {
    expect((config.default as { tags?: string[] }).tags).toEqual(["$SOVEREIGN_RUNNER_TAG"]);
    expect((config.variables as Record<string, string>).SOVEREIGN_RUNNER_TAG).toBe("sovereign-eu");
  });

  test("previews with state in the EU bucket of Pulumi.yaml and a passphrase, no Pulumi Cloud token", () => {
    const preview = config["pulumi-preview"] as { variables?: Record<string, string> };
    expect(preview.variables).toMatchObject({
      AWS_ACCESS_KEY_ID: "$SCW_ACCESS_KEY",
      AWS_SECRET_ACCESS_KEY: "$SCW_SECRET_KEY",
    });
    expect(text).not.toContain("PULUMI_ACCESS_TOKEN");
  });

  test("updates one MR note in place, found by the Markdown report's marker", () => {
    const script = job("sovereign-note").script.join("\n");
    expect(script).toContain('const marker = body.split("\\n", 1)[0];');
    expect(script).toContain('method: mine ? "PUT" : "POST"');
  });
});
