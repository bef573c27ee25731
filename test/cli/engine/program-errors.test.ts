import { describe, expect, test } from "vitest";
import { describeProgramError, programLocation } from "../../../cli/engine/program-errors";

const ctx = { dir: "/work/prog" };
const withStack = (e: Error, stack: string) => Object.assign(e, { stack });

describe("describeProgramError", () => {
  test.each<[string, unknown, string]>([
    [
      "a config error as it is",
      Object.assign(
        new Error("Pulumi.dev.yaml: 1 config problem\n  - sovereign:targets is required"),
        { name: "ConfigError" },
      ),
      "Pulumi.dev.yaml: 1 config problem\n  - sovereign:targets is required",
    ],
    [
      "a TypeScript syntax error with file:line:column",
      Object.assign(
        new Error(
          'Transform failed with 1 error:\n/work/prog/src/index.ts:5:19: ERROR: Expected identifier but found ","',
        ),
        { name: "TransformError" },
      ),
      'the program does not compile: src/index.ts:5:19: Expected identifier but found ","',
    ],
    [
      "a missing package with the importing file",
      Object.assign(
        new Error("Cannot find module '@acme/x'\nRequire stack:\n- /work/prog/lib/a.ts"),
        { code: "MODULE_NOT_FOUND", requireStack: ["/work/prog/lib/a.ts", "/work/prog/index.ts"] },
      ),
      "cannot find module '@acme/x' imported from lib/a.ts: install it in the program directory (npm install @acme/x) or fix the import",
    ],
    [
      "a missing relative file",
      Object.assign(new Error("Cannot find module './gone'"), {
        code: "MODULE_NOT_FOUND",
        requireStack: ["/work/prog/index.ts"],
      }),
      "cannot find module './gone' imported from index.ts: fix the import path",
    ],
    [
      "a Pulumi RunError as it is",
      Object.assign(new Error("Configuration 'shop:replicas' value 'x' is not a valid number"), {
        __pulumiRunError: true,
      }),
      "Configuration 'shop:replicas' value 'x' is not a valid number",
    ],
    [
      "any other error with the first frame in the program",
      withStack(
        new TypeError("cannot read properties of undefined (reading 'region')"),
        "TypeError: x\n    at f (/work/main/node_modules/@pulumi/pulumi/output.js:1:1)\n    at g (/work/prog/src/targets.ts:12:7)\n    at /work/prog/index.ts:3:1",
      ),
      "the program failed: TypeError: cannot read properties of undefined (reading 'region') (at src/targets.ts:12)",
    ],
    [
      "an error without a program frame",
      withStack(new Error("boom"), "Error: boom\n    at node:internal/x:1:1"),
      "the program failed: Error: boom",
    ],
    ["a thrown string", "just a string", "the program threw a non-error value: just a string"],
  ])("describes %s", (_case, error, message) => {
    expect(describeProgramError(error, ctx).message).toBe(message);
  });

  test("keeps the stack trace for --debug", () => {
    const error = withStack(new Error("boom"), "Error: boom\n    at /work/prog/index.ts:1:1");
    expect(describeProgramError(error, ctx).detail).toBe(
      "Error: boom\n    at /work/prog/index.ts:1:1",
    );
  });
});

describe("programLocation", () => {
  test("skips frames of other directories that share the program's prefix", () => {
    expect(
      programLocation("E\n    at /work/prog-other/a.ts:1:1\n    at /work/prog/b.ts:2:1", ctx),
    ).toBe("b.ts:2");
  });
});
