/** The workload-baseline pack's rules: Kubernetes hardening for every pod-bearing kind. */
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

export {
  workloadContainerConfigureProbes,
  workloadContainerConfigureResources,
  workloadContainerDisallowPrivilegeEscalation,
  workloadContainerDisallowPrivileged,
  workloadContainerEnforceNonRoot,
  workloadContainerEnforceReadonlyRootfs,
  workloadImageDisallowLatestTag,
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
];
