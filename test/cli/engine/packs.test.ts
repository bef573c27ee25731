import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ENVIRONMENT_LEVELS, PACKS } from "../../../policies/packs";
import {
  loadPackConfig,
  loadPackSource,
  selectPacks,
  settingsOf,
  type PackDefinition,
} from "../../../cli/engine/packs";

const policy = {
  name: "test-region-enforce",
  description: "d",
  configSchema: { properties: { group: { type: "string" as const, default: "eu" } } },
};
const pack: PackDefinition = {
  name: "test",
  version: "1.0.0",
  description: "d",
  enforcementLevel: "mandatory",
  policies: [policy],
};
const dir = mkdtempSync(path.join(tmpdir(), "sovereign-packs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

describe("loadPackSource", () => {
  test("serves every pack of policies/packs.ts", () => {
    expect(Object.keys(loadPackSource("dev").packs)).toEqual(Object.keys(PACKS));
  });

  test("fails on an environment policies/packs.ts does not define, naming the ones it does", () => {
    expect(() => loadPackSource("qa")).toThrow(
      `--environment qa: use one of ${Object.keys(ENVIRONMENT_LEVELS).join(", ")}`,
    );
  });
});

describe("selectPacks", () => {
  test("selects every pack when none is named, else the named ones in order", () => {
    const other = { ...pack, name: "other" };
    expect([
      selectPacks({ test: pack, other }, []),
      selectPacks({ test: pack, other }, ["other"]),
    ]).toEqual([[pack, other], [other]]);
  });
});

describe("loadPackConfig", () => {
  test("reads JSON or YAML, and an empty file as no config", () => {
    expect([
      loadPackConfig(file("a.json", '{"all":"advisory"}'), [pack]),
      loadPackConfig(file("b.yaml", "test-region-enforce:\n  group: eea\n"), [pack]),
      loadPackConfig(file("c.yaml", ""), [pack]),
    ]).toEqual([{ all: "advisory" }, { "test-region-enforce": { group: "eea" } }, {}]);
  });

  test("fails on an enforcement level that does not exist", () => {
    const f = file("d.json", '{"test-region-enforce":"strict"}');
    expect(() => loadPackConfig(f, [pack])).toThrow(
      `--pack-config ${f}: test-region-enforce: enforcement level 'strict' is not one of advisory, mandatory, remediate, disabled`,
    );
  });
});

describe("settingsOf", () => {
  test("merges the pack config's properties over the schema's defaults, without the level", () => {
    expect(
      settingsOf(policy, pack, {
        "test-region-enforce": { enforcementLevel: "advisory", extra: 1 },
      }),
    ).toEqual({
      level: "advisory",
      config: { group: "eu", extra: 1 },
    });
  });
});
