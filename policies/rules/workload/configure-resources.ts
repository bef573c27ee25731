/**
 * Requests let the scheduler spread pods fairly across nodes (and across providers in a fleet); a memory limit
 * keeps one pod from starving its node. Ephemeral containers are left out: the API forbids resources on them.
 */
import { definePolicy } from "../../lib/define";
import { containerLabel, containersIn, objectAt, validatePod } from "./lib/containers";

const RESOURCE_NAMES = ["cpu", "memory", "ephemeral-storage"] as const;

interface Config {
  readonly requiredRequests: readonly string[];
  readonly requiredLimits: readonly string[];
}

/** Kyverno's `require-requests-limits` norm: cpu and memory requests, a memory limit (cpu limits throttle). */
const DEFAULTS: Config = { requiredRequests: ["cpu", "memory"], requiredLimits: ["memory"] };

const list = (fallback: readonly string[], description: string) => ({
  type: "array" as const,
  items: { type: "string" as const, enum: [...RESOURCE_NAMES] },
  uniqueItems: true,
  default: [...fallback],
  description,
});

/** A quantity is set when it is a non-empty string or a number (the SDK accepts both). */
const isSet = (v: unknown) => (typeof v === "string" && v.trim() !== "") || typeof v === "number";

export const workloadContainerConfigureResources = definePolicy({
  name: "workload-container-configure-resources",
  description:
    "Every regular and init container of a pod-bearing Kubernetes resource sets the required resource requests and limits.",
  configSchema: {
    properties: {
      requiredRequests: list(DEFAULTS.requiredRequests, "Resources every container must request."),
      requiredLimits: list(DEFAULTS.requiredLimits, "Resources every container must limit."),
    },
  },
  enforcementLevel: "advisory",
  validateResource: validatePod((pod, args) => {
    const cfg = { ...DEFAULTS, ...args.getConfig<Partial<Config>>() };
    return containersIn(pod.spec, ["containers", "initContainers"]).flatMap((ref) => {
      const resources = objectAt(ref.container, "resources");
      const missing = (section: "requests" | "limits", names: readonly string[]) => {
        const values = objectAt(resources, section);
        if (pod.partial && values === undefined) return [];
        return names
          .filter((n) => !isSet(values?.[n]))
          .map((n) => `${containerLabel(ref)} sets no resources.${section}.${n}`);
      };
      if (pod.partial && resources === undefined) return [];
      return [
        ...missing("requests", cfg.requiredRequests),
        ...missing("limits", cfg.requiredLimits),
      ];
    });
  }),
  severity: "medium",
  tags: ["kubernetes", "resources", "availability"],
  remediationSteps:
    "Set resources.requests and resources.limits on every container; the Sovereign Deploy workload takes them from the `size` of `sovereign:workloads[]` (config/catalog/sizes.ts CONTAINER_SIZES). To require other resources, set this policy's `requiredRequests` / `requiredLimits`.",
  url: "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
  pack: "workload-baseline",
  area: "workload",
});
