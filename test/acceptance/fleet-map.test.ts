/**
 * Reports people look at, on the default fleet: `npm run plan`'s text fits one screen, and the pull-request
 * comment carries a fleet map that Mermaid's own parser accepts, with every target and its data copies.
 */
import { describe, expect, test } from "vitest";
import { mermaidBlocks, parseMermaid } from "../helpers/mermaid";
import { checkToolkit } from "./helpers";

const FLEET_ARGS = ["--stack", "eu-fleet", "--assume-config", "--environment", "prod"];

describe("Issue Reports people look at: the eu-fleet plan", () => {
  test("the text plan gives the verdict first and fits on one screen; --verbose lists every resource", async () => {
    const short = await checkToolkit(FLEET_ARGS);
    const lines = short.stdout.trimEnd().split("\n");
    expect(short.code).toBe(0);
    expect(lines[1]).toMatch(/^Result: PASS/);
    expect(lines.length).toBeLessThanOrEqual(60);
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}stackit · eu01 \(DE\) +\d+ {2}declared {2}shop ×2$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}ionos · es\/vit \(ES\) +\d+ {2}declared {2}shop ×2$/),
    );
    expect(lines).not.toContainEqual(expect.stringMatching(/^ {2}unknown /));

    const verbose = await checkToolkit([...FLEET_ARGS, "--verbose"]);
    const resources = Number(/(\d+) resources/.exec(verbose.stdout)?.[1]);
    expect(verbose.stdout.split("\n").filter((l) => /^ {4}\S+:\S+ {2}/.test(l))).toHaveLength(
      resources,
    );
  }, 120_000);

  test("the Markdown report carries a fleet map that Mermaid parses, with each target and the copies between vendors", async () => {
    const run = await checkToolkit([...FLEET_ARGS, "--format", "markdown"]);
    const [map, ...more] = mermaidBlocks(run.stdout);
    expect(more).toEqual([]);
    await expect(parseMermaid(map ?? "")).resolves.toBe("flowchart-v2");
    for (const [target, place] of [
      ["par", "fr-par"],
      ["gra", "GRA"],
      ["ske", "eu01"],
      ["ionos", "es/vit"],
    ])
      expect(map).toContain(`<b>${target}</b> · ${place}`);
    expect(map?.match(/-->\|"bucket copy, database backup"\|/g)).toHaveLength(4);
  }, 120_000);
});
