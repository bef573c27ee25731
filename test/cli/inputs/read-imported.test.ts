import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readImported } from "../../../cli/inputs";
import { readPreviewJson } from "../../../cli/inputs/preview-json";
import { readState } from "../../../cli/inputs/state";

const fixture = (dir: string, name: string) => join(__dirname, "../../fixtures", dir, name);
/** Every file is streamed, as one larger than V8's longest string is. */
const STREAMED = { largestString: 0 };

describe("readImported", () => {
  test.each([
    ["state", fixture("state", "dotnet-scaleway-show-secrets.json"), readState],
    ["state", fixture("state", "go-checkpoint.json"), readState],
    ["preview-json", fixture("preview", "python-scaleway.json"), readPreviewJson],
  ] as const)(
    "reads --%s %s streamed into what JSON.parse of its text gives",
    async (kind, file, readText) => {
      const expected = readText(readFileSync(file, "utf8"));
      expect(expected.resources.length).toBeGreaterThan(0);
      expect(await readImported(kind, file, STREAMED)).toEqual(expected);
      expect(await readImported(kind, file)).toEqual(expected);
    },
  );

  test.each([{}, STREAMED])(
    "names the file and says it is not JSON, either way (%o)",
    async (opts) => {
      const file = join(mkdtempSync(join(tmpdir(), "sovereign-import-")), "cut.json");
      writeFileSync(file, '{"version": 3, "deployment": {"resources": [');
      await expect(readImported("state", file, opts)).rejects.toThrow(
        new RegExp(`^--state ${file}: the state file is not JSON \\(.+\\)\\. Fix: `),
      );
    },
  );

  test("names a file it cannot read", async () => {
    const file = join(tmpdir(), "sovereign-no-such-export.json");
    await expect(readImported("state", file, STREAMED)).rejects.toThrow(
      `--state ${file}: cannot read the file: ENOENT`,
    );
  });
});
