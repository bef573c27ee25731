/**
 * Versioning keeps overwritten and deleted objects recoverable: the cheapest defence against a bad deploy or
 * ransomware on object storage. Absent versioning is a violation: both providers default to off.
 */
import { definePolicy } from "../../lib/define";
import { kindValidation } from "./lib/kind-validation";
import { objectAt } from "./lib/types";

type Json = Record<string, unknown>;

const CHECKS: Record<"scalewayBucket" | "ovhStorage", (props: Json) => string[]> = {
  scalewayBucket: (props) => {
    const enabled = objectAt(props, "versioning")?.enabled;
    if (enabled === true) return [];
    return enabled === false
      ? ["sets versioning.enabled: false"]
      : ["sets no versioning.enabled (Scaleway buckets are unversioned unless it is true)"];
  },
  ovhStorage: (props) => {
    const status = objectAt(props, "versioning")?.status;
    if (status === "enabled") return [];
    return typeof status === "string"
      ? [`sets versioning.status "${status}" (must be "enabled")`]
      : ['sets no versioning.status (OVHcloud buckets are unversioned unless it is "enabled")'];
  },
};

const KINDS = ["scalewayBucket", "ovhStorage"] as const;

export const dataBucketEnableVersioning = definePolicy({
  name: "data-bucket-enable-versioning",
  description: "Every Scaleway and OVHcloud object storage bucket has versioning enabled.",
  enforcementLevel: "mandatory",
  validateResource: kindValidation(KINDS, CHECKS, {}),
  severity: "medium",
  tags: ["storage", "recovery"],
  remediationSteps:
    'Set versioning: { enabled: true } on Scaleway buckets or versioning: { status: "enabled" } on OVHcloud cloudproject.Storage; in Sovereign Deploy set `targets[].objectStore.versioning: true` in `sovereign:targets` (the default).',
  url: "https://www.pulumi.com/registry/packages/scaleway/api-docs/object/bucket/",
  pack: "data-protection",
  area: "data",
});
