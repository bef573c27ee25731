import { describe, expect, test } from "vitest";
import { vendorResourceDisallowNonEuVendor as policy } from "../../../../policies/rules/vendor/disallow-non-eu-vendor";
import {
  defaultProvider,
  explicitProvider,
  validate,
  type ResourceSpec,
} from "../../fixtures/args";
import { EU_KUBE_PROVIDER, podObject } from "../../fixtures/kubernetes";
import {
  NEUTRAL_RESOURCES,
  OVH_EU_SITES,
  ovhPlatform,
  scalewayDeprecated,
  scalewayPlatform,
} from "../../fixtures/resources";

const NAME = "vendor-resource-disallow-non-eu-vendor";
const EU_PACKAGES = "scaleway, ovh, stackit, ionoscloud, hcloud, upcloud, outscale";
const blocked = (pkg: string, vendor: string) =>
  `package '${pkg}' belongs to ${vendor}, which is not an EU vendor: its resources are blocked whatever region they name. Use an EU vendor's package instead (${EU_PACKAGES}).`;
const US = (name: string) => `${name} (seat US, subject to the US CLOUD Act)`;
const UNCATALOGUED = (pkg: string) =>
  `package '${pkg}' is not in the vendor catalog (config/catalog/vendors.ts), so the vendor running its resources cannot be placed. Add the vendor to the catalog, or list the package in this policy's allowedPackages config if its resources carry no location.`;

