/**
 * Sharing the node's network, process or IPC namespace lets a pod see and reach everything on the node, other
 * tenants' traffic and processes included.
 */
import { definePolicy } from "../../lib/define";
import { validatePod } from "./lib/containers";

const HOST_NAMESPACES = ["hostNetwork", "hostPID", "hostIPC"] as const;

export const workloadPodDisallowHostNamespaces = definePolicy({
  name: "workload-pod-disallow-host-namespaces",
  description:
    "No pod of a pod-bearing Kubernetes resource shares the node's network, PID or IPC namespace.",
  enforcementLevel: "advisory",
  validateResource: validatePod((pod) =>
    HOST_NAMESPACES.filter((field) => pod.spec[field] === true).map(
      (field) => `pod sets ${field}: true`,
    ),
  ),
  severity: "high",
  framework: {
    name: "Kubernetes Pod Security Standards",
    version: "baseline",
    reference: "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  },
  tags: ["kubernetes", "pod-security", "baseline"],
  remediationSteps:
    "Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false); expose ports through a Service instead of the host network.",
  url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
  pack: "workload-baseline",
  area: "workload",
});
