import { describe, expect, test } from "vitest";
import { dataBucketEnableEncryption as policy } from "../../../../policies/rules/data/enable-encryption";
import { UNKNOWN } from "../../fixtures/args";
import { ovhStorage, scalewayBucket, scalewayBucketEncryption } from "../../fixtures/buckets";
import { violationsOf } from "./harness";

const sse = (sseAlgorithm: unknown) => ({
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }],
});

describe("dataBucketEnableEncryption", () => {
  test.each([
    ["an OVHcloud bucket", ovhStorage()],
    ["a Scaleway encryption configuration", scalewayBucketEncryption()],
    ["a Scaleway encryption configuration with KMS", scalewayBucketEncryption(sse("aws:kms"))],
    ["a Scaleway bucket (its encryption is a separate resource)", scalewayBucket()],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    [
      "an OVHcloud bucket stores plaintext",
      ovhStorage({ encryption: { sseAlgorithm: "plaintext" } }),
      'encryption.sseAlgorithm "plaintext" is not one of AES256, aws:kms',
    ],
    [
      "an OVHcloud bucket omits encryption",
      ovhStorage({ encryption: undefined }),
      "sets no encryption.sseAlgorithm",
    ],
    [
      "a Scaleway configuration has no rules",
      scalewayBucketEncryption({ rules: [] }),
      "has no rules, so it encrypts nothing",
    ],
    [
      "a Scaleway rule names no algorithm",
      scalewayBucketEncryption({ rules: [{ bucketKeyEnabled: true }] }),
      "sets no rules[0].applyServerSideEncryptionByDefault.sseAlgorithm",
    ],
    [
      "a Scaleway rule names an unknown algorithm",
      scalewayBucketEncryption(sse("ROT13")),
      'rules[0].applyServerSideEncryptionByDefault.sseAlgorithm "ROT13" is not one of AES256, aws:kms',
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect(await violationsOf(policy, spec)).toEqual([expected]);
  });

  test("allows only the algorithms the config names", async () => {
    const config = { [policy.name]: { allowedAlgorithms: ["aws:kms"] } };
    expect(await violationsOf(policy, scalewayBucketEncryption(), {}, config)).toEqual([
      'rules[0].applyServerSideEncryptionByDefault.sseAlgorithm "AES256" is not one of aws:kms',
    ]);
  });

  test("leaves an algorithm unknown during preview to the engine", async () => {
    await expect(
      violationsOf(policy, ovhStorage({ encryption: { sseAlgorithm: UNKNOWN } })),
    ).rejects.toThrow("can't be known during preview");
  });
});
