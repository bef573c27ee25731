/**
 * Server-side encryption where the provider offers it: OVHcloud sets it on the bucket (`encryption.sseAlgorithm`),
 * Scaleway in a separate BucketServerSideEncryptionConfiguration, whose rules this policy checks (that every
 * Scaleway bucket has one is the stack policy data-bucket-missing-encryption-configuration).
 */
import { definePolicy } from "../../lib/define";
import { kindValidation } from "./lib/kind-validation";
import { arrayAt, objectAt } from "./lib/types";

type Json = Record<string, unknown>;

interface Config {
  readonly allowedAlgorithms: readonly string[];
}

const DEFAULTS: Config = { allowedAlgorithms: ["AES256", "aws:kms"] };

const algorithmMessage = (where: string, algorithm: unknown, cfg: Config): string[] => {
  if (typeof algorithm !== "string") return [`sets no ${where}`];
  return cfg.allowedAlgorithms.includes(algorithm)
    ? []
    : [`${where} "${algorithm}" is not one of ${cfg.allowedAlgorithms.join(", ")}`];
};

const CHECKS: Record<
  "ovhStorage" | "scalewayBucketEncryption",
  (props: Json, cfg: Config) => string[]
> = {
  ovhStorage: (props, cfg) =>
    algorithmMessage("encryption.sseAlgorithm", objectAt(props, "encryption")?.sseAlgorithm, cfg),
  scalewayBucketEncryption: (props, cfg) => {
    const rules = arrayAt(props, "rules") ?? [];
    if (rules.length === 0) return ["has no rules, so it encrypts nothing"];
    return rules.flatMap((rule, i) =>
      algorithmMessage(
        `rules[${i}].applyServerSideEncryptionByDefault.sseAlgorithm`,
        objectAt(rule as Json, "applyServerSideEncryptionByDefault")?.sseAlgorithm,
        cfg,
      ),
    );
  },
};

const KINDS = ["ovhStorage", "scalewayBucketEncryption"] as const;

export const dataBucketEnableEncryption = definePolicy({
  name: "data-bucket-enable-encryption",
  description:
    "OVHcloud buckets and Scaleway bucket encryption configurations encrypt objects at rest with an allowed server-side algorithm.",
  configSchema: {
    properties: {
      allowedAlgorithms: {
        type: "array",
        items: { type: "string" },
        default: [...DEFAULTS.allowedAlgorithms],
        description: "Server-side encryption algorithms a bucket may use.",
      },
    },
  },
  enforcementLevel: "mandatory",
  validateResource: kindValidation(KINDS, CHECKS, DEFAULTS),
  severity: "high",
  tags: ["storage", "encryption"],
  remediationSteps:
    'Set encryption: { sseAlgorithm: "AES256" } on OVHcloud cloudproject.Storage, and give each Scaleway BucketServerSideEncryptionConfiguration a rule with applyServerSideEncryptionByDefault.sseAlgorithm "AES256" (or "aws:kms" with a Key Manager key). The Sovereign Deploy object-store adapters set these.',
  url: "https://www.pulumi.com/registry/packages/scaleway/api-docs/object/bucketserversideencryptionconfiguration/",
  pack: "data-protection",
  area: "data",
});
