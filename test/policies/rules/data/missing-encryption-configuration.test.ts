import { describe, expect, test } from "vitest";
import { dataBucketMissingEncryptionConfiguration as policy } from "../../../../policies/rules/data/missing-encryption-configuration";
import { stackArgs, urnOf, validateStack } from "../../fixtures/args";
import {
  ovhStorage,
  SCALEWAY_BUCKET,
  SCALEWAY_BUCKET_ALIAS,
  scalewayBucket,
  scalewayBucketEncryption,
} from "../../fixtures/buckets";

const bucketUrn = urnOf(SCALEWAY_BUCKET, "assets");

describe("dataBucketMissingEncryptionConfiguration", () => {
  test("passes a bucket whose configuration names it", async () => {
    expect(await validateStack(policy, [scalewayBucket(), scalewayBucketEncryption()])).toEqual({
      violations: [],
    });
  });

  test("passes a configuration naming the bucket by region/name", async () => {
    const config = scalewayBucketEncryption({ bucket: "fr-par/shop-assets-3f9a" });
    expect(await validateStack(policy, [scalewayBucket(), config])).toEqual({ violations: [] });
  });

  test("passes a configuration whose bucket input depends on the bucket", async () => {
    const args = stackArgs(
      [scalewayBucket({ name: undefined }), scalewayBucketEncryption({ bucket: "computed" })],
      policy.name,
    );
    const [bucket, config] = args.resources;
    if (bucket === undefined || config === undefined) throw new Error("fixture lost a resource");
    config.propertyDependencies = { bucket: [bucket] };
    const found: string[] = [];
    policy.validateStack(args, (m) => void found.push(m));
    expect(found).toEqual([]);
  });

  test("passes a stack without Scaleway buckets", async () => {
    expect(await validateStack(policy, [ovhStorage()])).toEqual({ violations: [] });
  });

  test.each([
    ["a bucket has no configuration", [scalewayBucket()]],
    [
      "the configuration targets another bucket",
      [scalewayBucket(), scalewayBucketEncryption({ bucket: "other-bucket" })],
    ],
  ])("fails when %s", async (_case, specs) => {
    const reported: { message: string; urn?: string }[] = [];
    policy.validateStack(
      stackArgs(specs, policy.name),
      (message, urn) => void reported.push({ message, urn }),
    );
    expect(reported).toEqual([
      {
        message:
          'Scaleway bucket "assets" has no BucketServerSideEncryptionConfiguration, so its objects are stored unencrypted by default',
        urn: bucketUrn,
      },
    ]);
  });

  test("fails a deprecated ObjectBucket without configuration", async () => {
    expect(
      (await validateStack(policy, [scalewayBucket({}, SCALEWAY_BUCKET_ALIAS)])).violations,
    ).toEqual([
      'Scaleway bucket "assets" has no BucketServerSideEncryptionConfiguration, so its objects are stored unencrypted by default',
    ]);
  });
});
