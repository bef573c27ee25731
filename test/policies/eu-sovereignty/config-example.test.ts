import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, test } from "vitest";
import { PACKS } from "../../../policies/packs";
import { validate } from "../fixtures/args";
import { podObject, podSpec } from "../fixtures/kubernetes";
import { imageContainerEnforceEuRegistry } from "../../../policies/rules/image/enforce-eu-registry";

type PackConfig = Record<string, unknown>;
const example = JSON.parse(
  readFileSync(
    join(__dirname, "..", "..", "..", "policies", "eu-sovereignty", "config.example.json"),
    "utf8",
  ),
) as PackConfig;
const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];
const policies = PACKS["eu-sovereignty"].policies;

/** The JSON schema `pulumi policy validate-config` applies to one policy's entry. */
const entrySchema = (properties: Record<string, unknown>) => ({
  oneOf: [
    { type: "string", enum: LEVELS },
    {
      type: "object",
      properties: { enforcementLevel: { type: "string", enum: LEVELS }, ...properties },
      additionalProperties: false,
    },
  ],
});

describe("policies/eu-sovereignty/config.example.json", () => {
  test("configures every eu-sovereignty policy and nothing else", () => {
    expect(Object.keys(example)).toEqual(policies.map((p) => p.name));
  });

  test.each(policies.map((p) => [p.name, p] as const))(
    "validates the entry of %s against its config schema",
    (name, policy) => {
      const check = new Ajv({ strict: false }).compile(
        entrySchema(policy.configSchema?.properties ?? {}),
      );
      expect([check(example[name]), check.errors ?? null]).toEqual([true, null]);
    },
  );

  test("admits the registries it lists", async () => {
    const spec = podObject("Deployment", podSpec({ app: "harbor.example.eu/shop/api:1" }));
    expect(await validate(imageContainerEnforceEuRegistry, spec, example as never)).toEqual({
      violations: [],
    });
  });
});
