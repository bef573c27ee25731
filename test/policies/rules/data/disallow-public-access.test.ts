import { describe, expect, test } from "vitest";
import { dataBucketDisallowPublicAccess as policy } from "../../../../policies/rules/data/disallow-public-access";
import { UNKNOWN } from "../../fixtures/args";
import {
  ovhStorage,
  SCALEWAY_BUCKET_ALIAS,
  scalewayBucket,
  scalewayBucketAcl,
  scalewayBucketPolicy,
} from "../../fixtures/buckets";
import { violationsOf } from "./harness";

const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
const owner = { id: "project-id" };

describe("dataBucketDisallowPublicAccess", () => {
  test.each([
    ["a Scaleway bucket", scalewayBucket()],
    [
      "a Scaleway bucket with no ACL (Scaleway creates it private)",
      scalewayBucket({ acl: undefined }),
    ],
    ["a bucket ACL set to private", scalewayBucketAcl()],
    ["a bucket policy for a named principal", scalewayBucketPolicy()],
    ["an OVHcloud bucket (no public-access input)", ovhStorage()],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    [
      "the bucket's ACL is public-read",
      scalewayBucket({ acl: "public-read" }),
      'acl "public-read" is not one of the allowed ACLs (private)',
    ],
    [
      "the deprecated ObjectBucket is public-read-write",
      scalewayBucket({ acl: "public-read-write" }, SCALEWAY_BUCKET_ALIAS),
      'acl "public-read-write" is not one of the allowed ACLs (private)',
    ],
    [
      "a BucketAcl is authenticated-read",
      scalewayBucketAcl({ acl: "authenticated-read" }),
      'acl "authenticated-read" is not one of the allowed ACLs (private)',
    ],
    [
      "a BucketAcl grants AllUsers",
      scalewayBucketAcl({
        acl: undefined,
        accessControlPolicy: {
          owner,
          grants: [{ grantee: { type: "Group", uri: ALL_USERS }, permission: "READ" }],
        },
      }),
      `accessControlPolicy.grants[0] grants READ to ${ALL_USERS}`,
    ],
    [
      "a BucketAcl states nothing",
      scalewayBucketAcl({ acl: undefined }),
      "sets neither acl nor accessControlPolicy, so the bucket's access is not stated",
    ],
    [
      "a policy allows everyone",
      scalewayBucketPolicy([{ Effect: "Allow", Principal: "*", Action: "s3:GetObject" }]),
      'policy Statement[0] allows everyone (Principal "*") with no Condition',
    ],
    [
      "a policy allows every SCW principal",
      scalewayBucketPolicy([{ Effect: "Allow", Principal: { SCW: ["*"] }, Action: "s3:*" }]),
      'policy Statement[0] allows everyone (Principal "*") with no Condition',
    ],
    [
      "a policy document is not JSON",
      { ...scalewayBucketPolicy(), props: { bucket: "b", policy: "{not json" } },
      "policy is not valid JSON, so who it admits cannot be checked",
    ],
    [
      "a policy resource has no document",
      { ...scalewayBucketPolicy(), props: { bucket: "b" } },
      "sets no policy document",
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect(await violationsOf(policy, spec)).toEqual([expected]);
  });

  test.each([
    [
      "a grant to a named project",
      scalewayBucketAcl({
        acl: undefined,
        accessControlPolicy: {
          owner,
          grants: [{ grantee: { id: "other-project", type: "CanonicalUser" }, permission: "READ" }],
        },
      }),
    ],
    [
      "a wildcard principal narrowed by a Condition",
      scalewayBucketPolicy([
        {
          Effect: "Allow",
          Principal: "*",
          Action: "s3:GetObject",
          Condition: { IpAddress: { "aws:SourceIp": "10.10.0.0/20" } },
        },
      ]),
    ],
    [
      "a wildcard Deny",
      scalewayBucketPolicy([{ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket" }]),
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test("allows the ACLs the config names", async () => {
    const config = { [policy.name]: { allowedAcls: ["private", "bucket-owner-full-control"] } };
    expect(
      await violationsOf(policy, scalewayBucket({ acl: "bucket-owner-full-control" }), {}, config),
    ).toEqual([]);
  });

  test("leaves an ACL unknown during preview to the engine", async () => {
    await expect(violationsOf(policy, scalewayBucket({ acl: UNKNOWN }))).rejects.toThrow(
      "can't be known during preview",
    );
  });
});
