import { describe, expect, test } from "vitest";
import { dataConfigmapDisallowCredentials as policy } from "../../../../policies/rules/data/disallow-credentials";
import { UNKNOWN } from "../../fixtures/args";
import { configMap, secret } from "../../fixtures/kubernetes-config";
import { argsIn, violationsOf } from "./harness";

describe("dataConfigmapDisallowCredentials", () => {
  test.each([
    ["plain settings", configMap()],
    [
      "keys that point at credentials",
      configMap({ "tls-secret-name": "shop-tls", TOKEN_TTL: "3600" }),
    ],
    ["a Secret holding credentials (where they belong)", secret()],
    [
      "a ConfigMapPatch with plain settings",
      { ...configMap(), type: "kubernetes:core/v1:ConfigMapPatch" },
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    [
      "a key is a password",
      configMap({ DB_PASSWORD: "hunter2" }),
      ["key DB_PASSWORD (data) is named like a credential (PASSWORD)"],
    ],
    [
      "a key is an API key",
      configMap({ "maps.apiKey": "AIza" }),
      ["key maps.apiKey (data) is named like a credential (API_KEY)"],
    ],
    [
      "a binary key is a private key",
      configMap({}, { binaryData: { "signing-private-key.pem": "LS0t" } }),
      ["key signing-private-key.pem (binaryData) is named like a credential (PRIVATE_KEY)"],
    ],
    [
      "a value is a URI with a password",
      configMap({ DATABASE_URL: "postgresql://shop:hunter2@db/shop" }),
      ["key DATABASE_URL (data) embeds a password in a URI"],
    ],
    [
      "a patch adds a token",
      { ...configMap({ SLACK_TOKEN: "xoxb" }), type: "kubernetes:core/v1:ConfigMapPatch" },
      ["key SLACK_TOKEN (data) is named like a credential (TOKEN)"],
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect(await violationsOf(policy, spec)).toEqual(expected);
  });

  test("reports a credential-named key once even when its value is a URI with a password", async () => {
    expect(
      await violationsOf(
        policy,
        configMap({ DB_PASSWORD_URL_X: "x", ADMIN_PASSWORD: "postgres://a:b@c" }),
      ),
    ).toEqual([
      "key DB_PASSWORD_URL_X (data) is named like a credential (PASSWORD)",
      "key ADMIN_PASSWORD (data) is named like a credential (PASSWORD)",
    ]);
  });

  test("reports credential-named keys before a value unknown during preview stops the check", () => {
    const found: string[] = [];
    const [validation] = [policy.validateResource].flat();
    const run = () =>
      validation?.(argsIn(policy, configMap({ API_TOKEN: UNKNOWN })), (m) => void found.push(m));
    expect(run).toThrow("can't be known during preview");
    expect(found).toEqual(["key API_TOKEN (data) is named like a credential (TOKEN)"]);
  });
});
