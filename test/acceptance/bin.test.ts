/**
 * The launcher end to end, as a user on a fresh machine runs it: `npm run plan` (issue "Foundation"). One child
 * process (about 3 s); every other acceptance test calls `main(argv, io)` in-process.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "./helpers";

describe("npm run plan (node cli/bin.js check . --stack eu-fleet --assume-config)", () => {
  test("exits 0 and prints the plan at four EU vendors and the verdict, nothing on stderr", () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const [node, ...args] = (scripts.plan ?? "").split(" ");
    const env: NodeJS.ProcessEnv = { ...process.env, CI: "true" };
    delete env.SOVEREIGN_ENVIRONMENT;
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env });
    const lines = run.stdout.trimEnd().split("\n");
    expect([node, run.status, run.stderr, lines[0], lines.at(-1)]).toEqual([
      "node",
      0,
      "",
      "sovereign check · project sovereign-deploy · stack eu-fleet",
      "Result: PASS — no mandatory violation, 4 advisory",
    ]);
    expect(lines[1]).toBe("Result: PASS — no mandatory violation, 4 advisory");
    expect(
      lines
        .filter((l) => /^ {2}\S+ · \S+ \(\w\w\) +\d+ /.test(l))
        .map((l) => l.replace(/ +/g, " ")),
    ).toEqual([
      " ionos · es/vit (ES) 45 declared shop ×2",
      " ovhcloud · GRA (FR) 49 shop ×2",
      " scaleway · fr-par (FR) 63 shop ×2",
      " stackit · eu01 (DE) 45 declared shop ×2",
    ]);
  });
});
