import { describe, expect, test } from "vitest";
import { dataCloudEnforceSecretCredentials as policy } from "../../../../policies/rules/data/enforce-secret-credentials";
import { defaultProvider, UNKNOWN } from "../../fixtures/args";
import { ovhProvider, SDK_PROTECTED } from "../../fixtures/credentials";
import { violationsOf } from "./harness";

const notSecret = (input: string) =>
  `${input} holds a credential but is not in additionalSecretOutputs, so it may be stored in plaintext in state`;

describe("dataCloudEnforceSecretCredentials", () => {
  test.each(Object.entries(SDK_PROTECTED))(
    "passes a %s with the SDK's own secret outputs",
    async (_case, { spec, sdkSecretOutputs }) => {
      expect(
        await violationsOf(policy, spec, { additionalSecretOutputs: sdkSecretOutputs }),
      ).toEqual([]);
    },
  );

  test.each(Object.entries(SDK_PROTECTED))(
    "fails a %s whose secret outputs were stripped",
    async (_case, { spec }) => {
      const set = Object.keys(spec.props ?? {}).filter((k) =>
        ["accessKey", "secretKey", "password", "data"].includes(k),
      );
      expect(await violationsOf(policy, spec)).toEqual(set.map(notSecret));
    },
  );

  test("fails an OVHcloud provider given API credentials without additionalSecretOutputs", async () => {
    expect(await violationsOf(policy, ovhProvider())).toEqual([
      notSecret("applicationSecret"),
      notSecret("consumerKey"),
    ]);
  });

  test.each([
    [
      "an OVHcloud provider listing its credentials",
      ovhProvider(),
      ["applicationSecret", "consumerKey"],
    ],
    [
      "an OVHcloud provider using OAuth2 with its secret listed",
      ovhProvider({
        applicationKey: undefined,
        applicationSecret: undefined,
        consumerKey: undefined,
        clientId: "id",
        clientSecret: "cs",
      }),
      ["clientSecret"],
    ],
    [
      "an OVHcloud provider reading credentials from the environment",
      ovhProvider({
        applicationKey: undefined,
        applicationSecret: undefined,
        consumerKey: undefined,
      }),
      [],
    ],
    [
      "a Kubernetes resource (not in the table)",
      { type: "kubernetes:core/v1:Secret", props: { stringData: { password: "x" } } },
      [],
    ],
  ])("passes %s", async (_case, spec, additionalSecretOutputs) => {
    expect(await violationsOf(policy, spec, { additionalSecretOutputs })).toEqual([]);
  });

  test("passes a default provider, whose credentials come from stack config or the environment", async () => {
    const provider = defaultProvider("ovh", { endpoint: "ovh-eu", applicationSecret: "as" });
    expect(
      await violationsOf(policy, {
        type: provider.type,
        name: provider.name,
        props: provider.props,
      }),
    ).toEqual([]);
  });

  test("leaves a credential unknown during preview to the engine", async () => {
    await expect(violationsOf(policy, ovhProvider({ applicationSecret: UNKNOWN }))).rejects.toThrow(
      "can't be known during preview",
    );
  });
});
