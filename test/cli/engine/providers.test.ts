import { describe, expect, test } from "vitest";
import { buildConfig } from "../../../cli/engine/config";
import {
  defaultProviderName,
  providerUrnOf,
  withDefaultProviders,
} from "../../../cli/engine/providers";
import { UNKNOWN } from "../../../cli/engine/recorder";
import { recorded, stackResource } from "./recorded";

const SCALEWAY = { version: "1.54.0", pluginDownloadURL: "github://api.github.com/pulumiverse" };
const config = buildConfig(
  {
    dir: "/p",
    file: "/p/Pulumi.yaml",
    name: "shop",
    main: undefined,
    stackConfigDir: "/p",
    config: {},
    templateConfig: {},
  },
  {
    file: "/p/Pulumi.dev.yaml",
    environments: [],
    config: {
      "scaleway:region": "nl-ams",
      "scaleway:secretKey": { secure: "v1:AAAA" },
      "ovh:endpoint": "ovh-eu",
    },
  },
  [],
);

describe("defaultProviderName", () => {
  test.each([
    ["4.34.2", "", "default_4_34_2"],
    [
      "1.54.0",
      "github://api.github.com/pulumiverse",
      "default_1_54_0_github_/api.github.com/pulumiverse",
    ],
    ["2.0.0-alpha.1+build.7", "", "default_2_0_0_alpha_1_build_7"],
    ["", "", "default"],
  ])("names version %s with plugin URL '%s' %s", (version, url, name) => {
    expect(defaultProviderName(version, url)).toBe(name);
  });
});

describe("withDefaultProviders", () => {
  const vpc = recorded({ type: "scaleway:network/vpc:Vpc", name: "vpc", ...SCALEWAY });
  const network = recorded({
    type: "scaleway:network/privateNetwork:PrivateNetwork",
    name: "network",
    ...SCALEWAY,
  });
  const explicit = recorded({ type: "pulumi:providers:scaleway", name: "ams", ...SCALEWAY });
  const bucket = recorded({
    type: "scaleway:object/bucket:Bucket",
    name: "bucket",
    provider: `${explicit.urn}::ams-id`,
    ...SCALEWAY,
  });
  const component = recorded({ type: "shop:index:Storage", name: "storage", custom: false });
  const reference = recorded({ type: "pulumi:pulumi:StackReference", name: "other" });
  const plan = withDefaultProviders(
    [stackResource(), vpc, network, explicit, bucket, component, reference],
    config,
    { project: "shop", stack: "dev" },
  );
  const providerUrn =
    "urn:pulumi:dev::shop::pulumi:providers:scaleway::default_1_54_0_github_/api.github.com/pulumiverse";

  test("adds one default provider per package before its first user and points every user at it", () => {
    expect(plan.map((r) => [r.name, r.provider])).toEqual([
      ["shop-dev", undefined],
      ["default_1_54_0_github_/api.github.com/pulumiverse", undefined],
      ["vpc", `${providerUrn}::${UNKNOWN}`],
      ["network", `${providerUrn}::${UNKNOWN}`],
      ["ams", undefined],
      ["bucket", `${explicit.urn}::ams-id`],
      ["storage", undefined],
      ["other", undefined],
    ]);
  });

  test("gives the default provider the package's stack config, its version and plugin URL, secrets marked", () => {
    const provider = plan[1];
    expect(provider?.urn).toBe(providerUrn);
    expect(provider?.type).toBe("pulumi:providers:scaleway");
    expect(provider?.parent).toBeUndefined();
    expect(provider?.inputs).toEqual({
      region: "nl-ams",
      secretKey: "offline-placeholder:secret-not-decrypted",
      version: "1.54.0",
      pluginDownloadURL: "github://api.github.com/pulumiverse",
    });
    expect(provider?.secretPaths).toEqual(["secretKey"]);
  });

  test("gives each version of a package its own default provider", () => {
    const older = recorded({ type: "scaleway:network/vpc:Vpc", name: "old", version: "1.50.0" });
    const names = withDefaultProviders([vpc, older], config, { project: "shop", stack: "dev" }).map(
      (r) => r.name,
    );
    expect(names).toEqual([
      "default_1_54_0_github_/api.github.com/pulumiverse",
      "vpc",
      "default_1_50_0",
      "old",
    ]);
  });
});

describe("withDefaultProviders: reads, invokes and remote components", () => {
  const where = { project: "shop", stack: "dev" };
  const vpc = recorded({ type: "scaleway:network/vpc:Vpc", name: "vpc", ...SCALEWAY });
  const cluster = recorded({
    type: "eks:index:Cluster",
    name: "cluster",
    custom: false,
    remote: true,
    version: "3.0.0",
  });
  const uses = [
    { token: "aws:ec2/getVpc:getVpc", version: "7.1.0", pluginDownloadURL: "" },
    { token: "aws:s3/bucket:Bucket", version: "7.1.0", pluginDownloadURL: "" },
    { token: "pulumi:pulumi:getStack", version: "", pluginDownloadURL: "" },
    { token: "gcp:compute/network:Network", version: "9.0.0", pluginDownloadURL: "" },
  ];
  const plan = withDefaultProviders([stackResource(), vpc, cluster], config, where, uses);

  test("adds the default provider of every package a read or invoke uses, once per version, after the resources", () => {
    expect(plan.map((r) => r.urn.split("::").slice(2).join("::"))).toEqual([
      "pulumi:pulumi:Stack::shop-dev",
      "pulumi:providers:scaleway::default_1_54_0_github_/api.github.com/pulumiverse",
      "scaleway:network/vpc:Vpc::vpc",
      "pulumi:providers:eks::default_3_0_0",
      "eks:index:Cluster::cluster",
      "pulumi:providers:aws::default_7_1_0",
      "pulumi:providers:gcp::default_9_0_0",
    ]);
  });

  test("leaves a remote component without a provider, as the engine's state has it", () => {
    expect(plan.find((r) => r.name === "cluster")?.provider).toBeUndefined();
  });
});

describe("providerUrnOf", () => {
  test("drops the id from a provider reference", () => {
    expect(providerUrnOf("urn:pulumi:dev::shop::pulumi:providers:k8s::gra::04da6b54")).toBe(
      "urn:pulumi:dev::shop::pulumi:providers:k8s::gra",
    );
  });
});
