/**
 * Kubernetes allows privilege escalation (setuid binaries, file capabilities) unless the container says
 * otherwise, so an absent `allowPrivilegeEscalation` is a violation, as in the restricted Pod Security Standard.
 */
import { definePolicy } from "../../lib/define";
import { ALL_ROLES, containerLabel, containersIn, objectAt, validatePod } from "./lib/containers";

export const workloadContainerDisallowPrivilegeEscalation = definePolicy({
  name: "workload-container-disallow-privilege-escalation",
  description:
    "Every container of a pod-bearing Kubernetes resource, including init and ephemeral containers, sets allowPrivilegeEscalation to false.",
  enforcementLevel: "advisory",
  validateResource: validatePod((pod) =>
    containersIn(pod.spec, ALL_ROLES).flatMap((ref) => {
      const value = objectAt(ref.container, "securityContext")?.allowPrivilegeEscalation;
      if (value === false || (value === undefined && pod.partial)) return [];
      return value === true
        ? [`${containerLabel(ref)} sets securityContext.allowPrivilegeEscalation: true`]
        : [`${containerLabel(ref)} does not set securityContext.allowPrivilegeEscalation: false`];
    }),
  ),
  severity: "high",
  framework: {
    name: "Kubernetes Pod Security Standards",
    version: "restricted",
    reference: "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  },
  tags: ["kubernetes", "pod-security", "restricted"],
  remediationSteps:
    "Set securityContext.allowPrivilegeEscalation: false on every container (the Sovereign Deploy workload does, components/workload/container.ts CONTAINER_SECURITY_CONTEXT).",
  url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
  pack: "workload-baseline",
  area: "workload",
});
