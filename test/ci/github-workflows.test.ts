/**
 * The GitHub Actions workflows parse and validate with GitHub's own workflow parser (@actions/workflow-parser, the
 * library behind the Actions language service), and keep the properties docs/ci.md promises: the offline check
 * runs on every pull request without secrets, the comment is published from a trusted context that never runs
 * the pull request's code, and previews only run where secrets exist.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, test } from "vitest";
import { loadWorkflowParser } from "./workflow-parser";

const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = loadWorkflowParser();

const ROOT = join(__dirname, "../..");
const WORKFLOWS = join(ROOT, ".github/workflows");
const read = (file: string) => readFileSync(join(WORKFLOWS, file), "utf8");

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "continue-on-error"?: boolean;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (file: string) => parseYaml(read(file)) as Workflow;
const stepsOf = (file: string) => Object.values(workflow(file).jobs).flatMap((j) => j.steps);

/** Errors GitHub's parser reports for a workflow file, and for its conversion to a runnable template. */
async function problems(file: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: file, content: read(file) }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e) => e.Message);
}

describe("GitHub workflows", () => {
  test("are exactly the three this repository documents", () => {
    expect(readdirSync(WORKFLOWS).sort()).toEqual([
      "pulumi-preview.yml",
      "sovereign-check.yml",
      "sovereign-comment.yml",
    ]);
  });

  test.each(["pulumi-preview.yml", "sovereign-check.yml", "sovereign-comment.yml"])(
    "%s passes GitHub's workflow parser without an error",
    async (file) => {
      expect(await problems(file)).toEqual([]);
    },
  );

  test("the parser does catch mistakes: an unknown key and an unknown expression function fail", async () => {
    const broken = `on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    bogus: 1\n    steps:\n      - run: echo hi\n        if: \${{ alwayz() }}\n`;
    const parsed = parseWorkflow(
      { name: "broken.yml", content: broken },
      new NoOperationTraceWriter(),
    );
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([
      "broken.yml (Line: 5, Col: 5): Unexpected value 'bogus'",
      "broken.yml (Line: 8, Col: 13): Unrecognized function: 'alwayz'",
    ]);
  });

  test("no workflow uses pull_request_target", () => {
    const files = readdirSync(WORKFLOWS);
    expect(files.filter((f) => "pull_request_target" in workflow(f).on)).toEqual([]);
  });
});

describe("sovereign-check.yml", () => {
  const wf = workflow("sovereign-check.yml");

  test("runs on every pull request (forks included) and on main", () => {
    expect(wf.on).toEqual({
      pull_request: null,
      push: { branches: ["main"] },
      workflow_dispatch: null,
    });
  });

  test("uses no secret at all", () => {
    expect(read("sovereign-check.yml")).not.toMatch(/secrets\./);
  });

  test("installs, then writes the SARIF with the check command", () => {
    const runs = stepsOf("sovereign-check.yml").flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.slice(0, 2)).toEqual([
      "npm ci",
      "npm run check -- . --stack eu-fleet --assume-config --format sarif --out sovereign.sarif",
    ]);
  });

  test("uploads the SARIF with upload-sarif from a job allowed to write security events", () => {
    const job = wf.jobs.check;
    const upload = job?.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with).toEqual({
      sarif_file: "sovereign.sarif",
      category: "sovereign-check/eu-fleet",
    });
    expect(job?.permissions).toEqual({
      contents: "read",
      "security-events": "write",
      actions: "read",
    });
  });

  test("still publishes the reports when the check finds mandatory violations, then fails the job", () => {
    const steps = wf.jobs.check?.steps ?? [];
    expect(steps.find((s) => s.id === "check")?.["continue-on-error"]).toBe(true);
    expect(steps.at(-1)).toMatchObject({
      name: "Fail on mandatory violations",
      if: "${{ steps.check.outcome == 'failure' }}",
    });
  });

  test("passes the pull-request number to the shell through env, never by expression interpolation in run", () => {
    const runs = stepsOf("sovereign-check.yml").flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.filter((r) => r.includes("${{"))).toEqual([]);
  });
});

describe("sovereign-comment.yml", () => {
  const wf = workflow("sovereign-comment.yml");

  test("runs after the check, in the base repository's context", () => {
    expect(wf.on).toEqual({
      workflow_run: { workflows: ["Sovereign check"], types: ["completed"] },
    });
    expect(wf.name).not.toBe(workflow("sovereign-check.yml").name);
  });

  test("never checks out or runs the pull request's code", () => {
    const steps = stepsOf("sovereign-comment.yml");
    expect(
      steps.filter((s) => s.uses?.startsWith("actions/checkout") || s.run !== undefined),
    ).toEqual([]);
  });

  test("checks the pull request's head against the commit the check ran on before publishing", () => {
    const script = String(
      stepsOf("sovereign-comment.yml").find((s) => s.id === "pr")?.with?.script ?? "",
    );
    expect(script).toContain("if (pr.head.sha !== run.head_sha)");
    expect(script).toContain("if (!/^[0-9]{1,9}$/.test(text))");
  });

  test("updates its own comment in place (sticky) instead of adding one per push", () => {
    const script = String(
      stepsOf("sovereign-comment.yml").find((s) => s.id === "pr")?.with?.script ?? "",
    );
    expect(script).toContain("github.rest.issues.updateComment");
    expect(script).toContain('marker.startsWith("<!-- sovereign-check:")');
  });

  test("asks only for the permissions publishing needs", () => {
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.publish?.permissions).toEqual({
      actions: "read",
      contents: "read",
      "pull-requests": "write",
      "security-events": "write",
    });
  });
});

describe("pulumi-preview.yml", () => {
  const wf = workflow("pulumi-preview.yml");
  const job = wf.jobs.preview;
  const stackFiles = readdirSync(join(ROOT, "stacks"))
    .flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.slice(1) ?? [])
    .sort();

  test("previews every stack that has a stack file", () => {
    expect(job?.strategy?.matrix?.stack).toEqual(stackFiles);
  });

  test("runs only on main and on pull requests from branches of this repository", () => {
    expect(wf.on).toEqual({ push: { branches: ["main"] }, pull_request: { branches: ["main"] } });
    expect(job?.if).toBe(
      "${{ github.event_name == 'push' || github.event.pull_request.head.repo.full_name == github.repository }}",
    );
  });

  test("runs pulumi preview with the eu-sovereignty pack through the official action", () => {
    const pulumi = job?.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(pulumi?.uses).toBe("pulumi/actions@v6");
    expect(pulumi?.with).toMatchObject({
      command: "preview",
      "stack-name": "${{ matrix.stack }}",
      policyPacks: "policies/eu-sovereignty",
      "comment-on-pr": true,
    });
    // State in the EU bucket of Pulumi.yaml backend.url, secrets by passphrase: no Pulumi Cloud token.
    expect(job?.env?.PULUMI_CONFIG_PASSPHRASE).toBe("${{ secrets.PULUMI_CONFIG_PASSPHRASE }}");
    expect(job?.env?.AWS_ACCESS_KEY_ID).toBe("${{ secrets.SCW_ACCESS_KEY }}");
    expect(read("pulumi-preview.yml")).not.toContain("PULUMI_ACCESS_TOKEN");
  });
});
