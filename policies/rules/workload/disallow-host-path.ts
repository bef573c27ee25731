/**
 * A hostPath volume reads or writes the node's own filesystem: container escapes, other pods' data and node
 * credentials are one mount away, and the data never leaves with the pod.
 */
import { definePolicy } from "../../lib/define";
import { indexed } from "../../../domain/pods";
import { arrayAt, objectAt, validatePod } from "./lib/containers";

export const workloadPodDisallowHostPath = definePolicy({
  name: "workload-pod-disallow-host-path",
  description: "No pod of a pod-bearing Kubernetes resource mounts a hostPath volume.",
  enforcementLevel: "advisory",
  validateResource: validatePod((pod) =>
    indexed(arrayAt(pod.spec, "volumes")).flatMap(({ index, item: volume }) => {
      const hostPath = objectAt(volume as Record<string, unknown>, "hostPath");
      if (hostPath === undefined) return [];
      const name = (volume as Record<string, unknown>).name;
      const label =
        typeof name === "string" ? `volume "${name}" (volumes[${index}])` : `volumes[${index}]`;
      const path = typeof hostPath.path === "string" ? ` "${hostPath.path}"` : "";
      return [`${label} mounts the node's path${path} (hostPath)`];
    }),
  ),
  severity: "high",
  framework: {
    name: "Kubernetes Pod Security Standards",
    version: "baseline",
    reference: "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
  },
  tags: ["kubernetes", "pod-security", "baseline"],
  remediationSteps:
    "Replace the hostPath volume with an emptyDir, a ConfigMap/Secret volume or a PersistentVolumeClaim; a node agent that truly needs the host gets an exemption (policies/lib/exemptions.ts) with an owner and an expiry.",
  url: "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
  pack: "workload-baseline",
  area: "workload",
});
