import { describe, expect, test } from "vitest";
import type { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { evaluate } from "../../../cli/engine/evaluate";
import type { EnginePolicy, PackDefinition } from "../../../cli/engine/packs";
import { UNKNOWN } from "../../../cli/engine/recorder";
import { recorded, stackResource } from "./recorded";

const vpc = recorded({
  type: "scaleway:network/vpc:Vpc",
  name: "vpc",
  inputs: { region: "fr-par" },
});
const network = recorded({
  type: "scaleway:network/privateNetwork:PrivateNetwork",
  name: "net",
  inputs: { vpcId: UNKNOWN },
});
const resources = [stackResource(), vpc, network];

const flagVpcs: EnginePolicy = {
  name: "test-vpc-disallow-all",
  description: "Flags every VPC.",
  severity: "high",
  validateResource: (args, report) => {
    if (args.type === vpc.type) report(`VPC ${args.name} in ${String(args.props.region)}`);
  },
};
const pack = (
  policies: EnginePolicy[],
  enforcementLevel?: "advisory" | "mandatory",
): PackDefinition => ({
  name: "test-pack",
  version: "1.2.3",
  description: "Test pack.",
  enforcementLevel,
  policies,
});

describe("evaluate", () => {
  test("reports a violation on the resource with the policy's message, severity and level", async () => {
    const { violations } = await evaluate(
      resources,
      [pack([{ ...flagVpcs, enforcementLevel: "mandatory" }])],
      {},
    );
    expect(violations).toEqual([
      {
        pack: "test-pack",
        policy: "test-vpc-disallow-all",
        enforcementLevel: "mandatory",
        urn: vpc.urn,
        message: "VPC vpc in fr-par",
        severity: "high",
      },
    ]);
  });

  test.each<
    [
      string,
      EnginePolicy["enforcementLevel"],
      "advisory" | "mandatory" | undefined,
      Record<string, unknown>,
      string | undefined,
    ]
  >([
    ["the policy's own level", "mandatory", "advisory", {}, "mandatory"],
    ["the pack's level when the policy sets none", undefined, "mandatory", {}, "mandatory"],
    ["advisory when neither sets one", undefined, undefined, {}, "advisory"],
    [
      "the pack config's `all` over the policy's level",
      "advisory",
      undefined,
      { all: "mandatory" },
      "mandatory",
    ],
    [
      "the per-policy config over `all`",
      "advisory",
      undefined,
      { all: "mandatory", "test-vpc-disallow-all": { enforcementLevel: "advisory" } },
      "advisory",
    ],
    [
      "remediate as mandatory",
      undefined,
      undefined,
      { "test-vpc-disallow-all": "remediate" },
      "mandatory",
    ],
    [
      "nothing when disabled",
      "mandatory",
      undefined,
      { "test-vpc-disallow-all": "disabled" },
      undefined,
    ],
  ])("runs the policy at %s", async (_case, own, packLevel, packConfig, expected) => {
    const { violations } = await evaluate(
      resources,
      [pack([{ ...flagVpcs, enforcementLevel: own }], packLevel)],
      packConfig,
    );
    expect(violations.map((v) => v.enforcementLevel)).toEqual(expected ? [expected] : []);
  });

  test("gives getConfig the config schema's defaults under the pack config's properties", async () => {
    const seen: unknown[] = [];
    const policy: EnginePolicy = {
      name: "test-config-read",
      description: "Reads its config.",
      configSchema: {
        properties: {
          allowedGroup: { type: "string", default: "eu" },
          max: { type: "number", default: 3 },
        },
      },
      validateResource: (args) => {
        if (args.type === vpc.type) seen.push(args.getConfig());
      },
    };
    await evaluate(resources, [pack([policy])], {
      "test-config-read": { enforcementLevel: "mandatory", max: 5 },
    });
    expect(seen).toEqual([{ allowedGroup: "eu", max: 5 }]);
  });

  test("turns a read of a value unknown during preview into the analyzer's advisory note", async () => {
    const policy: EnginePolicy = {
      name: "test-network-read-vpc",
      description: "Reads vpcId.",
      enforcementLevel: "mandatory",
      validateResource: (args) => {
        if (args.type === network.type) void String(args.props.vpcId);
      },
    };
    const { violations } = await evaluate(resources, [pack([policy])], {});
    expect(violations).toEqual([
      {
        pack: "test-pack",
        policy: "test-network-read-vpc",
        enforcementLevel: "advisory",
        urn: network.urn,
        message:
          "can't run policy 'test-network-read-vpc' from policy pack 'test-pack@v1.2.3' during preview: string value at .vpcId can't be known during preview",
        severity: undefined,
      },
    ]);
  });

  test("fails closed: a policy that throws is a mandatory violation naming the policy and the error", async () => {
    const policy: EnginePolicy = {
      name: "test-broken",
      description: "Throws.",
      enforcementLevel: "advisory",
      validateResource: async (args) => {
        await Promise.resolve();
        if (args.type === vpc.type)
          throw new TypeError("cannot read properties of undefined (reading 'zone')");
      },
    };
    const { violations } = await evaluate(resources, [pack([policy])], {});
    expect(violations.map((v) => [v.enforcementLevel, v.urn, v.message])).toEqual([
      [
        "mandatory",
        vpc.urn,
        `policy 'test-broken' from policy pack 'test-pack@v1.2.3' failed on ${vpc.urn} (failing closed): TypeError: cannot read properties of undefined (reading 'zone')`,
      ],
    ]);
  });

  test("skips resources a policy declares not applicable", async () => {
    const policy: EnginePolicy = {
      name: "test-not-applicable",
      description: "Applies to nothing.",
      enforcementLevel: "mandatory",
      validateResource: (args: ResourceValidationArgs) => args.notApplicable("not a bucket"),
    };
    expect((await evaluate(resources, [pack([policy])], {})).violations).toEqual([]);
  });

  test("runs every validation of a policy given as a list", async () => {
    const policy: EnginePolicy = {
      name: "test-two-checks",
      description: "Two checks.",
      enforcementLevel: "mandatory",
      validateResource: [
        (args, report) => (args.type === vpc.type ? report("first") : undefined),
        (args, report) => (args.type === vpc.type ? report("second") : undefined),
      ],
    };
    expect(
      (await evaluate(resources, [pack([policy])], {})).violations.map((v) => v.message),
    ).toEqual(["first", "second"]);
  });

  test("never calls a scoped validation on the types it does not judge", async () => {
    const called: string[] = [];
    const judgesVpcs = Object.assign(
      (args: ResourceValidationArgs, report: (message: string) => void) => {
        called.push(args.name);
        report(`checked ${args.name}`);
      },
      { appliesTo: (type: string) => type === vpc.type },
    );
    const policy: EnginePolicy = {
      name: "test-scoped",
      description: "Judges VPCs only.",
      enforcementLevel: "mandatory",
      validateResource: [judgesVpcs, (args, report) => report(`unscoped ${args.name}`)],
    };
    const { violations } = await evaluate(resources, [pack([policy])], {});
    expect([called, violations.map((v) => v.message)]).toEqual([
      ["vpc"],
      ["unscoped shop-dev", "checked vpc", "unscoped vpc", "unscoped net"],
    ]);
  });

  test("runs validations and policies in order, each waiting for an asynchronous one before it", async () => {
    const order: string[] = [];
    const slow: EnginePolicy = {
      name: "test-slow",
      description: "Asynchronous.",
      enforcementLevel: "mandatory",
      validateResource: [
        async (args) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          order.push(`slow-1 ${args.name}`);
        },
        (args) => {
          order.push(`slow-2 ${args.name}`);
        },
      ],
    };
    const fast: EnginePolicy = {
      name: "test-fast",
      description: "Synchronous.",
      enforcementLevel: "mandatory",
      validateResource: (args) => {
        order.push(`fast ${args.name}`);
      },
    };
    await evaluate([vpc, network], [pack([slow, fast])], {});
    expect(order).toEqual([
      "slow-1 vpc",
      "slow-2 vpc",
      "fast vpc",
      "slow-1 net",
      "slow-2 net",
      "fast net",
    ]);
  });

  test("runs stack policies once over every resource, with the description when the message is empty", async () => {
    const counted: number[] = [];
    const policy: EnginePolicy = {
      name: "test-stack-count",
      description: "Counts resources.",
      enforcementLevel: "mandatory",
      validateStack: (args: StackValidationArgs, report) => {
        counted.push(args.resources.length);
        report("");
      },
    };
    const { violations } = await evaluate(resources, [pack([policy])], {});
    expect(counted).toEqual([3]);
    expect(violations.map((v) => [v.urn, v.message])).toEqual([[null, "Counts resources."]]);
  });

  test("summarises every policy with its effective level, disabled ones included", async () => {
    const { policies } = await evaluate(
      resources,
      [pack([{ ...flagVpcs, remediationSteps: "Remove it." }], "mandatory")],
      {
        "test-vpc-disallow-all": "disabled",
      },
    );
    expect(policies).toEqual([
      {
        pack: "test-pack",
        policy: "test-vpc-disallow-all",
        description: "Flags every VPC.",
        enforcementLevel: "disabled",
        severity: "high",
        remediationSteps: "Remove it.",
      },
    ]);
  });
});
