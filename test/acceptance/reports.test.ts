/**
 * Issue "Reports and CI", done when: every format (text, json, markdown, sarif, junit) is written with --out for
 * the eu-fleet stack and for a blocked program, stdout then holding one result line; and the commands the CI
 * pipelines run produce their reports. Schema validation of SARIF and the renderers' details are covered by
 * test/cli/format; secrets by secrets.test.ts; other inputs by imported-inputs.test.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CheckReport } from "../../cli/engine/report";
import { runCli, type CliRun } from "../cli/run-cli";
import { checkToolkit, fixture, ROOT, temporaryFolder } from "./helpers";

const FORMATS = ["text", "json", "markdown", "sarif", "junit"] as const;
type Format = (typeof FORMATS)[number];

interface Program {
  /** Runs `sovereign check` on the program with `--format <format> --out <file>`. */
  readonly check: (format: Format, out: string) => Promise<CliRun>;
  readonly code: number;
  readonly resultLine: string;
  readonly project: string;
  readonly stack: string;
}

const PROGRAMS: Readonly<Record<"eu-fleet" | "blocked", Program>> = {
  "eu-fleet": {
    check: (format, out) =>
      checkToolkit([
        ...["--stack", "eu-fleet", "--assume-config", "--environment", "prod"],
        ...["--format", format, "--out", out],
      ]),
    code: 0,
    resultLine: "sovereign check: PASS — no mandatory violation, 4 advisory\n",
    project: "sovereign-deploy",
    stack: "eu-fleet",
  },
  blocked: {
    check: (format, out) =>
      runCli([
        ...["check", fixture("blocked"), "--stack", "dev", "--pack", "eu-sovereignty"],
        ...["--format", format, "--out", out],
      ]),
    code: 1,
    // 48 from the binary rules, 11 from seal-enforce-minimum (two objectives on five non-EU providers, one on ovh-ca);
    // advisory: state and the secrets' key in Pulumi Cloud (no backend.url).
    resultLine: "sovereign check: FAIL — 59 mandatory, 2 advisory violation(s)\n",
    project: "acceptance-blocked",
    stack: "dev",
  },
};
type ProgramName = keyof typeof PROGRAMS;
const NAMES = Object.keys(PROGRAMS) as ProgramName[];

const temp = temporaryFolder("reports");
afterAll(temp.remove);
const runs = new Map<string, { run: CliRun; written: string }>();
const written = (program: ProgramName, format: Format) =>
  runs.get(`${program} ${format}`)?.written ?? "";
const jsonOf = (program: ProgramName) => JSON.parse(written(program, "json")) as CheckReport;

beforeAll(async () => {
  for (const program of NAMES) {
    for (const format of FORMATS) {
      const out = path.join(temp.dir, `${program}.${format}`);
      const run = await PROGRAMS[program].check(format, out);
      runs.set(`${program} ${format}`, {
        run,
        written: existsSync(out) ? readFileSync(out, "utf8") : "",
      });
    }
  }
}, 60_000);

const CASES = NAMES.flatMap((program) => FORMATS.map((format) => [program, format] as const));

