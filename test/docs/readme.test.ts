import { readFileSync } from "node:fs";
import { describe, expect, it, test } from "vitest";
import { format } from "prettier";
import { z } from "zod";
import { withGeneratedBlocks } from "../../cli/docs/readme";
import { stackConfigSchema } from "../../config/schema";

const README = readFileSync("README.md", "utf8");

/** Every property name the schema accepts, at any depth. */
function keysOf(schema: unknown, into = new Set<string>()): Set<string> {
  if (schema === null || typeof schema !== "object") return into;
  const node = schema as Record<string, unknown>;
  for (const [key, value] of Object.entries((node.properties as Record<string, unknown>) ?? {})) {
    into.add(key);
    keysOf(value, into);
  }
  for (const field of ["items", "additionalProperties"]) keysOf(node[field], into);
  for (const field of ["anyOf", "oneOf", "allOf"])
    for (const s of (node[field] as unknown[]) ?? []) keysOf(s, into);
  return into;
}

describe("README.md", () => {
  it("starts with the two set-up commands", () => {
    const firstScreen = README.split("\n").slice(0, 40).join("\n");
    expect([
      firstScreen.includes("npm ci && npm run plan"),
      firstScreen.includes("npm ci && npm test"),
    ]).toEqual([true, true]);
  });

  it("carries the generated region matrix and policy table as the code produces them (npm run docs)", async () => {
    const regenerated = await format(withGeneratedBlocks(README), {
      parser: "markdown",
      printWidth: 100,
    });
    expect(regenerated).toBe(README);
  });

  test.each([
    ...keysOf(z.toJSONSchema(stackConfigSchema, { io: "input", unrepresentable: "any" })),
  ])("documents config key %s in the config reference", (key) => {
    const reference = README.slice(
      README.indexOf("## Stack config reference"),
      README.indexOf("## Policy packs"),
    );
    // Documented as a segment of a backticked key path: `database.enabled`, `nodes.min`, `workloads[]`.
    expect(reference).toMatch(new RegExp(`\`([A-Za-z\\[\\]]+\\.)*${key}[\`.[]`));
  });
});
