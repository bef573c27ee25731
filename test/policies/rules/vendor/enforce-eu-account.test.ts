import { describe, expect, test } from "vitest";
import { vendorProviderEnforceEuAccount as policy } from "../../../../policies/rules/vendor/enforce-eu-account";
import {
  defaultProvider,
  explicitProvider,
  UNKNOWN,
  validate,
  type ProviderSpec,
  type ResourceSpec,
} from "../../fixtures/args";
import { deferred, PREVIEW_UNKNOWN } from "../../fixtures/messages";

const NAME = "vendor-provider-enforce-eu-account";
const FIX =
  "Set ovh:endpoint to 'ovh-eu' in the stack config, or endpoint: \"ovh-eu\" on the provider.";
const asResource = (p: ProviderSpec): ResourceSpec => ({
  type: p.type,
  name: p.name,
  props: p.props,
});
const fromConfig = (props: Record<string, unknown>) => asResource(defaultProvider("ovh", props));
const explicit = (props: Record<string, unknown>) =>
  asResource(explicitProvider("ovh", "ovh-account", props));
const outside = (endpoint: string, entity: string, group = "eu") =>
  `endpoint '${endpoint}' contracts with ${entity}, outside the allowed group '${group}': everything ordered through it is under a non-EU contract. ${FIX}`;

describe("vendor-provider-enforce-eu-account", () => {
  test.each([
    "ovh-eu",
    "kimsufi-eu",
    "soyoustart-eu",
    "https://eu.api.ovh.com/1.0",
    "https://api.eu.ovhcloud.com/1.0",
    "OVH-EU",
  ])("passes an OVHcloud provider on endpoint %s", async (endpoint) => {
    expect(await validate(policy, explicit({ endpoint }))).toEqual({ violations: [] });
    expect(await validate(policy, fromConfig({ endpoint }))).toEqual({ violations: [] });
  });

  test.each<[string, ResourceSpec]>([
    ["a Scaleway provider", { type: "pulumi:providers:scaleway", props: {} }],
    ["an OVHcloud resource", { type: "ovh:CloudProject/kube:Kube", props: { region: "GRA9" } }],
  ])("is not applicable to %s", async (_name, spec) => {
    expect(await validate(policy, spec)).toEqual({
      violations: [],
      notApplicable: "only providers whose endpoint selects the contracting entity",
    });
  });

  test.each<[string, string, (p: Record<string, unknown>) => ResourceSpec]>([
    ["ovh-us", "OVHcloud US LLC, US (THIRD)", explicit],
    ["ovh-us", "OVHcloud US LLC, US (THIRD)", fromConfig],
    ["ovh-ca", "OVH Hosting Inc. (Canada), CA (ADEQUACY)", explicit],
    ["ovh-ca", "OVH Hosting Inc. (Canada), CA (ADEQUACY)", fromConfig],
    ["https://api.us.ovhcloud.com/1.0", "OVHcloud US LLC, US (THIRD)", explicit],
    ["soyoustart-ca", "OVH Hosting Inc. (Canada), CA (ADEQUACY)", fromConfig],
  ])("fails when the endpoint is %s (%s)", async (endpoint, entity, build) => {
    expect(await validate(policy, build({ endpoint }))).toEqual({
      violations: [outside(endpoint, entity)],
    });
  });

  test("passes ovh-ca with allowedGroup eu+adequacy but still fails ovh-us", async () => {
    const config = { [NAME]: { allowedGroup: "eu+adequacy" } };
    expect(await validate(policy, explicit({ endpoint: "ovh-ca" }), config)).toEqual({
      violations: [],
    });
    expect(await validate(policy, explicit({ endpoint: "ovh-us" }), config)).toEqual({
      violations: [outside("ovh-us", "OVHcloud US LLC, US (THIRD)", "eu+adequacy")],
    });
  });

  test("fails when no endpoint is set, since the provider then reads OVH_ENDPOINT or ~/.ovh.conf", async () => {
    expect(await validate(policy, fromConfig({}))).toEqual({
      violations: [
        `endpoint is not set, so the provider falls back to the OVH_ENDPOINT environment variable or ~/.ovh.conf, which no policy can see. ${FIX}`,
      ],
    });
  });

  test("fails when the endpoint is not in the account table", async () => {
    expect(await validate(policy, explicit({ endpoint: "ovh-mars" }))).toEqual({
      violations: [
        `endpoint 'ovh-mars' is not an endpoint in the account table (config/catalog/accounts.ts), so its contracting entity cannot be placed. ${FIX}`,
      ],
    });
  });

  test("defers an endpoint computed by another resource", async () => {
    expect(await validate(policy, explicit({ endpoint: UNKNOWN }))).toEqual({
      violations: [],
      deferred: deferred(NAME, `endpoint is ${PREVIEW_UNKNOWN}`),
    });
  });
});
