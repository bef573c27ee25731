/**
 * A read-only root filesystem stops an intruder from dropping tools or rewriting the app in place. Ephemeral
 * (debug) containers are left out: they exist to poke at a running pod and often need to write.
 */
import { definePolicy } from "../../lib/define";
import { containerLabel, containersIn, objectAt, validatePod } from "./lib/containers";

export const workloadContainerEnforceReadonlyRootfs = definePolicy({
  name: "workload-container-enforce-readonly-rootfs",
  description:
    "Every regular and init container of a pod-bearing Kubernetes resource mounts its root filesystem read-only.",
  enforcementLevel: "advisory",
  validateResource: validatePod((pod) =>
    containersIn(pod.spec, ["containers", "initContainers"]).flatMap((ref) => {
      const value = objectAt(ref.container, "securityContext")?.readOnlyRootFilesystem;
      if (value === true || (value === undefined && pod.partial)) return [];
      return value === false
        ? [`${containerLabel(ref)} sets securityContext.readOnlyRootFilesystem: false`]
        : [`${containerLabel(ref)} does not set securityContext.readOnlyRootFilesystem: true`];
    }),
  ),
  severity: "medium",
  tags: ["kubernetes", "hardening"],
  remediationSteps:
    "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process must write (the Sovereign Deploy workload mounts one at /tmp, components/workload/container.ts TMP_VOLUME).",
  url: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  pack: "workload-baseline",
  area: "workload",
});
