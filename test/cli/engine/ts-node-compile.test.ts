/**
 * A program outside the toolkit is compiled as the Pulumi CLI's ts-node compiles it (TypeScript, CommonJS), so
 * what the CLI runs, the engine runs: a circular import read before its binding is set is `undefined`, not a
 * TDZ error, and errors still name the .ts line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { NO_PACKS, runCli } from "../run-cli";

const TEMP = mkdtempSync(path.join(tmpdir(), "sovereign-ts-node-"));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));

function program(name: string, files: Record<string, string>): string {
  const dir = path.join(TEMP, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  for (const [file, source] of Object.entries(files)) writeFileSync(path.join(dir, file), source);
  return dir;
}

interface PreviewJson {
  steps: { newState: { type: string; inputs: Record<string, unknown> } }[];
}

async function inputsOf(dir: string, type: string) {
  const run = await runCli(["check", dir, "--format", "preview-json"], { packSource: NO_PACKS });
  expect(run.stderr).toBe("");
  const steps = (JSON.parse(run.stdout) as PreviewJson).steps;
  return steps.filter((s) => s.newState.type === type).map((s) => s.newState.inputs);
}

describe("a program compiled as ts-node compiles it", () => {
  test("a module that reads a circular import's binding before it is set sees undefined", async () => {
    // index.ts imports the module that builds the resource before it sets `label`; that module reads it back.
    const dir = program("circular", {
      "index.ts": `import { makeBucket } from "./bucket";\nexport const bucket = makeBucket("logs");\nexport const label = "app";\n`,
      "bucket.ts": `import * as pulumi from "@pulumi/pulumi";\nimport { label } from ".";\nexport function makeBucket(name: string) {\n  return new pulumi.CustomResource("store:index:Bucket", name, { label: label ?? "unset" });\n}\n`,
    });
    expect(await inputsOf(dir, "store:index:Bucket")).toEqual([{ label: "unset" }]);
  });

  test("the project's tsconfig applies (esModuleInterop for a default import of a CommonJS module)", async () => {
    const dir = program("interop", {
      "tsconfig.json": JSON.stringify({ compilerOptions: { esModuleInterop: true } }),
      "index.ts": `import * as pulumi from "@pulumi/pulumi";\nimport path from "node:path";\nnew pulumi.CustomResource("store:index:Bucket", "b", { key: path.join("a", "b") });\n`,
    });
    expect(await inputsOf(dir, "store:index:Bucket")).toEqual([{ key: path.join("a", "b") }]);
  });

  test("a closure the SDK serializes captures a CommonJS default import as the CLI does (a require)", async () => {
    // The dependency resolves from an ancestor node_modules, as in a monorepo. esbuild's interop namespace (getters)
    // made serializeFunction fail with "Remote object was not 'function'".
    const lib = path.join(TEMP, "node_modules", "greeter");
    mkdirSync(lib, { recursive: true });
    writeFileSync(
      path.join(lib, "package.json"),
      JSON.stringify({ name: "greeter", main: "index.js" }),
    );
    writeFileSync(
      path.join(lib, "index.js"),
      'module.exports = class Greeter { hello(n) { return "hello " + n; } };\n',
    );
    const dir = program("closure", {
      "tsconfig.json": JSON.stringify({ compilerOptions: { esModuleInterop: true } }),
      "index.ts": `import * as pulumi from "@pulumi/pulumi";\nimport Greeter from "greeter";\nconst handler = async (name: string) => new Greeter().hello(name);\nconst code = pulumi.output(pulumi.runtime.serializeFunction(handler)).apply((f) => f.text);\nnew pulumi.CustomResource("fn:index:Function", "handler", { code });\n`,
    });
    const [inputs] = await inputsOf(dir, "fn:index:Function");
    expect(String(inputs?.code)).toMatch(/require\("greeter(\/index\.js)?"\)/);
  });

  test("a program's error names its .ts line", async () => {
    const dir = program("throws", {
      // A build's outDir must not move the source map's sources.
      "tsconfig.json": JSON.stringify({ compilerOptions: { outDir: "bin", sourceMap: true } }),
      "index.ts": `import * as pulumi from "@pulumi/pulumi";\n\nexport const region: string = (() => {\n  throw new Error("no region for " + pulumi.getStack());\n})();\n`,
    });
    const run = await runCli(["check", dir], { packSource: NO_PACKS });
    expect([run.code, run.stderr]).toEqual([
      2,
      "sovereign check: the program failed: Error: no region for dev (at index.ts:4)\n",
    ]);
  });
});