describe("vendor-resource-disallow-non-eu-vendor", () => {
  test.each<[string, ResourceSpec]>([
    ...scalewayPlatform("fr-par").map((s): [string, ResourceSpec] => [s.type, s]),
    ...scalewayDeprecated("nl-ams").map((s): [string, ResourceSpec] => [s.type, s]),
    ...ovhPlatform(OVH_EU_SITES[0] ?? { openstack: "GRA9", macro: "GRA" }).map(
      (s): [string, ResourceSpec] => [s.type, s],
    ),
    ...NEUTRAL_RESOURCES.map((s): [string, ResourceSpec] => [s.type, s]),
    [
      "pulumi:providers:scaleway",
      { type: "pulumi:providers:scaleway", props: { region: "fr-par" } },
    ],
    ["pulumi:providers:ovh", { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } }],
    ["pulumi:providers:kubernetes", { type: "pulumi:providers:kubernetes", props: {} }],
    ["kubernetes:apps/v1:Deployment", podObject("Deployment")],
    [
      "kubernetes:core/v1:Namespace",
      { type: "kubernetes:core/v1:Namespace", props: {}, provider: EU_KUBE_PROVIDER },
    ],
    [
      "stackit:index:SkeCluster",
      {
        type: "stackit:index/skeCluster:SkeCluster",
        props: { region: "eu01" },
        provider: defaultProvider("stackit"),
      },
    ],
  ])("passes %s", async (_type, spec) => {
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test.each<[string, string, string, Record<string, unknown>]>([
    ["aws:s3/bucket:Bucket", "aws", US("Amazon Web Services"), { region: "eu-west-3" }],
    ["aws:eks/cluster:Cluster", "aws", US("Amazon Web Services"), { region: "eu-central-1" }],
    [
      "azure-native:storage:StorageAccount",
      "azure-native",
      US("Microsoft Azure"),
      { location: "westeurope" },
    ],
    [
      "azure:containerservice/kubernetesCluster:KubernetesCluster",
      "azure",
      US("Microsoft Azure"),
      { location: "francecentral" },
    ],
    ["gcp:storage/bucket:Bucket", "gcp", US("Google Cloud"), { location: "EUROPE-WEST9" }],
    [
      "google-native:container/v1:Cluster",
      "google-native",
      US("Google Cloud"),
      { location: "europe-west1" },
    ],
    [
      "digitalocean:index/kubernetesCluster:KubernetesCluster",
      "digitalocean",
      US("DigitalOcean"),
      { region: "ams3" },
    ],
    [
      "oci:Core/instance:Instance",
      "oci",
      US("Oracle Cloud"),
      { availabilityDomain: "eu-frankfurt-1-AD-1" },
    ],
    [
      "alicloud:oss/bucket:Bucket",
      "alicloud",
      "Alibaba Cloud (seat CN)",
      { region: "eu-central-1" },
    ],
  ])("fails when %s is declared in an EU region", async (type, pkg, vendor, props) => {
    const spec: ResourceSpec = { type, props, provider: defaultProvider(pkg, props) };
    expect(await validate(policy, spec)).toEqual({ violations: [blocked(pkg, vendor)] });
  });

  test.each<[string, string, string]>([
    ["pulumi:providers:aws", "aws", US("Amazon Web Services")],
    ["pulumi:providers:azure-native", "azure-native", US("Microsoft Azure")],
    ["pulumi:providers:gcp", "gcp", US("Google Cloud")],
    ["pulumi:providers:digitalocean", "digitalocean", US("DigitalOcean")],
  ])("fails when a provider %s is declared, whatever its region", async (type, pkg, vendor) => {
    expect(await validate(policy, { type, name: "eu", props: { region: "eu-west-1" } })).toEqual({
      violations: [blocked(pkg, vendor)],
    });
  });

  test.each<[string, ResourceSpec]>([
    [
      "a bucket on a provider with the S3NS universe domain",
      {
        type: "gcp:storage/bucket:Bucket",
        props: { location: "u-france-east1" },
        provider: explicitProvider("gcp", "s3ns", { universeDomain: "s3nsapis.fr", project: "p" }),
      },
    ],
    [
      "the S3NS provider itself",
      { type: "pulumi:providers:gcp", name: "s3ns", props: { universeDomain: "s3nsapis.fr" } },
    ],
  ])(
    "judges the offering, not the package: passes %s (S3NS, controlled by Thales)",
    async (_what, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    },
  );

  test("still blocks the AWS European Sovereign Cloud, naming its US parent's control", async () => {
    const props = { region: "eusc-de-east-1" };
    const spec: ResourceSpec = {
      type: "aws:s3/bucket:Bucket",
      props,
      provider: defaultProvider("aws", props),
    };
    expect(await validate(policy, spec)).toEqual({
      violations: [
        "package 'aws' reaches AWS European Sovereign Cloud (AWS European Sovereign Cloud GmbH (Amazon.com, Inc.), DE), which is not under EU control: German GmbH entities wholly owned by Amazon.com, Inc. (US): the US parent, subject to the CLOUD Act, keeps control (source: AWS European Sovereign Cloud generally available: partition aws-eusc, German GmbH entities, EU-resident staff, https://cuttlesoft.com/blog/2026/01/26/aws-european-sovereign-cloud). Its SEAL levels are judged by seal-enforce-minimum; the vendor rule still blocks it. Use an EU vendor's package instead (scaleway, ovh, stackit, ionoscloud, hcloud, upcloud, outscale).",
      ],
    });
  });

  test("blocks Google Cloud on its default universe like any US vendor", async () => {
    const spec: ResourceSpec = {
      type: "gcp:storage/bucket:Bucket",
      props: {},
      provider: explicitProvider("gcp", "google", { universeDomain: "googleapis.com" }),
    };
    expect(await validate(policy, spec)).toEqual({
      violations: [blocked("gcp", US("Google Cloud"))],
    });
  });

  test("fails when a non-EU vendor's component is declared", async () => {
    expect(await validate(policy, { type: "awsx:ec2:Vpc", props: {} })).toEqual({
      violations: [blocked("awsx", US("Amazon Web Services"))],
    });
  });

  test.each<[string, ResourceSpec]>([
    [
      "a custom resource of an uncatalogued package",
      { type: "mycorp:index:Thing", props: {}, provider: defaultProvider("mycorp") },
    ],
    ["a provider of an uncatalogued package", { type: "pulumi:providers:mycorp", props: {} }],
    [
      "a dynamic-provider resource",
      {
        type: "pulumi-nodejs:dynamic:Resource",
        props: {},
        provider: explicitProvider("pulumi-nodejs", "dyn", {}),
      },
    ],
  ])("fails closed on %s", async (_name, spec) => {
    const pkg = spec.type.startsWith("pulumi:providers:")
      ? "mycorp"
      : (spec.type.split(":")[0] ?? "");
    expect(await validate(policy, spec)).toEqual({ violations: [UNCATALOGUED(pkg)] });
  });

  test("passes an uncatalogued package listed in allowedPackages", async () => {
    const spec: ResourceSpec = {
      type: "pulumi-nodejs:dynamic:Resource",
      props: {},
      provider: explicitProvider("pulumi-nodejs", "dyn", {}),
    };
    expect(
      await validate(policy, spec, { [NAME]: { allowedPackages: ["pulumi-nodejs"] } }),
    ).toEqual({ violations: [] });
  });

  test("does not let allowedPackages admit a non-EU vendor", async () => {
    const spec: ResourceSpec = {
      type: "aws:s3/bucket:Bucket",
      props: {},
      provider: defaultProvider("aws"),
    };
    expect(await validate(policy, spec, { [NAME]: { allowedPackages: ["aws"] } })).toEqual({
      violations: [blocked("aws", US("Amazon Web Services"))],
    });
  });
});
