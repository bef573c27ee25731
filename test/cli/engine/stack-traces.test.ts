import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import type { CheckReport } from "../../../cli/engine/report";
import {
  isNodeFormatter,
  programStackFormatter,
  type FindSourceMap,
} from "../../../cli/engine/stack-traces";

const ROOT = path.resolve(__dirname, "../../..");
const PULUMI = "/app/node_modules/@pulumi/pulumi";

interface Site {
  readonly fn?: string | null;
  readonly type?: string | null;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly ctor?: boolean;
  readonly text: string;
}

/** A V8 call site with the given fields; `text` is what V8 prints for it. */
function site(s: Site): NodeJS.CallSite {
  return {
    getFunctionName: () => s.fn ?? null,
    getMethodName: () => null,
    getTypeName: () => s.type ?? null,
    getFileName: () => s.file,
    getEvalOrigin: () => undefined,
    getLineNumber: () => s.line ?? null,
    getColumnNumber: () => s.column ?? null,
    isAsync: () => false,
    isConstructor: () => s.ctor ?? false,
    toString: () => s.text,
  } as unknown as NodeJS.CallSite;
}

const CALLSITES = site({
  fn: "callsites",
  type: "Function",
  file: `${PULUMI}/resource.js`,
  line: 327,
  column: 32,
  text: `Function.callsites (${PULUMI}/resource.js:327:32)`,
});
const DEBUGGABLE = site({
  fn: "debuggablePromise",
  file: `${PULUMI}/runtime/debuggable.js`,
  line: 85,
  column: 73,
  text: `debuggablePromise (${PULUMI}/runtime/debuggable.js:85:73)`,
});
const PROGRAM_FRAME = site({
  fn: "Storage",
  ctor: true,
  file: "/prog/index.ts",
  line: 2,
  column: 410,
  text: "new Storage (/prog/index.ts:2:410)",
});
const ANONYMOUS_PROGRAM_FRAME = site({
  file: "/prog/index.ts",
  line: 2,
  column: 900,
  text: "/prog/index.ts:2:900",
});

/** A source map for /prog/index.ts only: generated 2:410 is 14:5 of the .ts file, 2:900 is 23:1. */
const findMap: FindSourceMap = (file) =>
  file === "/prog/index.ts"
    ? {
        findEntry: (line: number, column: number) =>
          line === 1 && column === 409
            ? {
                generatedLine: 1,
                generatedColumn: 409,
                originalSource: "file:///prog/index.ts",
                originalLine: 13,
                originalColumn: 4,
              }
            : line === 1 && column === 899
              ? {
                  generatedLine: 1,
                  generatedColumn: 899,
                  originalSource: "file:///prog/index.ts",
                  originalLine: 22,
                  originalColumn: 0,
                }
              : {},
      }
    : undefined;

const byNode = (error: Error, trace: NodeJS.CallSite[]) =>
  `node formatted ${error.message} with ${trace.length} frames`;

describe("programStackFormatter", () => {
  test("maps the frames of Pulumi's callsites capture as Node would, so Pulumi reads the .ts line", () => {
    const format = programStackFormatter(byNode, findMap);
    const unmapped = site({
      fn: "Module._compile",
      file: "node:internal/modules/cjs/loader",
      line: 1,
      column: 1,
      text: "Module._compile (node:internal/modules/cjs/loader:1:1)",
    });
    expect(format(new Error(), [CALLSITES, PROGRAM_FRAME, ANONYMOUS_PROGRAM_FRAME, unmapped])).toBe(
      [
        "Error",
        `    at Function.callsites (${PULUMI}/resource.js:327:32)`,
        "    at new Storage (/prog/index.ts:14:5)",
        "    at <anonymous> (/prog/index.ts:23:1)",
        "    at Module._compile (node:internal/modules/cjs/loader:1:1)",
      ].join("\n"),
    );
  });

  test("formats only the first eight frames of a callsites capture: Pulumi declares resources at the sixth", () => {
    const format = programStackFormatter(byNode, findMap);
    const deep = [CALLSITES, ...Array.from({ length: 11 }, () => PROGRAM_FRAME)];
    const lines = String(format(new Error(), deep)).split("\n");
    expect([lines.length, lines[8]]).toEqual([9, "    at new Storage (/prog/index.ts:14:5)"]);
  });

  test("prints a frame as V8 does when its file's map has no entry for the position", () => {
    const format = programStackFormatter(byNode, findMap);
    const elsewhere = site({
      fn: "f",
      file: "/prog/index.ts",
      line: 7,
      column: 1,
      text: "f (/prog/index.ts:7:1)",
    });
    expect(format(new Error(), [CALLSITES, elsewhere])).toBe(
      `Error\n    at Function.callsites (${PULUMI}/resource.js:327:32)\n    at f (/prog/index.ts:7:1)`,
    );
  });

  test("hands Pulumi's other traces (a debuggable promise's) to Node's formatter", () => {
    const format = programStackFormatter(byNode, findMap);
    expect(format(new Error("leak"), [DEBUGGABLE, PROGRAM_FRAME])).toBe(
      "node formatted leak with 2 frames",
    );
  });

  test.each([
    ["a program error", [PROGRAM_FRAME]],
    ["an error without frames", []],
    [
      "a capture by a function of the same name outside @pulumi/pulumi",
      [
        site({
          fn: "callsites",
          file: "/prog/resource.js",
          text: "callsites (/prog/resource.js:1:1)",
        }),
      ],
    ],
  ])("hands %s to Node's formatter", (_case, trace) => {
    const format = programStackFormatter(byNode, findMap);
    expect(format(new Error("boom"), trace)).toBe(
      `node formatted boom with ${trace.length} frames`,
    );
  });
});

describe("isNodeFormatter", () => {
  test.each([
    {
      what: "Node's default Error.prepareStackTrace",
      format: function ErrorPrepareStackTrace() {},
      is: true,
    },
    { what: "a test runner's formatter", format: function prepareStackTrace() {}, is: false },
    { what: "no formatter", format: undefined, is: false },
  ])("is $is for $what", ({ format, is }) => {
    expect(isNodeFormatter(format)).toBe(is);
  });
});

describe("programStackFormatter under cli/bin.js", () => {
  test("keeps every declaration site on the program's .ts line", () => {
    const run = spawnSync(
      process.execPath,
      [
        "cli/bin.js",
        "check",
        "test/fixtures/programs/scaleway-compliant",
        "--stack",
        "dev",
        "--format",
        "json",
      ],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } },
    );
    const report = JSON.parse(run.stdout) as CheckReport;
    expect(
      report.resources.map((r) => [r.name, r.source ? `${r.source.file}:${r.source.line}` : null]),
    ).toEqual([
      ["fixture-scaleway-dev", null],
      ["backups", "index.ts:44"],
      ["amsterdam", null],
      ["default_1_54_0_github_/api.github.com/pulumiverse", null],
      ["vpc", "index.ts:24"],
      ["backups-bucket", "index.ts:14"],
      ["network", "index.ts:25"],
      ["cluster", "index.ts:30"],
      ["pool", "index.ts:38"],
    ]);
  });
});
