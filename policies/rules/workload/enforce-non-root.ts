/**
 * A container runs as non-root when its own securityContext, or else the pod's, sets `runAsNonRoot: true`, and
 * neither sets `runAsUser: 0` (the container's value overrides the pod's, as in Kubernetes).
 */
import { definePolicy } from "../../lib/define";
import { ALL_ROLES, containerLabel, containersIn, objectAt, validatePod } from "./lib/containers";

export const workloadContainerEnforceNonRoot = definePolicy({
  name: "workload-container-enforce-non-root",
  description:
    "Every container of a pod-bearing Kubernetes resource runs as a non-root user: runAsNonRoot is true and runAsUser is not 0.",
  enforcementLevel: "advisory",
  validateResource: validatePod((pod) => {
    const podContext = objectAt(pod.spec, "securityContext");
    return containersIn(pod.spec, ALL_ROLES).flatMap((ref) => {
      const own = objectAt(ref.container, "securityContext");
      const nonRoot = own?.runAsNonRoot ?? podContext?.runAsNonRoot;
      const user = own?.runAsUser ?? podContext?.runAsUser;
      const found: string[] = [];
      if (nonRoot === false) found.push(`${containerLabel(ref)} sets runAsNonRoot: false`);
      else if (nonRoot !== true && !pod.partial)
        found.push(
          `${containerLabel(ref)} does not set runAsNonRoot: true (in its securityContext or the pod's)`,
        );
      if (user === 0) found.push(`${containerLabel(ref)} runs as root (runAsUser: 0)`);
      return found;
    });
  }),
  severity: "high",
  framework: {
    name: "Kubernetes Pod Security Standards",
    version: "restricted",
    reference: "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  },
  tags: ["kubernetes", "pod-security", "restricted"],
  remediationSteps:
    "Set securityContext.runAsNonRoot: true (pod or container) and a non-zero runAsUser, and build the image with a non-root USER. The Sovereign Deploy workload does this (components/workload/container.ts POD_SECURITY_CONTEXT).",
  url: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
  pack: "workload-baseline",
  area: "workload",
});
