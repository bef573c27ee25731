/**
 * Shared meta-tests: every policy of every pack follows the naming, metadata and file conventions of STYLE §4/§7,
 * and every rule file's policy is registered.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PolicyArea, type PackName, type SovereignPolicy } from "../../policies/lib/define";
import { REGISTRY } from "../../policies/registry";

const RULES = join(__dirname, "..", "..", "policies", "rules");
const VERBS = ["enable", "disable", "disallow", "configure", "enforce", "missing"];
const PACK_OF_AREA: Readonly<Record<PolicyArea, PackName>> = {
  region: "eu-sovereignty",
  vendor: "eu-sovereignty",
  endpoint: "eu-sovereignty",
  image: "eu-sovereignty",
  workload: "workload-baseline",
  data: "data-protection",
  fleet: "diversification",
  seal: "eu-sovereignty",
  toolchain: "eu-sovereignty",
};

/**
 * Areas whose policies are named `<area>-<verb>-<what>`: the area is the resource judged. `seal-enforce-minimum` is
 * the pack-config key issue 13 published, so its name is a user contract; `toolchain-enforce-eu-control` judges the
 * deployment's state backend and secrets provider, which are no resource.
 */
const AREA_IS_RESOURCE: ReadonlySet<PolicyArea> = new Set<PolicyArea>(["seal", "toolchain"]);

const isPolicy = (v: unknown): v is SovereignPolicy =>
  typeof v === "object" &&
  v !== null &&
  "name" in v &&
  ("validateResource" in v || "validateStack" in v);
const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
/** `region-node-pool-disallow-external-nodes` → `disallow-external-nodes`. */
const verbWhat = (name: string, area: PolicyArea) => {
  const parts = name.split("-");
  const first = AREA_IS_RESOURCE.has(area) ? 1 : 2;
  const at = parts.findIndex((part, i) => i >= first && VERBS.includes(part));
  return at < 0 ? undefined : parts.slice(at).join("-");
};

const ruleFiles = Object.values(PolicyArea).flatMap((area) => {
  let files: string[] = [];
  try {
    files = readdirSync(join(RULES, area)).filter((f) => f.endsWith(".ts") && f !== "index.ts");
  } catch {
    files = [];
  }
  return files.map((file) => [area, file] as const);
});

describe.each(REGISTRY.all.map((p) => [p.name, p] as const))("policy %s", (name, policy) => {
  test("is named <area>-<resource>-<verb>-<what> with its own area first", () => {
    const resource = AREA_IS_RESOURCE.has(policy.area) ? "" : "-[a-z0-9]+(-[a-z0-9]+)*";
    expect(name).toMatch(
      new RegExp(`^${policy.area}${resource}-(${VERBS.join("|")})-[a-z0-9]+(-[a-z0-9]+)*$`),
    );
  });

  test("ships in the pack of its area", () => {
    expect(policy.pack).toBe(PACK_OF_AREA[policy.area]);
  });

  test("describes itself in one sentence", () => {
    expect(policy.description).toMatch(/^[A-Z][^]*[.]$/);
    expect(policy.description).not.toMatch(/[.!?]\s+[A-Z]/);
  });

  test("carries severity, an enforcement level, tags and remediation steps", () => {
    expect(["low", "medium", "high", "critical"]).toContain(policy.severity);
    expect(["advisory", "mandatory", "remediate", "disabled"]).toContain(policy.enforcementLevel);
    expect(policy.tags.length).toBeGreaterThan(0);
    expect(policy.remediationSteps).toMatch(/^[A-Z`][^]*[.]$/);
  });

  test("keeps enforcementLevel out of its config schema and documents every setting's default", () => {
    const properties = policy.configSchema?.properties ?? {};
    expect(Object.keys(properties)).not.toContain("enforcementLevel");
    const required = policy.configSchema?.required ?? [];
    const undocumented = Object.entries(properties).filter(
      ([key, prop]) =>
        prop.default === undefined &&
        !required.includes(key) &&
        !/default/i.test(prop.description ?? ""),
    );
    expect(undocumented.map(([key]) => key)).toEqual([]);
  });
});

describe.each(ruleFiles)("rule file %s/%s", (area, file) => {
  test("exports at most one policy, named after the file and registered", async () => {
    const module = (await import(join(RULES, area, file))) as Record<string, unknown>;
    const exported = Object.entries(module).filter(([, v]) => isPolicy(v)) as [
      string,
      SovereignPolicy,
    ][];
    expect(exported.length).toBeLessThanOrEqual(1);
    for (const [exportName, policy] of exported) {
      expect([exportName, `${verbWhat(policy.name, policy.area) ?? "?"}.ts`, policy.area]).toEqual([
        camel(policy.name),
        file,
        area,
      ]);
      expect(REGISTRY.byName.get(policy.name)).toBe(policy);
    }
  });
});

test("every registered policy lives in a rule file of its area", async () => {
  const found = new Set<unknown>();
  for (const [area, file] of ruleFiles) {
    const module = (await import(join(RULES, area, file))) as Record<string, unknown>;
    Object.values(module)
      .filter(isPolicy)
      .forEach((p) => found.add(p));
  }
  expect(REGISTRY.all.filter((p) => !found.has(p)).map((p) => p.name)).toEqual([]);
});
