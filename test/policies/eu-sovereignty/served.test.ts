/**
 * Opt-in (SOVEREIGN_PACK_PROCESS_TESTS=1, ~20 s): loads the eu-sovereignty pack the way `pulumi preview
 * --policy-pack` does (Pulumi's run-policy-pack with ts-node type checking, in the pack folder) and talks to the
 * analyzer server over gRPC as the engine does. Proves the pack compiles and serves outside vitest's transformer.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  servePack,
  type Diagnostic,
  type ProviderView,
  type ServedPack,
} from "../../helpers/analyzer";

const ROOT = join(__dirname, "..", "..", "..");
const enabled = process.env.SOVEREIGN_PACK_PROCESS_TESTS === "1";

describe.skipIf(!enabled)("eu-sovereignty served by Pulumi's policy-pack runner", () => {
  let pack: ServedPack;

  beforeAll(async () => {
    pack = await servePack(
      join(ROOT, "policies/eu-sovereignty"),
      join(ROOT, "node_modules/@pulumi/pulumi/cmd/run-policy-pack"),
    );
  }, 120_000);

  afterAll(() => {
    pack.stop();
  });

  test("serves every eu-sovereignty policy as mandatory", async () => {
    expect((await pack.info()).policies).toEqual([
      ["region-resource-enforce-eu-location", 1],
      ["region-provider-enforce-eu-default-location", 1],
      ["region-node-pool-disallow-external-nodes", 1],
      ["vendor-resource-disallow-non-eu-vendor", 1],
      ["vendor-provider-enforce-eu-account", 1],
      ["endpoint-kubeconfig-enforce-eu-server", 1],
      ["image-container-enforce-eu-registry", 1],
      ["image-helm-enforce-eu-chart-source", 1],
    ]);
  });

  test.each<[string, string, Record<string, unknown>, ProviderView | undefined, Diagnostic[]]>([
    [
      "blocks an OVH cluster in BHS5",
      "ovh:CloudProject/kube:Kube",
      { region: "BHS5" },
      { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } },
      [{ policy: "region-resource-enforce-eu-location", level: 1 }],
    ],
    [
      "passes an OVH cluster in GRA9",
      "ovh:CloudProject/kube:Kube",
      { region: "GRA9" },
      { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } },
      [],
    ],
    [
      "defers an unknown region as advisory",
      "ovh:CloudProject/kube:Kube",
      { region: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
      { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } },
      [{ policy: "region-resource-enforce-eu-location", level: 0 }],
    ],
    [
      "blocks the OVH provider on ovh-us",
      "pulumi:providers:ovh",
      { endpoint: "ovh-us" },
      undefined,
      [{ policy: "vendor-provider-enforce-eu-account", level: 1 }],
    ],
    [
      "blocks an AWS bucket in eu-west-3",
      "aws:s3/bucket:Bucket",
      { region: "eu-west-3" },
      { type: "pulumi:providers:aws", props: { region: "eu-west-3" } },
      [{ policy: "vendor-resource-disallow-non-eu-vendor", level: 1 }],
    ],
  ])("%s", async (_name, type, props, provider, expected) => {
    expect(await pack.analyze(type, props, provider)).toEqual(expected);
  });
});
