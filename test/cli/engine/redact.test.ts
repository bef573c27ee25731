import { describe, expect, test } from "vitest";
import { SECRET_PLACEHOLDER } from "../../../cli/engine/config";
import { redactor, secretInputValues } from "../../../cli/engine/redact";
import { recorded } from "./recorded";

describe("redactor", () => {
  const redact = redactor(["v1:AAAAciphertext", "hunter2-long", "abc"]);

  test.each([
    [`password ${SECRET_PLACEHOLDER} set`, "password [secret] set"],
    ["key v1:AAAAciphertext and hunter2-long", "key [secret] and [secret]"],
    [
      "abc stays: too short to be a secret worth blanking",
      "abc stays: too short to be a secret worth blanking",
    ],
  ])("scrubs '%s'", (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

describe("secretInputValues", () => {
  test("collects secret inputs long enough to be credentials, unless the plan also uses them as plain values", () => {
    const db = recorded({
      type: "scaleway:databases/instance:Instance",
      name: "db",
      inputs: {
        password: "s3cret-passphrase",
        region: "fr-par",
        endpoint: "db.internal.example.com",
        spec: { env: [{ value: "x" }, { value: 123456789012345 }] },
        flag: true,
      },
      secretPaths: ["password", "region", "endpoint", "spec.env[1].value", "flag"],
    });
    const app = recorded({
      type: "kubernetes:apps/v1:Deployment",
      name: "app",
      inputs: { env: [{ value: "db.internal.example.com" }] },
    });
    expect(secretInputValues([db, app])).toEqual(["s3cret-passphrase", "123456789012345"]);
  });
});
