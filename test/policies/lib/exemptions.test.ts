import { describe, expect, expectTypeOf, test } from "vitest";
import type { ExemptionInUse } from "../../../cli/engine/report";
import type { ResourceValidation } from "@pulumi/policy";
import {
  definePolicy,
  scopedValidation,
  type ScopedValidation,
} from "../../../policies/lib/define";
import {
  EXEMPTION_USES,
  ExemptionRecorder,
  exemptionUses,
  isExpired,
  parseExemptions,
  withExemptions,
  type Exemption,
  type ExemptionUse,
} from "../../../policies/lib/exemptions";
import { loadExemptions } from "../../../policies/lib/pack";
import { REGISTRY } from "../../../policies/registry";
import { urnOf, validate, validateStack } from "../fixtures/args";

const flag: ResourceValidation = (_args, report) => report("flagged");
const resourcePolicy = definePolicy({
  name: "region-test-enforce-thing",
  description: "Flags every resource.",
  validateResource: flag,
  severity: "low",
  tags: [],
  remediationSteps: "None.",
  pack: "eu-sovereignty",
  area: "region",
});

const stackPolicy = definePolicy({
  name: "fleet-test-enforce-thing",
  description: "Flags one resource and the stack.",
  validateStack: (_args, report) => {
    report("resource flagged", urnOf("scaleway:object/bucket:Bucket", "data"));
    report("stack flagged");
  },
  severity: "low",
  tags: [],
  remediationSteps: "None.",
  pack: "diversification",
  area: "fleet",
});

const exemption = (
  resource: string,
  expires = "2026-06-30",
  policy = resourcePolicy.name,
): Exemption =>
  parseExemptions([
    {
      policy,
      resource,
      owner: "platform-team",
      reason: "Migration to fr-par is planned.",
      expires,
    },
  ])[0] as Exemption;

const NOW = () => new Date("2026-05-01T10:00:00Z");
const bucket = { type: "scaleway:object/bucket:Bucket", name: "data" };
const EXPIRED_NOTE = (resource: string) =>
  `flagged (exemption '${resource}' owned by platform-team expired on 2026-04-30: fix the resource or renew the exemption in policies/exemptions.json)`;

describe("parseExemptions", () => {
  test("reads a reviewed entry and defaults its category to waiver", () => {
    expect(
      parseExemptions([
        { policy: "p", resource: "data", owner: "o", reason: "r", expires: "2026-01-31" },
      ]),
    ).toEqual([
      {
        policy: "p",
        resource: "data",
        owner: "o",
        reason: "r",
        expires: "2026-01-31",
        category: "waiver",
      },
    ]);
  });

  test("fails when an entry lacks an owner and has a malformed date, naming both", () => {
    expect(() =>
      parseExemptions(
        [{ policy: "p", resource: "x", reason: "r", expires: "31/01/2026" }],
        "ex.json",
      ),
    ).toThrow(
      "ex.json is not a valid exemption list: [0.owner] Invalid input: expected string, received undefined; [0.expires] must be a date YYYY-MM-DD",
    );
  });

  test("fails when an entry carries an unknown field", () => {
    expect(() =>
      parseExemptions(
        [
          {
            policy: "p",
            resource: "x",
            owner: "o",
            reason: "r",
            expires: "2026-01-31",
            until: "x",
          },
        ],
        "ex.json",
      ),
    ).toThrow('ex.json is not a valid exemption list: [0] Unrecognized key: "until"');
  });

  test("the reviewed file names only registered policies", () => {
    const unknown = loadExemptions().filter((e) => !REGISTRY.byName.has(e.policy));
    expect(unknown).toEqual([]);
  });
});

describe("isExpired", () => {
  test.each([
    ["2026-04-30T23:59:59Z", false],
    ["2026-05-01T00:00:00Z", true],
  ])("at %s an exemption expiring 2026-04-30 is expired: %s", (now, expired) => {
    expect(isExpired(exemption("x", "2026-04-30"), new Date(now))).toBe(expired);
  });
});