describe("Issue Reports and CI: --format <format> --out <file>", () => {
  test.each(CASES)(
    "%s as %s: the file holds the report, stdout one result line",
    (program, format) => {
      const { run } = runs.get(`${program} ${format}`) ?? { run: undefined };
      const expected = PROGRAMS[program];
      expect([run?.code, run?.stdout]).toEqual([expected.code, expected.resultLine]);
      expect(written(program, format)).not.toBe("");
    },
  );

  test.each(NAMES)(
    "%s as json: the CheckReport, its summary matching the result line",
    (program) => {
      const report = jsonOf(program);
      const { mandatory, advisory } = report.summary;
      expect([report.project, report.stack, PROGRAMS[program].resultLine]).toEqual([
        PROGRAMS[program].project,
        PROGRAMS[program].stack,
        mandatory > 0
          ? `sovereign check: FAIL — ${mandatory} mandatory, ${advisory} advisory violation(s)\n`
          : `sovereign check: PASS — no mandatory violation, ${advisory} advisory\n`,
      ]);
    },
  );

  test.each(NAMES)(
    "%s as text: the verdict, the places, the violations and the verdict again",
    (program) => {
      const lines = written(program, "text").trimEnd().split("\n");
      const { project, stack } = PROGRAMS[program];
      const { mandatory, advisory } = jsonOf(program).summary;
      const result =
        mandatory > 0
          ? `Result: FAIL — ${mandatory} mandatory violations, ${advisory} advisory`
          : `Result: PASS — no mandatory violation, ${advisory} advisory`;
      expect([lines[0], lines[1], lines.at(-1)]).toEqual([
        `sovereign check · project ${project} · stack ${stack}`,
        result,
        result,
      ]);
      expect(lines[4]).toMatch(/^ {2}Where +resources/);
      expect(lines).toContain(`Violations (${mandatory} mandatory, ${advisory} advisory)`);
    },
  );

  test.each(NAMES)(
    "%s as markdown: the verdict and one violations-table row per violation",
    (program) => {
      const lines = written(program, "markdown").split("\n");
      const report = jsonOf(program);
      const { project, stack } = PROGRAMS[program];
      const where = `(\`${project}\` / \`${stack}\`)`;
      expect(lines.slice(0, 2)).toEqual([
        `<!-- sovereign-check:${project}/${stack} -->`,
        report.summary.mandatory > 0
          ? `## ❌ Sovereign check failed: ${report.summary.mandatory} mandatory violations ${where}`
          : `## ⚠️ Sovereign check passed with ${report.summary.advisory} advisory findings ${where}`,
      ]);
      const header = lines.indexOf("| Level | Policy | Resource | Message |");
      const rows = lines
        .slice(header + 2)
        .filter((l) => /^\| (🛑 mandatory|⚠️ advisory) \|/.test(l));
      expect([header > 0, rows.length]).toEqual([true, report.violations.length]);
    },
  );

  test.each(NAMES)(
    "%s as sarif: SARIF 2.1.0, one result per violation with its rule and location",
    (program) => {
      const sarif = JSON.parse(written(program, "sarif")) as {
        version: string;
        runs: {
          results: {
            ruleId: string;
            level: string;
            locations: {
              physicalLocation: { artifactLocation: { uri: string } };
              logicalLocations: { fullyQualifiedName: string }[];
            }[];
          }[];
        }[];
      };
      const report = jsonOf(program);
      const results = sarif.runs[0]?.results ?? [];
      expect([sarif.version, results.length]).toEqual(["2.1.0", report.violations.length]);
      expect(
        results
          .map(
            (r) =>
              `${r.ruleId} ${r.locations[0]?.logicalLocations[0]?.fullyQualifiedName} ${r.level}`,
          )
          .sort(),
      ).toEqual(
        report.violations
          .map(
            (v) =>
              // A stack-level violation is located at the stack: `<project>/<stack>`.
              `${v.pack}/${v.policy} ${v.urn ?? `${report.project}/${report.stack}`} ${v.enforcementLevel === "mandatory" ? "error" : "warning"}`,
          )
          .sort(),
      );
      expect(
        results.every((r) => (r.locations[0]?.physicalLocation.artifactLocation.uri ?? "") !== ""),
      ).toBe(true);
    },
  );

  test.each(NAMES)(
    "%s as junit: valid XML, one suite per policy, one failure per violating resource",
    (program) => {
      const xml = written(program, "junit");
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: "",
        isArray: (name) => ["testsuite", "testcase"].includes(name),
      }).parse(xml) as {
        testsuites: {
          failures: string;
          testsuite: { name: string; failures: string; testcase: { failure?: unknown }[] }[];
        };
      };
      const report = jsonOf(program);
      const failing = new Set(report.violations.map((v) => `${v.policy} ${v.urn}`));
      expect(XMLValidator.validate(xml)).toBe(true);
      expect([doc.testsuites.failures, doc.testsuites.testsuite.map((s) => s.name)]).toEqual([
        String(failing.size),
        report.policies.map((p) => `${p.pack}/${p.policy}`),
      ]);
    },
  );

  test("junit fails the blocked program once per policy and offending resource (the 40 cases of policy-packs.test.ts, 6 graded providers)", () => {
    const xml = written("blocked", "junit");
    expect([...xml.matchAll(/<failure type="mandatory"/g)].length).toBe(46);
  });
});

/** Every `npm run check -- <args>` line of the CI pipelines. */
function ciCommands(): { file: string; args: string[] }[] {
  return [".github/workflows/sovereign-check.yml", ".gitlab-ci.yml"].flatMap((file) =>
    [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/npm run check -- ([^|\n]+)/g)].map(
      (m) => ({ file, args: (m[1] ?? "").trim().split(/\s+/) }),
    ),
  );
}

/** The arguments without `--format <f>` and `--out <file>`, and the format. */
function splitOutput(args: readonly string[]): { rest: string; format: string } {
  const rest: string[] = [];
  let format = "";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--format") format = args[i + 1] ?? "";
    if (arg === "--format" || arg === "--out") i++;
    else rest.push(arg);
  }
  return { rest: rest.join(" "), format };
}

describe("Issue Reports and CI: the CI pipelines' commands", () => {
  test("check eu-fleet with the same arguments in every job, differing only in --format and --out", () => {
    const commands = ciCommands().map((c) => splitOutput(c.args));
    expect(commands.map((c) => c.format)).toEqual([
      "sarif",
      "markdown",
      "junit",
      "sarif",
      "markdown",
    ]);
    expect(new Set(commands.map((c) => c.rest)).size).toBe(1);
  });

  test("write their report (exit 0 or 1) on a runner without secrets, instead of exiting 2", async () => {
    const [first] = ciCommands();
    const args = first?.args ?? [];
    const out = path.join(temp.dir, "ci-report");
    const [dir, ...rest] = args;
    const run = await checkToolkit(rest.map((a, i) => (rest[i - 1] === "--out" ? out : a)));
    expect([dir, run.stderr.split("\n")[0], existsSync(out)]).toEqual([".", "", true]);
    expect([0, 1]).toContain(run.code);
  });
});
