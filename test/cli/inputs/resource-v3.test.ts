import { describe, expect, test } from "vitest";
import { SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import {
  InputError,
  parseSourcePosition,
  parseUrn,
  readResourceV3,
  toRecordedResource,
} from "../../../cli/inputs/resource-v3";

describe("parseUrn", () => {
  test.each([
    [
      "urn:pulumi:dev::shop::scaleway:object/bucket:Bucket::assets",
      { stack: "dev", project: "shop", type: "scaleway:object/bucket:Bucket", name: "assets" },
    ],
    [
      "urn:pulumi:prod::fleet::sovereign:platform:Platform$scaleway:kubernetes/pool:Pool::par-pool",
      { stack: "prod", project: "fleet", type: "scaleway:kubernetes/pool:Pool", name: "par-pool" },
    ],
    [
      "urn:pulumi:dev::shop::kubernetes:core/v1:ConfigMap::shop::web-config",
      {
        stack: "dev",
        project: "shop",
        type: "kubernetes:core/v1:ConfigMap",
        name: "shop::web-config",
      },
    ],
  ])("splits %s into stack, project, type and name", (urn, parts) => {
    expect(parseUrn(urn)).toEqual(parts);
  });

  test("fails when the text is not a Pulumi URN", () => {
    expect(() => parseUrn("urn:pulumi:dev::shop")).toThrow(
      new InputError(
        '"urn:pulumi:dev::shop" is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>). ' +
          "Fix: pass the file exactly as the Pulumi CLI printed it.",
      ),
    );
  });
});

describe("parseSourcePosition", () => {
  test.each([
    ["project:///stacks/deploy.ts#42,5", { file: "stacks/deploy.ts", line: 42 }],
    ["project:///__main__.py#14", { file: "__main__.py", line: 14 }],
    ["project:///infra/my%20cluster.go#7", { file: "infra/my cluster.go", line: 7 }],
    ["project:///node_modules/@pulumi/s3/s3Mixins.ts#137,9", undefined],
    ["project:///venv/lib/python3.12/site-packages/pulumi/resource.py#1", undefined],
    ["file:///home/ci/index.ts#3", undefined],
    [undefined, undefined],
  ])("reads %s as %j", (position, expected) => {
    expect(parseSourcePosition(position)).toEqual(expected);
  });
});

describe("readResourceV3", () => {
  test("fails when a field has the wrong type, naming where it is", () => {
    expect(() =>
      readResourceV3({ urn: "urn:pulumi:a::b::c:d:E::n", type: 3 }, "deployment.resources[2]"),
    ).toThrow(
      /^deployment\.resources\[2\]\.type: Invalid input: expected string, received number\. Fix: pass the file exactly as the Pulumi CLI printed it\.$/,
    );
  });
});

describe("toRecordedResource", () => {
  const sig = "4dabf18193072939515e22adb298388d";
  const secretSig = "1b47061264138c4ac30d75fd1eb44270";
  const urn = "urn:pulumi:dev::shop::scaleway:databases/user:User::app";

  test("turns ciphertexts into the placeholder and plaintexts into values, listing both as secret", () => {
    const r = toRecordedResource({
      urn,
      type: "scaleway:databases/user:User",
      custom: true,
      inputs: {
        password: { [sig]: secretSig, ciphertext: "v1:abc:def" },
        roles: { [sig]: secretSig, plaintext: '["reader","writer"]' },
        name: "app",
      },
      aliases: [
        "urn:pulumi:dev::shop::scaleway:index/databaseUser:DatabaseUser::app",
        { name: "old" },
      ],
    });
    expect(r.inputs).toEqual({
      password: SECRET_PLACEHOLDER,
      roles: ["reader", "writer"],
      name: "app",
    });
    expect(r.secretPaths).toEqual(["password", "roles[0]", "roles[1]"]);
    expect(r.aliases).toBe(2);
    expect(r.aliasUrns).toEqual([
      "urn:pulumi:dev::shop::scaleway:index/databaseUser:DatabaseUser::app",
    ]);
  });

  test("marks the leaves the file blinded as secret when told which ones", () => {
    const r = toRecordedResource(
      {
        urn,
        type: "scaleway:databases/user:User",
        custom: true,
        inputs: { password: "[secret]", name: "app" },
      },
      (v) => v === "[secret]",
    );
    expect(r.secretPaths).toEqual(["password"]);
    expect(r.inputs).toEqual({ password: SECRET_PLACEHOLDER, name: "app" });
  });
});
