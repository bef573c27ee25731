/** A privileged container has every capability and the host's devices: the node is as good as the container's. */
import { definePolicy } from "../../lib/define";
import { ALL_ROLES, containerLabel, containersIn, objectAt, validatePod } from "./lib/containers";

export const workloadContainerDisallowPrivileged = definePolicy({
  name: "workload-container-disallow-privileged",
  description:
    "No container of a pod-bearing Kubernetes resource, including init and ephemeral containers, runs privileged.",
  enforcementLevel: "advisory",
  validateResource: validatePod((pod) =>
    containersIn(pod.spec, ALL_ROLES)
      .filter((ref) => objectAt(ref.container, "securityContext")?.privileged === true)
      .map((ref) => `${containerLabel(ref)} sets securityContext.privileged: true`),
  ),
  severity: "critical",
  framework: {
    name: "Kubernetes Pod Security Standards",
    version: "baseline",
    reference: "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  },
  tags: ["kubernetes", "pod-security", "baseline"],
  remediationSteps:
    "Remove securityContext.privileged (or set it to false); grant only the single capability the container needs under securityContext.capabilities.add.",
  url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
  pack: "workload-baseline",
  area: "workload",
});
