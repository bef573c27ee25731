/**
 * The bucket Sovereign Deploy keeps its Pulumi state in: Scaleway Object Storage in the EU, private, versioned (a
 * bad write or a deleted checkpoint can be restored) and encrypted at rest with Scaleway-managed keys (SSE-ONE,
 * `AES256`; scaleway.object.BucketServerSideEncryptionConfiguration). Protected and retained: `pulumi destroy` of
 * this stack never deletes the state of every other stack. Its output is the URL for `pulumi login`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";

const config = new pulumi.Config();
const region = new pulumi.Config("scaleway").require("region");
const name = config.require("bucket");

const bucket = new scaleway.object.Bucket(
  "state",
  { name, region, versioning: { enabled: true }, tags: { purpose: "pulumi-state" } },
  { protect: true, retainOnDelete: true },
);
new scaleway.object.BucketAcl("state-acl", { bucket: bucket.id, acl: "private", region });
new scaleway.object.BucketServerSideEncryptionConfiguration("state-encryption", {
  bucket: bucket.name,
  region,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
});

/** `pulumi login "$(pulumi stack output backendUrl)"`, or Pulumi.yaml `backend.url` of the projects it serves. */
export const backendUrl = pulumi.interpolate`s3://${bucket.name}?endpoint=s3.${region}.scw.cloud&region=${region}`;
