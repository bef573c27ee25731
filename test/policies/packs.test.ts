import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import type { PackName } from "../../policies/lib/define";
import {
  enforcementLevelOf,
  ENVIRONMENT_LEVELS,
  PACKS,
  policyTable,
  servedPack,
} from "../../policies/packs";
import { REGISTRY } from "../../policies/registry";

const PACK_NAMES: PackName[] = [
  "eu-sovereignty",
  "workload-baseline",
  "data-protection",
  "diversification",
];
const packFile = (pack: string, file: string) =>
  readFileSync(join(__dirname, "..", "..", "policies", pack, file), "utf8");

describe("PACKS", () => {
  test("defines the four packs, each with the registry's policies of that pack", () => {
    expect(Object.keys(PACKS)).toEqual(PACK_NAMES);
    for (const name of PACK_NAMES) {
      expect(PACKS[name].name).toBe(name);
      expect(PACKS[name].policies).toEqual(REGISTRY.select({ pack: name }));
    }
  });

  test.each(PACK_NAMES)("keeps %s's version equal to the pack folder's package.json", (name) => {
    const manifest = JSON.parse(packFile(name, "package.json")) as {
      name: string;
      version: string;
    };
    expect([manifest.name, manifest.version]).toEqual([name, PACKS[name].version]);
  });

  test.each(PACK_NAMES)("pins %s's Pulumi SDKs to the repository's patch ranges", (name) => {
    const sdks = (manifest: { dependencies: Record<string, string> }) =>
      ["@pulumi/policy", "@pulumi/pulumi"].map((d) => manifest.dependencies[d]);
    const root = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const pack = JSON.parse(packFile(name, "package.json")) as typeof root;
    expect(sdks(pack)).toEqual(sdks(root));
    expect(sdks(root).every((range) => range?.startsWith("~"))).toBe(true);
  });

  test.each(PACK_NAMES)("declares %s as a Node.js policy pack in PulumiPolicy.yaml", (name) => {
    expect(parse(packFile(name, "PulumiPolicy.yaml"))).toEqual({
      runtime: "nodejs",
      description: expect.stringMatching(/^Sovereign Deploy: /),
    });
  });

  test("makes eu-sovereignty mandatory by default", () => {
    expect(PACKS["eu-sovereignty"].enforcementLevel).toBe("mandatory");
  });
});

describe("ENVIRONMENT_LEVELS", () => {
  const levels = (pack: PackName, environment: "dev" | "staging" | "prod") => [
    ...new Set(PACKS[pack].policies.map((p) => enforcementLevelOf(p, environment))),
  ];

  test.each(["dev", "staging", "prod"] as const)(
    "never relaxes eu-sovereignty in %s: mandatory, but for the ACME CA and toolchain policies, advisory by their own level",
    (environment) => {
      expect(levels("eu-sovereignty", environment)).toEqual(["mandatory", "advisory"]);
      expect(
        PACKS["eu-sovereignty"].policies
          .filter((p) => enforcementLevelOf(p, environment) === "advisory")
          .map((p) => p.name),
      ).toEqual(["endpoint-acme-issuer-enforce-eu-ca", "toolchain-enforce-eu-control"]);
    },
  );

  test.each([
    ["dev", "workload-baseline", "advisory"],
    ["staging", "workload-baseline", "mandatory"],
    ["prod", "workload-baseline", "mandatory"],
    ["dev", "data-protection", "advisory"],
    ["staging", "data-protection", "advisory"],
    ["prod", "data-protection", "mandatory"],
    ["dev", "diversification", "disabled"],
    ["staging", "diversification", "advisory"],
    ["prod", "diversification", "mandatory"],
  ] as const)("runs %s %s at %s", (environment, pack, level) => {
    const actual = levels(pack, environment);
    expect(actual.length === 0 ? [level] : actual).toEqual([level]);
  });

  test("defines overrides for exactly dev, staging and prod", () => {
    expect(Object.keys(ENVIRONMENT_LEVELS)).toEqual(["dev", "staging", "prod"]);
  });
});

describe("servedPack", () => {
  test("serves a pack's policies with the environment's levels and no registry metadata", () => {
    const served = servedPack("workload-baseline", { SOVEREIGN_ENVIRONMENT: "dev" });
    expect(served.name).toBe("workload-baseline");
    expect(served.args.enforcementLevel).toBe("advisory");
    expect(served.args.policies.map((p) => [p.name, p.enforcementLevel])).toEqual(
      PACKS["workload-baseline"].policies.map((p) => [p.name, "advisory"]),
    );
    expect(served.args.policies.filter((p) => "pack" in p || "area" in p)).toEqual([]);
  });
});

describe("policyTable", () => {
  const lines = policyTable().split("\n");

  test("has a header and one row per registered policy", () => {
    expect(lines.slice(0, 2)).toEqual([
      "| Pack | Policy | Severity | dev / staging / prod | What it checks |",
      "| --- | --- | --- | --- | --- |",
    ]);
    expect(lines.length).toBe(2 + REGISTRY.all.length);
  });

  test("renders each eu-sovereignty policy as a row", () => {
    expect(lines[2]).toBe(
      "| eu-sovereignty | `region-resource-enforce-eu-location` | critical | mandatory / mandatory / mandatory | Requires every resource of an EU vendor to be placed, by its own region, zone or location fields or by its provider's, in a catalogued site inside the allowed jurisdiction group. |",
    );
    const policies = PACKS["eu-sovereignty"].policies;
    expect(lines.slice(2, 2 + policies.length).map((l) => l.split(" | ")[1])).toEqual(
      policies.map((p) => `\`${p.name}\``),
    );
  });
});
