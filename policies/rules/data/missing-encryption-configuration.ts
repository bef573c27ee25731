/**
 * Scaleway keeps a bucket's default encryption in a separate BucketServerSideEncryptionConfiguration resource, so
 * only the whole stack shows whether a bucket has one. A configuration belongs to a bucket when its `bucket` input
 * depends on that bucket (the usual `bucket: bucket.name`) or names it.
 */
import type { PolicyResource } from "@pulumi/policy";
import { definePolicy } from "../../lib/define";
import { DATA_TYPES } from "./lib/types";

const isIn = (types: readonly string[]) => (r: PolicyResource) => types.includes(r.type);

/** True when `config` targets `bucket`, by dependency first (reads no value that may be unknown in preview). */
function configures(config: PolicyResource, bucket: PolicyResource): boolean {
  const byProperty = config.propertyDependencies?.bucket;
  if (byProperty?.some((d) => d.urn === bucket.urn)) return true;
  if (byProperty === undefined && config.dependencies.some((d) => d.urn === bucket.urn))
    return true;
  const target = config.props.bucket;
  const name = bucket.props.name;
  return (
    typeof target === "string" &&
    typeof name === "string" &&
    (target === name || target.endsWith(`/${name}`))
  );
}

export const dataBucketMissingEncryptionConfiguration = definePolicy({
  name: "data-bucket-missing-encryption-configuration",
  description:
    "Every Scaleway object storage bucket in the stack has a BucketServerSideEncryptionConfiguration that targets it.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const configs = args.resources.filter(isIn(DATA_TYPES.scalewayBucketEncryption));
    for (const bucket of args.resources.filter(isIn(DATA_TYPES.scalewayBucket))) {
      if (!configs.some((config) => configures(config, bucket)))
        reportViolation(
          `Scaleway bucket "${bucket.name}" has no BucketServerSideEncryptionConfiguration, so its objects are stored unencrypted by default`,
          bucket.urn,
        );
    }
  },
  severity: "high",
  tags: ["storage", "encryption"],
  remediationSteps:
    'Create a scaleway.object.BucketServerSideEncryptionConfiguration with bucket: <bucket>.name and a rule applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } next to each scaleway.object.Bucket (the Sovereign Deploy Scaleway object-store adapter\'s job).',
  url: "https://www.pulumi.com/registry/packages/scaleway/api-docs/object/bucketserversideencryptionconfiguration/",
  pack: "data-protection",
  area: "data",
});
