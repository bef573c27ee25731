import { describe, expect, test } from "vitest";
import {
  globMatches,
  PRODUCTION_DEFAULTS,
  productionReason,
  stackOfUrn,
} from "../../../../../policies/rules/data/lib/production";

const urn = (stack: string) =>
  `urn:pulumi:${stack}::sovereign-deploy::scaleway:object/bucket:Bucket::assets`;

describe("stackOfUrn", () => {
  test.each([
    [urn("eu-fleet"), "eu-fleet"],
    ["urn:pulumi:prod::p::pulumi:providers:ovh::default_2_19_1", "prod"],
    ["not-a-urn", undefined],
  ])("reads the stack of %s", (value, stack) => {
    expect(stackOfUrn(value)).toBe(stack);
  });
});

describe("globMatches", () => {
  test.each([
    ["prod*", "prod-eu", true],
    ["prod*", "preprod", false],
    ["*-prod", "shop-prod", true],
    ["*-prod", "shop-prod-2", false],
    ["eu.fleet", "eu-fleet", false],
    ["production", "Production", true],
  ])("%s against %s → %s", (pattern, value, matches) => {
    expect(globMatches(pattern, value)).toBe(matches);
  });
});

describe("productionReason", () => {
  test.each([
    ["dev", {}, undefined],
    ["staging", { environment: "staging" }, undefined],
    ["eu-fleet", {}, 'stack "eu-fleet" matches "eu-fleet"'],
    ["shop-eu", { env: "production" }, 'stack tag env=production matches "prod*"'],
    ["shop-eu", { team: "prod" }, undefined],
  ])("stack %s with tags %j → %s", (stack, tags, reason) => {
    expect(productionReason(PRODUCTION_DEFAULTS, urn(stack), new Map(Object.entries(tags)))).toBe(
      reason,
    );
  });

  test("prefers the configured stack name over the URN", () => {
    expect(
      productionReason({ ...PRODUCTION_DEFAULTS, stackName: "prod" }, urn("dev"), new Map()),
    ).toBe('stack "prod" matches "prod*"');
  });
});
