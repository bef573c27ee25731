import { describe, expect, test } from "vitest";
import {
  createArgsBuilder,
  durationSeconds,
  isUnknownValueError,
  optionsOf,
} from "../../../cli/engine/policy-args";
import { UNKNOWN } from "../../../cli/engine/recorder";
import { recorded, STACK_URN, stackResource } from "./recorded";

describe("durationSeconds", () => {
  test.each([
    ["", 0],
    ["5m", 300],
    ["1h30m", 5400],
    ["1.5h", 5400],
    ["250ms", 0.25],
    ["10 minutes", 0],
  ])("reads '%s' as %s seconds", (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });
});

describe("optionsOf", () => {
  test("builds the analyzer's options from the registration", () => {
    const r = recorded({
      type: "scaleway:object/bucket:Bucket",
      name: "b",
      protect: true,
      ignoreChanges: ["tags"],
      aliasUrns: ["urn:pulumi:dev::shop::scaleway:object/bucket:Bucket::old"],
      customTimeouts: { create: "10m", update: "", delete: "1h" },
      additionalSecretOutputs: ["secretKey"],
      deleteBeforeReplace: true,
      deleteBeforeReplaceDefined: true,
    });
    expect(optionsOf(r)).toEqual({
      protect: true,
      ignoreChanges: ["tags"],
      aliases: ["urn:pulumi:dev::shop::scaleway:object/bucket:Bucket::old"],
      customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 3600 },
      additionalSecretOutputs: ["secretKey"],
      deleteBeforeReplace: true,
      parent: STACK_URN,
    });
  });

  test("leaves deleteBeforeReplace and parent out when the program set neither", () => {
    const opts = optionsOf(recorded({ type: "pulumi:pulumi:Stack", name: "s", parent: undefined }));
    expect(Object.keys(opts)).toEqual([
      "protect",
      "ignoreChanges",
      "aliases",
      "customTimeouts",
      "additionalSecretOutputs",
    ]);
  });
});

describe("createArgsBuilder", () => {
  const provider = recorded({
    type: "pulumi:providers:scaleway",
    name: "default_1_54_0",
    inputs: { region: "fr-par", zone: UNKNOWN },
  });
  const vpc = recorded({
    type: "scaleway:network/vpc:Vpc",
    name: "vpc",
    inputs: { region: "fr-par" },
    provider: `${provider.urn}::${UNKNOWN}`,
  });
  const network = recorded({
    type: "scaleway:network/privateNetwork:PrivateNetwork",
    name: "net",
    inputs: { vpcId: UNKNOWN, tags: ["a"] },
    dependencies: [vpc.urn],
    propertyDependencies: { vpcId: [vpc.urn] },
  });
  const resources = [stackResource(), provider, vpc, network];
  const build = createArgsBuilder(new Map(resources.map((r) => [r.urn, r])));

  test("gives a resource its type, name, URN, props and its provider as { type, props, urn, name }", () => {
    const args = build.resourceArgs(vpc);
    expect([args.type, args.name, args.urn, args.props.region]).toEqual([
      vpc.type,
      "vpc",
      vpc.urn,
      "fr-par",
    ]);
    expect(
      args.provider && [
        args.provider.type,
        args.provider.name,
        args.provider.urn,
        args.provider.props.region,
      ],
    ).toEqual(["pulumi:providers:scaleway", "default_1_54_0", provider.urn, "fr-par"]);
    expect(build.resourceArgs(network).provider).toBeUndefined();
  });

  test("throws UnknownValueError when a policy reads a value unknown during preview, in props and provider props", () => {
    const read = (f: () => unknown) => {
      try {
        f();
        return "read";
      } catch (e) {
        return isUnknownValueError(e) ? (e as Error).message : "other error";
      }
    };
    expect(read(() => build.resourceArgs(network).props.vpcId)).toBe(
      "string value at .vpcId can't be known during preview",
    );
    expect(read(() => build.resourceArgs(vpc).provider?.props.zone)).toBe(
      "string value at .zone can't be known during preview",
    );
    expect(read(() => build.resourceArgs(network).props.tags[0])).toBe("read");
  });

  test("answers isType by the class's Pulumi type", () => {
    const args = build.resourceArgs(vpc);
    expect([
      args.isType({ __pulumiType: vpc.type } as never),
      args.isType({ __pulumiType: "aws:s3/bucket:Bucket" } as never),
    ]).toEqual([true, false]);
  });

  test("links stack resources to their parent, dependencies and property dependencies", () => {
    const linked = build.stackResources(resources);
    const net = linked.find((r) => r.name === "net");
    expect(net?.parent?.type).toBe("pulumi:pulumi:Stack");
    expect(net?.dependencies.map((d) => d.name)).toEqual(["vpc"]);
    expect(
      Object.fromEntries(
        Object.entries(net?.propertyDependencies ?? {}).map(([k, v]) => [k, v.map((d) => d.name)]),
      ),
    ).toEqual({ vpcId: ["vpc"] });
    expect(linked.find((r) => r.name === "vpc")?.provider?.name).toBe("default_1_54_0");
  });
});
