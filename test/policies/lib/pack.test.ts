import { describe, expect, test } from "vitest";
import { readConfig } from "../../../policies/lib/config";
import { definePolicy } from "../../../policies/lib/define";
import { ExemptionRecorder, parseExemptions } from "../../../policies/lib/exemptions";
import {
  buildPolicies,
  environmentFrom,
  levelIn,
  toPulumiPolicy,
} from "../../../policies/lib/pack";
import { validate } from "../fixtures/args";

const schema = {
  properties: {
    allowedGroup: { type: "string" as const, default: "eu" },
    allowedRegistries: { type: "array" as const, items: { type: "string" as const }, default: [] },
  },
};
const withConfig = (config: Record<string, unknown>) => ({
  getConfig: <T extends object>() => config as T,
});

const sample = definePolicy({
  name: "image-sample-enforce-thing",
  description: "Flags every resource.",
  enforcementLevel: "mandatory",
  validateResource: (_args, report) => report("flagged"),
  severity: "high",
  framework: { name: "GDPR", version: "2016/679" },
  tags: ["sovereignty"],
  remediationSteps: "Fix it.",
  pack: "eu-sovereignty",
  area: "image",
});

describe("readConfig", () => {
  test("fills the schema's defaults when the pack config names the policy not", () => {
    expect(readConfig(withConfig({}), schema)).toEqual({
      allowedGroup: "eu",
      allowedRegistries: [],
    });
  });

  test("keeps given values", () => {
    expect(
      readConfig(withConfig({ allowedGroup: "eea", allowedRegistries: ["h.eu"] }), schema),
    ).toEqual({ allowedGroup: "eea", allowedRegistries: ["h.eu"] });
  });

  test("fails when a list setting is not a list of strings", () => {
    expect(() => readConfig(withConfig({ allowedRegistries: "h.eu" }), schema)).toThrow(
      'policy config allowedRegistries must be a list of strings, got "h.eu"',
    );
  });

  test("fails every time it is given the same bad config, not only the first", () => {
    const bad = withConfig({ allowedGroup: "mars" });
    const message = () => {
      try {
        readConfig(bad, schema);
        return "read";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect([message(), message()]).toEqual([
      "policy config allowedGroup 'mars' is not a jurisdiction group; use one of eu, eea, eu+adequacy",
      "policy config allowedGroup 'mars' is not a jurisdiction group; use one of eu, eea, eu+adequacy",
    ]);
  });

  test("reads the same config object once per schema, and each object on its own", () => {
    const config = { allowedGroup: "eea" };
    const first = readConfig(withConfig(config), schema);
    const again = readConfig(withConfig(config), schema);
    const other = readConfig(withConfig({ allowedGroup: "eu" }), schema);
    expect([again === first, other]).toEqual([true, { allowedGroup: "eu", allowedRegistries: [] }]);
  });
});

describe("environmentFrom", () => {
  test.each([
    [{}, "prod"],
    [{ SOVEREIGN_ENVIRONMENT: "" }, "prod"],
    [{ SOVEREIGN_ENVIRONMENT: "dev" }, "dev"],
    [{ SOVEREIGN_ENVIRONMENT: "staging" }, "staging"],
  ])("reads %j as %s", (env, environment) => {
    expect(environmentFrom(env)).toBe(environment);
  });

  test("fails when the variable names no environment", () => {
    expect(() => environmentFrom({ SOVEREIGN_ENVIRONMENT: "production" })).toThrow(
      "SOVEREIGN_ENVIRONMENT='production' is not an environment; use one of dev, staging, prod (unset means prod)",
    );
  });
});

describe("levelIn", () => {
  test.each([
    ["the policy's own level", { packs: {}, policies: {} }, "mandatory"],
    [
      "the pack's level",
      { packs: { "eu-sovereignty": "advisory" as const }, policies: {} },
      "advisory",
    ],
    [
      "the per-policy override over the pack's",
      {
        packs: { "eu-sovereignty": "advisory" as const },
        policies: { [sample.name]: "disabled" as const },
      },
      "disabled",
    ],
  ])("takes %s", (_name, levels, level) => {
    expect(levelIn(sample, levels)).toBe(level);
  });
});

describe("toPulumiPolicy", () => {
  test("drops registry metadata and completes the framework for the SDK", () => {
    const { validateResource, ...rest } = toPulumiPolicy(sample, "advisory") as ReturnType<
      typeof toPulumiPolicy
    > & { validateResource: unknown };
    expect(typeof validateResource).toBe("function");
    expect(rest).toEqual({
      name: sample.name,
      description: "Flags every resource.",
      enforcementLevel: "advisory",
      severity: "high",
      framework: { name: "GDPR", version: "2016/679", reference: "", specification: "" },
      tags: ["sovereignty"],
      remediationSteps: "Fix it.",
    });
  });
});

describe("buildPolicies", () => {
  test("applies exemptions and levels", async () => {
    const recorder = new ExemptionRecorder();
    const exemptions = parseExemptions([
      { policy: sample.name, resource: "legacy", owner: "o", reason: "r", expires: "2999-12-31" },
    ]);
    const [built] = buildPolicies([sample], {
      levels: { packs: {}, policies: {} },
      exemptions,
      recorder,
    });
    if (!built || !("validateResource" in built) || !built.validateResource)
      throw new Error("expected a resource policy");
    const policy = { name: built.name, validateResource: built.validateResource };
    expect(
      await validate(policy, { type: "scaleway:object/bucket:Bucket", name: "legacy" }),
    ).toEqual({ violations: [] });
    expect(await validate(policy, { type: "scaleway:object/bucket:Bucket", name: "data" })).toEqual(
      { violations: ["flagged"] },
    );
    expect(recorder.list().map((u) => u.resource)).toEqual(["legacy"]);
    expect(built.enforcementLevel).toBe("mandatory");
  });
});