describe("withExemptions", () => {
  test("returns the policy itself when no exemption names it", () => {
    expect(withExemptions(resourcePolicy, [exemption("data", "2026-06-30", "other-policy")])).toBe(
      resourcePolicy,
    );
  });

  test.each([
    ["a logical name", "data"],
    ["a name pattern", "da*"],
    ["a URN", urnOf("scaleway:object/bucket:Bucket", "data")],
    ["a URN pattern", "urn:pulumi:dev::*::scaleway:object/bucket:Bucket::*"],
  ])("suppresses a violation covered by %s and records the use", async (_name, resource) => {
    const recorder = new ExemptionRecorder();
    const wrapped = withExemptions(resourcePolicy, [exemption(resource)], { recorder, now: NOW });
    expect(await validate(wrapped, bucket)).toEqual({ violations: [] });
    expect(recorder.list()).toEqual([
      {
        policy: resourcePolicy.name,
        resource,
        owner: "platform-team",
        reason: "Migration to fr-par is planned.",
        expires: "2026-06-30",
        expired: false,
        matched: [urnOf("scaleway:object/bucket:Bucket", "data")],
      },
    ]);
  });

  test.each([
    "logs",
    "dat",
    "urn:pulumi:dev::sovereign-deploy::scaleway:object/bucket:Bucket::logs",
  ])("keeps a violation the pattern %s does not cover, and records nothing", async (resource) => {
    const recorder = new ExemptionRecorder();
    const wrapped = withExemptions(resourcePolicy, [exemption(resource)], { recorder, now: NOW });
    expect(await validate(wrapped, bucket)).toEqual({ violations: ["flagged"] });
    expect(recorder.list()).toEqual([]);
  });

  test("keeps a scoped validation scoped: the same type test, and exemptions still applied", async () => {
    const isBucket = (type: string) => type === bucket.type;
    const scoped = { ...resourcePolicy, validateResource: scopedValidation(isBucket, flag) };
    const recorder = new ExemptionRecorder();
    const wrapped = withExemptions(scoped, [exemption("data")], { recorder, now: NOW });
    const [validation] = [wrapped.validateResource].flat() as Partial<ScopedValidation>[];
    expect([validation?.appliesTo, await validate(wrapped, bucket)]).toEqual([
      isBucket,
      { violations: [] },
    ]);
  });

  test("reports the violation again once the exemption has expired, naming it", async () => {
    const recorder = new ExemptionRecorder();
    const wrapped = withExemptions(resourcePolicy, [exemption("data", "2026-04-30")], {
      recorder,
      now: NOW,
    });
    expect(await validate(wrapped, bucket)).toEqual({ violations: [EXPIRED_NOTE("data")] });
    expect(recorder.list().map((u) => [u.resource, u.expired])).toEqual([["data", true]]);
  });

  test("applies to stack policies: a resource URN or '*' for the stack itself", async () => {
    const recorder = new ExemptionRecorder();
    const wrapped = withExemptions(
      stackPolicy,
      [exemption("data", "2026-06-30", stackPolicy.name)],
      { recorder, now: NOW },
    );
    expect(await validateStack(wrapped, [])).toEqual({ violations: ["stack flagged"] });
    const everything = withExemptions(
      stackPolicy,
      [exemption("*", "2026-06-30", stackPolicy.name)],
      { recorder, now: NOW },
    );
    expect(await validateStack(everything, [])).toEqual({ violations: [] });
    expect(recorder.list().map((u) => [u.resource, u.matched])).toEqual([
      ["data", [urnOf("scaleway:object/bucket:Bucket", "data")]],
      ["*", [urnOf("scaleway:object/bucket:Bucket", "data"), ""]],
    ]);
  });

  test("records in the shared recorder by default, which exemptionUses lists", async () => {
    EXEMPTION_USES.clear();
    const wrapped = withExemptions(resourcePolicy, [exemption("data")], { now: NOW });
    await validate(wrapped, bucket);
    expect(exemptionUses().map((u) => u.matched)).toEqual([
      [urnOf("scaleway:object/bucket:Bucket", "data")],
    ]);
    EXEMPTION_USES.clear();
  });

  test("lists uses in the shape reports render", () => {
    expectTypeOf<ExemptionUse>().toEqualTypeOf<ExemptionInUse>();
  });
});
