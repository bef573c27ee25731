import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ensureTypeScript, resolveEntry } from "../../../cli/engine/loader";

// As the CLI: .ts files resolve once its TypeScript hook is registered.
ensureTypeScript();
const TEMP = mkdtempSync(path.join(tmpdir(), "sovereign-entry-"));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));

describe("resolveEntry", () => {
  test("a project folder's own index.ts, even beside a file named like the folder (app.json next to app/)", () => {
    const dir = path.join(TEMP, "app");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "index.ts"), "export {};\n");
    writeFileSync(path.join(TEMP, "app.json"), "{}\n");
    expect(resolveEntry(dir, undefined)).toBe(path.join(dir, "index.ts"));
  });

  test("Pulumi.yaml main naming a file", () => {
    const dir = path.join(TEMP, "main");
    mkdirSync(path.join(dir, "src"), { recursive: true });
    writeFileSync(path.join(dir, "src", "program.ts"), "export {};\n");
    expect(resolveEntry(dir, "src/program.ts")).toBe(path.join(dir, "src", "program.ts"));
  });
});
