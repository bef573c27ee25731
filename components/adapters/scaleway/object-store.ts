/**
 * Scaleway Object Storage: a private, versioned bucket in the target's region, encrypted by default (SSE with
 * Scaleway-managed AES-256 keys), and an IAM application whose API key is the workload's S3 credential, allowed
 * Object Storage in the bucket's project only.
 */
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { S3_ENDPOINTS } from "../../../config/catalog/offerings";
import type { ObjectStoreOutputs } from "../../contract/types";
import { physicalName } from "../../contract/naming";
import { statefulOptions } from "../common";
import { scalewayLocation, scalewayOptions, type ScalewayContext } from "./provider";
import { scopedApiKey } from "./iam";

/** IAM permission set of the bucket credential, scoped to the bucket's project. */
export const BUCKET_PERMISSION_SET = "ObjectStorageFullAccess";

/**
 * Children: `${name}-bucket`, `${name}-bucket-acl`, `${name}-bucket-encryption`, `${name}-bucket-application`,
 * `${name}-bucket-key`, `${name}-bucket-policy`. Undefined when `objectStore.enabled` is false.
 */
export function scalewayObjectStore(
  name: string,
  ctx: ScalewayContext,
  parent: pulumi.Resource,
): ObjectStoreOutputs | undefined {
  if (!ctx.target.objectStore.enabled) return undefined;
  const { region } = scalewayLocation(ctx);
  const opts = scalewayOptions(name, ctx, parent);
  const bucket = new scaleway.object.Bucket(
    `${name}-bucket`,
    {
      name: physicalName([ctx.stack, ctx.target.name, "data"], "bucket"),
      region,
      projectId: ctx.target.projectId,
      versioning: { enabled: ctx.target.objectStore.versioning },
      tags: { ...ctx.labels },
    },
    pulumi.mergeOptions(opts, statefulOptions(ctx)),
  );
  new scaleway.object.BucketAcl(
    `${name}-bucket-acl`,
    { bucket: bucket.id, acl: "private", region, projectId: ctx.target.projectId },
    opts,
  );
  new scaleway.object.BucketServerSideEncryptionConfiguration(
    `${name}-bucket-encryption`,
    {
      bucket: bucket.name,
      region,
      projectId: ctx.target.projectId,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    },
    opts,
  );
  const key = scopedApiKey(
    ctx,
    {
      prefix: `${name}-bucket`,
      parent,
      role: "bucket",
      permissionSet: BUCKET_PERMISSION_SET,
      projectId: bucket.projectId,
      description: `S3 credential of the workloads on target ${ctx.target.name}`,
    },
    opts,
  );
  return {
    bucket: bucket.name,
    endpoint: pulumi.output(S3_ENDPOINTS.scaleway(region)),
    s3Region: region,
    accessKeyId: pulumi.secret(key.accessKey),
    secretAccessKey: pulumi.secret(key.secretKey),
  };
}
