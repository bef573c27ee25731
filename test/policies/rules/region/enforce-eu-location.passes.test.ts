import { describe, expect, test } from "vitest";
import { regionResourceEnforceEuLocation as policy } from "../../../../policies/rules/region/enforce-eu-location";
import {
  defaultProvider,
  explicitProvider,
  validate,
  type ResourceSpec,
} from "../../fixtures/args";
import { EU_KUBE_PROVIDER, podObject } from "../../fixtures/kubernetes";
import { bucket, kube, ovh, scw } from "../../fixtures/locations";
import {
  OVH_EU_SITES,
  SCALEWAY_REGIONS,
  NEUTRAL_RESOURCES,
  ovhPlatform,
  scalewayDeprecated,
  scalewayPlatform,
} from "../../fixtures/resources";

const NAME = "region-resource-enforce-eu-location";

describe("region-resource-enforce-eu-location passes", () => {
  describe("passes sound EU programs", () => {
    test.each(
      SCALEWAY_REGIONS.flatMap((region) =>
        scalewayPlatform(region).map((spec) => [region, spec.type, spec] as const),
      ),
    )("passes Scaleway %s: %s", async (_region, _type, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    });

    test.each(
      SCALEWAY_REGIONS.flatMap((region) =>
        scalewayDeprecated(region).map((spec) => [region, spec.type, spec] as const),
      ),
    )("passes deprecated Scaleway %s: %s", async (_region, _type, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    });

    test.each(
      OVH_EU_SITES.flatMap((site) =>
        ovhPlatform(site).map((spec) => [site.macro, spec.type, spec] as const),
      ),
    )("passes OVHcloud %s: %s", async (_site, _type, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    });
  });

  describe("guards against false positives", () => {
    test.each<[string, ResourceSpec]>([
      [
        "a Scaleway resource placed by scaleway:region in stack config",
        scw("scaleway:object/bucket:Bucket", {}, defaultProvider("scaleway", { region: "nl-ams" })),
      ],
      [
        "a Scaleway resource placed by an explicit provider's zone",
        scw(
          "scaleway:network/publicGateway:PublicGateway",
          { type: "VPC-GW-S" },
          explicitProvider("scaleway", "waw", { zone: "pl-waw-2" }),
        ),
      ],
      ["the legacy Scaleway alias par1", scw("scaleway:object/bucket:Bucket", { region: "par1" })],
      ["a lower-case OVH macro region", bucket("gra")],
      [
        "an OVH location code",
        ovh("ovh:Okms/okms:Okms", { region: "eu-west-rbx", ovhSubsidiary: "FR" }),
      ],
      ["an OVH Local Zone in the EU", kube("EU-WEST-LZ-BRU-A")],
      [
        "a bucket replicated to another EU site",
        bucket("GRA", {
          replication: { rules: [{ destination: { name: "copy", region: "sbg" } }] },
        }),
      ],
      [
        "a 3-AZ node pool in Paris",
        ovh("ovh:CloudProject/kubeNodePool:KubeNodePool", {
          kubeId: "k",
          availabilityZones: ["eu-west-par-a", "eu-west-par-c"],
        }),
      ],
      [
        "a global Scaleway IAM policy without any region",
        scw("scaleway:iam/policy:Policy", { rules: [] }),
      ],
      [
        "a deprecated global Scaleway project",
        scw("scaleway:index/accountProject:AccountProject", { name: "p" }),
      ],
      [
        "a load-balancer backend that lives in its load balancer's zone",
        scw("scaleway:loadbalancers/backend:Backend", { lbId: "lb-1" }),
      ],
      [
        "an OVH vRack attachment",
        ovh("ovh:Vrack/cloudProject:CloudProject", { projectId: "p", serviceName: "vrack" }),
      ],
    ])("passes %s", async (_name, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    });

    test.each<[string, ResourceSpec]>([
      [
        "an AWS resource (the vendor policy blocks it)",
        {
          type: "aws:s3/bucket:Bucket",
          props: { region: "us-east-1" },
          provider: defaultProvider("aws"),
        },
      ],
      [
        "a Scaleway provider (checked by the provider policy)",
        { type: "pulumi:providers:scaleway", props: { region: "fr-par" } },
      ],
      ["a Kubernetes object", podObject("Deployment")],
      [
        "a Kubernetes namespace",
        { type: "kubernetes:core/v1:Namespace", props: {}, provider: EU_KUBE_PROVIDER },
      ],
      ...NEUTRAL_RESOURCES.map((spec): [string, ResourceSpec] => [spec.type, spec]),
    ])("is not applicable to %s", async (_name, spec) => {
      expect(await validate(policy, spec)).toEqual({
        violations: [],
        notApplicable: "only resources of EU vendors carry a location this policy reads",
      });
    });

    test.each<[string, string]>([
      ["eu+adequacy", "BHS5"],
      ["eu+adequacy", "UK1"],
      ["eea", "EU-NORTH-LZ-OSL-A"],
    ])("passes with allowedGroup %s: OVH region %s", async (allowedGroup, region) => {
      expect(await validate(policy, kube(region), { [NAME]: { allowedGroup } })).toEqual({
        violations: [],
      });
    });
  });
});
