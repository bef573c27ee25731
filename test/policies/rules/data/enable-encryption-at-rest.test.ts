import { describe, expect, test } from "vitest";
import { dataDatabaseEnableEncryptionAtRest as policy } from "../../../../policies/rules/data/enable-encryption-at-rest";
import { UNKNOWN } from "../../fixtures/args";
import {
  ovhDatabase,
  SCALEWAY_DATABASE_INSTANCE_ALIAS,
  scalewayDatabaseInstance,
} from "../../fixtures/databases";
import { violationsOf } from "./harness";

describe("dataDatabaseEnableEncryptionAtRest", () => {
  test.each([
    ["a Scaleway instance", scalewayDatabaseInstance()],
    [
      "a deprecated Scaleway DatabaseInstance",
      scalewayDatabaseInstance({}, SCALEWAY_DATABASE_INSTANCE_ALIAS),
    ],
    ["an OVHcloud database (encrypted by the service)", ovhDatabase()],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    [
      "it is false",
      scalewayDatabaseInstance({ encryptionAtRest: false }),
      "sets encryptionAtRest: false",
    ],
    [
      "it is absent",
      scalewayDatabaseInstance({ encryptionAtRest: undefined }),
      "sets no encryptionAtRest (Scaleway leaves database volumes unencrypted unless it is true)",
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect(await violationsOf(policy, spec)).toEqual([expected]);
  });

  test("leaves a value unknown during preview to the engine", async () => {
    await expect(
      violationsOf(policy, scalewayDatabaseInstance({ encryptionAtRest: UNKNOWN })),
    ).rejects.toThrow("can't be known during preview");
  });
});
