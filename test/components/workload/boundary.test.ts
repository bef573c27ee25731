import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = resolve(__dirname, "../../..");
const WORKLOAD_DIR = join(ROOT, "components/workload");
const SOURCES = readdirSync(WORKLOAD_DIR)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(WORKLOAD_DIR, f));

/** Module specifiers of every import, export-from and require in a file. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const pattern = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)["']([^"']+)["']/g;
  return [...text.matchAll(pattern)].map((m) => m[1] ?? "");
}

describe("components/workload imports", () => {
  test("holds the component's sources", () => {
    expect(SOURCES.map((f) => relative(WORKLOAD_DIR, f)).sort()).toEqual([
      "args.ts",
      "container.ts",
      "env.ts",
      "index.ts",
      "network-policies.ts",
      "scaling.ts",
      "secrets.ts",
      "workload.ts",
    ]);
  });

  test.each(SOURCES.map((f) => [relative(ROOT, f), f]))("%s names no cloud SDK", (_, file) => {
    const text = readFileSync(file, "utf8");
    expect(
      ["@pulumiverse/scaleway", "@ovhcloud/pulumi-ovh"].filter((sdk) => text.includes(sdk)),
    ).toEqual([]);
  });

  test("reads every import of the sources", () => {
    const external = new Set(SOURCES.flatMap(specifiersOf).filter((s) => !s.startsWith(".")));
    expect([...external].sort()).toEqual(["@pulumi/kubernetes", "@pulumi/pulumi"]);
  });

  test("imports only the Pulumi core and Kubernetes SDKs, the contract, the config, the pure domain and itself", () => {
    const outside = SOURCES.flatMap((file) =>
      specifiersOf(file)
        .map((spec) => (spec.startsWith(".") ? relative(ROOT, resolve(dirname(file), spec)) : spec))
        .filter(
          (spec) =>
            !["@pulumi/pulumi", "@pulumi/kubernetes"].includes(spec) &&
            !/^(components\/(workload|contract)|config|domain)\//.test(spec),
        )
        .map((spec) => `${relative(ROOT, file)} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });
});
