/**
 * OVHcloud Object Storage: a versioned, AES-256-encrypted S3 bucket in the target's macro region, and a project
 * user (role `objectstore_operator`) whose S3 credential is the workload's, limited by an S3 policy to this bucket.
 */
import * as ovh from "@ovhcloud/pulumi-ovh";
import * as pulumi from "@pulumi/pulumi";
import { S3_ENDPOINTS } from "../../../config/catalog/offerings";
import type { ObjectStoreOutputs } from "../../contract/types";
import { physicalName } from "../../contract/naming";
import { statefulOptions } from "../common";
import { ovhOffering, ovhOptions, type OvhContext } from "./provider";

/** What the credential may do: objects of its own bucket, nothing else in the project. */
export const BUCKET_ACTIONS = [
  "s3:GetObject",
  "s3:PutObject",
  "s3:DeleteObject",
  "s3:ListBucket",
  "s3:GetBucketLocation",
  "s3:ListBucketMultipartUploads",
  "s3:ListMultipartUploadParts",
  "s3:AbortMultipartUpload",
] as const;

/** The S3 policy document of the bucket credential (OVH S3 policies use AWS's ARN syntax). */
export function bucketPolicy(bucket: string): string {
  return JSON.stringify({
    Statement: [
      {
        Sid: "WorkloadBucket",
        Effect: "Allow",
        Action: BUCKET_ACTIONS,
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      },
    ],
  });
}

/**
 * Children: `${name}-bucket`, `${name}-bucket-user`, `${name}-bucket-credential`, `${name}-bucket-policy`.
 * Undefined when `objectStore.enabled` is false.
 */
export function ovhObjectStore(
  name: string,
  ctx: OvhContext,
  parent: pulumi.Resource,
): ObjectStoreOutputs | undefined {
  if (!ctx.target.objectStore.enabled) return undefined;
  const { serviceRegion } = ovhOffering(ctx);
  const opts = ovhOptions(name, parent);
  const serviceName = ctx.target.serviceName;
  const bucketName = physicalName([ctx.stack, ctx.target.name, "data"], "bucket");
  const bucket = new ovh.cloudproject.Storage(
    `${name}-bucket`,
    {
      serviceName,
      name: bucketName,
      regionName: serviceRegion,
      versioning: { status: ctx.target.objectStore.versioning ? "enabled" : "disabled" },
      encryption: { sseAlgorithm: "AES256" },
      // Otherwise up to 1,000 objects are listed into state on every refresh (cloudproject/storage.d.ts).
      hideObjects: true,
      tags: { ...ctx.labels },
    },
    pulumi.mergeOptions(opts, statefulOptions(ctx)),
  );
  const user = new ovh.cloudproject.User(
    `${name}-bucket-user`,
    {
      serviceName,
      description: `S3 credential of the workloads on target ${ctx.target.name}`,
      roleNames: ["objectstore_operator"],
    },
    opts,
  );
  const credential = new ovh.cloudproject.S3Credential(
    `${name}-bucket-credential`,
    { serviceName, userId: user.id },
    opts,
  );
  new ovh.cloudproject.S3Policy(
    `${name}-bucket-policy`,
    { serviceName, userId: user.id, policy: bucket.name.apply(bucketPolicy) },
    opts,
  );
  return {
    bucket: bucket.name,
    endpoint: pulumi.output(S3_ENDPOINTS.ovhcloud(serviceRegion)),
    s3Region: serviceRegion.toLowerCase(),
    accessKeyId: pulumi.secret(credential.accessKeyId),
    secretAccessKey: pulumi.secret(credential.secretAccessKey),
  };
}
