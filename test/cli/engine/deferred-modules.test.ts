import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");

/** Runs `script` in a fresh Node.js process started as the CLI starts (cli/start.js); returns its JSON line. */
function inFreshProcess(script: string): unknown {
  const run = spawnSync(process.execPath, ["-e", `require("./cli/start");\n${script}`], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "null");
}

const LOADED = `
const loaded = (end) => Object.keys(require.cache).some((f) => f.endsWith(end));
const heavy = () => ["typescript/lib/typescript.js", "@npmcli/arborist/lib/index.js", "automation/stack.js"].map(loaded);
`;

describe("deferPulumiStartup", () => {
  test("loading @pulumi/pulumi loads neither TypeScript, arborist nor the Automation API", () => {
    const result = inFreshProcess(`${LOADED}
require("@pulumi/pulumi");
console.log(JSON.stringify(heavy()));`);
    expect(result).toEqual([false, false, false]);
  });

  test("each is loaded, and works, the first time a program uses it", () => {
    const result = inFreshProcess(`${LOADED}
const pulumi = require("@pulumi/pulumi");
const workspace = typeof pulumi.automation.LocalWorkspace;
pulumi.runtime.computeCodePaths({ extraIncludePaths: [] }).then(async (paths) => {
  const closure = await pulumi.runtime.serializeFunction(() => 42);
  console.log(JSON.stringify([workspace, paths instanceof Map, closure.text.includes("42"), heavy()]));
});`);
    expect(result).toEqual(["function", true, true, [true, true, true]]);
  }, 120_000); // computeCodePaths walks all of node_modules: 37 s on a loaded 2-core machine
});
