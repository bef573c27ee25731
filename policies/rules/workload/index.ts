/** The workload-baseline pack's rules: Kubernetes hardening for every pod-bearing kind, and every object's schema and API version. */
import type { SovereignPolicy } from "../../lib/define";
import { workloadContainerConfigureProbes } from "./configure-probes";
import { workloadContainerConfigureResources } from "./configure-resources";
import { workloadImageDisallowLatestTag } from "./disallow-latest-tag";
import { workloadPodDisallowHostNamespaces } from "./disallow-host-namespaces";
import { workloadPodDisallowHostPath } from "./disallow-host-path";
import { workloadContainerDisallowPrivilegeEscalation } from "./disallow-privilege-escalation";
import { workloadContainerDisallowPrivileged } from "./disallow-privileged";
import { workloadContainerEnforceNonRoot } from "./enforce-non-root";
import { workloadContainerEnforceReadonlyRootfs } from "./enforce-readonly-rootfs";
import { workloadKubernetesDisallowRemovedApi } from "./disallow-removed-api";
import { workloadKubernetesEnforceSchema } from "./enforce-schema";

export {
  workloadContainerConfigureProbes,
  workloadContainerConfigureResources,
  workloadContainerDisallowPrivilegeEscalation,
  workloadContainerDisallowPrivileged,
  workloadContainerEnforceNonRoot,
  workloadContainerEnforceReadonlyRootfs,
  workloadImageDisallowLatestTag,
  workloadKubernetesDisallowRemovedApi,
  workloadKubernetesEnforceSchema,
  workloadPodDisallowHostNamespaces,
  workloadPodDisallowHostPath,
};

/** Every workload-baseline policy, in report order. */
export const workloadPolicies: SovereignPolicy[] = [
  workloadContainerConfigureResources,
  workloadContainerEnforceNonRoot,
  workloadContainerDisallowPrivileged,
  workloadContainerDisallowPrivilegeEscalation,
  workloadContainerEnforceReadonlyRootfs,
  workloadImageDisallowLatestTag,
  workloadContainerConfigureProbes,
  workloadPodDisallowHostNamespaces,
  workloadPodDisallowHostPath,
  workloadKubernetesEnforceSchema,
  workloadKubernetesDisallowRemovedApi,
];
