import { describe, expect, test } from "vitest";
import { dataBucketEnableVersioning as policy } from "../../../../policies/rules/data/enable-versioning";
import { UNKNOWN } from "../../fixtures/args";
import {
  ovhStorage,
  SCALEWAY_BUCKET_ALIAS,
  scalewayBucket,
  scalewayBucketAcl,
} from "../../fixtures/buckets";
import { violationsOf } from "./harness";

describe("dataBucketEnableVersioning", () => {
  test.each([
    ["a Scaleway bucket", scalewayBucket()],
    ["a deprecated Scaleway ObjectBucket", scalewayBucket({}, SCALEWAY_BUCKET_ALIAS)],
    ["an OVHcloud bucket", ovhStorage()],
    ["a resource that is no bucket", scalewayBucketAcl()],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    [
      "a Scaleway bucket disables it",
      scalewayBucket({ versioning: { enabled: false } }),
      "sets versioning.enabled: false",
    ],
    [
      "a Scaleway bucket omits it",
      scalewayBucket({ versioning: undefined }),
      "sets no versioning.enabled (Scaleway buckets are unversioned unless it is true)",
    ],
    [
      "a deprecated ObjectBucket omits it",
      scalewayBucket({ versioning: {} }, SCALEWAY_BUCKET_ALIAS),
      "sets no versioning.enabled (Scaleway buckets are unversioned unless it is true)",
    ],
    [
      "an OVHcloud bucket suspends it",
      ovhStorage({ versioning: { status: "suspended" } }),
      'sets versioning.status "suspended" (must be "enabled")',
    ],
    [
      "an OVHcloud bucket omits it",
      ovhStorage({ versioning: undefined }),
      'sets no versioning.status (OVHcloud buckets are unversioned unless it is "enabled")',
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect(await violationsOf(policy, spec)).toEqual([expected]);
  });

  test("leaves versioning unknown during preview to the engine", async () => {
    await expect(violationsOf(policy, ovhStorage({ versioning: UNKNOWN }))).rejects.toThrow(
      "can't be known during preview",
    );
  });
});
