import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { writeOut } from "../../../cli/commands/out-file";

const dir = () => mkdtempSync(join(tmpdir(), "sovereign-out-"));
const redact = (text: string) => text.replace(/secret/g, "[secret]");

describe("writeOut", () => {
  test("writes every piece, each redacted, and nothing beside the file", () => {
    const at = dir();
    const file = join(at, "report.json");
    writeOut(file, ["{", '"a": "secret"', "}\n"], redact);
    expect(readFileSync(file, "utf8")).toBe('{"a": "[secret]"}\n');
    expect(readdirSync(at)).toEqual(["report.json"]);
  });

  test("leaves no half report when rendering fails part-way, and the previous one as it was", () => {
    const at = dir();
    const file = join(at, "report.json");
    writeFileSync(file, "previous");
    function* failing() {
      yield "{";
      throw new Error("render failed");
    }
    expect(() => writeOut(file, failing(), redact)).toThrow("render failed");
    expect(readFileSync(file, "utf8")).toBe("previous");
    expect(readdirSync(at)).toEqual(["report.json"]);
  });

  test("names the file it cannot write", () => {
    const file = join(dir(), "no-such-folder", "report.json");
    expect(() => writeOut(file, ["x"], redact)).toThrow(
      `--out ${file}: cannot write the report: ENOENT`,
    );
    expect(existsSync(file)).toBe(false);
  });
});
