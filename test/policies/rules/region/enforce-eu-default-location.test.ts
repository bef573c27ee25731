import { describe, expect, test } from "vitest";
import { regionProviderEnforceEuDefaultLocation as policy } from "../../../../policies/rules/region/enforce-eu-default-location";
import { UNKNOWN, validate, type ResourceSpec } from "../../fixtures/args";
import {
  deferred,
  outsideEu,
  PREVIEW_UNKNOWN,
  SCALEWAY_EU_SITES,
  uncatalogued,
} from "../../fixtures/messages";

const NAME = "region-provider-enforce-eu-default-location";
const scalewayProvider = (
  props: Record<string, unknown>,
  name = "default_1_54_0",
): ResourceSpec => ({
  type: "pulumi:providers:scaleway",
  name,
  props,
});

describe("region-provider-enforce-eu-default-location", () => {
  test.each([
    ["region fr-par", { region: "fr-par" }],
    ["region nl-ams and zone nl-ams-3", { region: "nl-ams", zone: "nl-ams-3" }],
    ["region pl-waw", { region: "pl-waw" }],
    ["region it-mil", { region: "it-mil" }],
    ["no region (resources must then name theirs)", { projectId: "p-1" }],
  ])("passes a Scaleway provider with %s", async (_name, props) => {
    expect(await validate(policy, scalewayProvider(props))).toEqual({ violations: [] });
  });

  test.each<[string, ResourceSpec]>([
    [
      "an OVHcloud provider (its endpoint is the account policy's)",
      { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } },
    ],
    ["a Kubernetes provider", { type: "pulumi:providers:kubernetes", props: {} }],
    [
      "an AWS provider (the vendor policy blocks it)",
      { type: "pulumi:providers:aws", props: { region: "us-east-1" } },
    ],
    ["a Scaleway resource", { type: "scaleway:object/bucket:Bucket", props: { region: "fr-par" } }],
  ])("is not applicable to %s", async (_name, spec) => {
    expect(await validate(policy, spec)).toEqual({
      violations: [],
      notApplicable: "only providers of EU vendors that carry a default location",
    });
  });

  test("fails when the default provider's region from stack config is not in the catalog", async () => {
    expect(await validate(policy, scalewayProvider({ region: "us-east-1" }))).toEqual({
      violations: [uncatalogued("region 'us-east-1'", "Scaleway", SCALEWAY_EU_SITES)],
    });
  });

  test("fails when an explicit provider's zone is not in the catalog", async () => {
    expect(
      await validate(policy, scalewayProvider({ region: "fr-par", zone: "us-west-1a" }, "scw")),
    ).toEqual({
      violations: [uncatalogued("zone 'us-west-1a'", "Scaleway", SCALEWAY_EU_SITES)],
    });
  });

  test("fails when an Outscale provider names a site outside the EU", async () => {
    const spec: ResourceSpec = {
      type: "pulumi:providers:outscale",
      props: { region: "us-east-2" },
    };
    expect(await validate(policy, spec)).toEqual({
      violations: [
        outsideEu(
          "region 'us-east-2'",
          "New York, US (THIRD)",
          "3DS OUTSCALE's sites in 'eu' (eu-west-2, cloudgouv-eu-west-1)",
        ),
      ],
    });
  });

  test("defers a region computed by another resource", async () => {
    expect(await validate(policy, scalewayProvider({ region: UNKNOWN }))).toEqual({
      violations: [],
      deferred: deferred(NAME, `region is ${PREVIEW_UNKNOWN}`),
    });
  });
});
