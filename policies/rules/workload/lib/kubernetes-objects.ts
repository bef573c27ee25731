/**
 * What the two rules on every Kubernetes object share: the validation scoped to API objects (not Helm releases or
 * other Pulumi constructs), and the `kubernetesVersion` setting `sovereign check --kubernetes-version` fills.
 */
import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { DEFAULT_KUBERNETES_VERSION } from "../../../../config/kubernetes/sources";
import {
  groupVersionKindOf,
  type GroupVersionKind,
} from "../../../../domain/kubernetes-schema/gvk";
import { scopedValidation, type ScopedValidation } from "../../../lib/define";

/** The policy config key naming the Kubernetes minor objects are judged for. */
export const KUBERNETES_VERSION_KEY = "kubernetesVersion";

/** The `kubernetesVersion` property of a config schema, with its default and the flag that sets it. */
export const kubernetesVersionSetting = (
  restriction: Pick<PolicyConfigJSONSchema, "enum" | "pattern">,
): PolicyConfigJSONSchema => ({
  type: "string",
  ...restriction,
  default: DEFAULT_KUBERNETES_VERSION,
  description:
    "Kubernetes minor the cluster runs, e.g. 1.36 (`sovereign check --kubernetes-version` sets it).",
});

/** A validation of every Kubernetes API object, handed the object's group, version and kind. */
export function validateKubernetesObject(
  check: (gvk: GroupVersionKind, args: ResourceValidationArgs, report: ReportViolation) => void,
): ScopedValidation {
  return scopedValidation(
    (type) => groupVersionKindOf(type) !== undefined,
    (args, reportViolation) => {
      const gvk = groupVersionKindOf(args.type);
      if (gvk !== undefined) check(gvk, args, reportViolation);
    },
  );
}
