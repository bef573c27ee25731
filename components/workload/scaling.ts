/**
 * How many replicas run and how many may be down: the autoscaler's bounds and the disruption budget, as pure rules.
 */
import type { Workload as WorkloadConfig } from "../../config/schema";

/** Share of the baseline replicas a voluntary disruption (node drain, upgrade) may take down at once. */
export const DISRUPTION_SHARE = 0.25;

/** HorizontalPodAutoscaler bounds: the target's replicas are the floor, `maxFactor` times them the ceiling. */
export function autoscalerBounds(
  replicas: number,
  autoscale: WorkloadConfig["autoscale"],
): { minReplicas: number; maxReplicas: number; cpuPercent: number } {
  return {
    minReplicas: replicas,
    maxReplicas: replicas * autoscale.maxFactor,
    cpuPercent: autoscale.cpuPercent,
  };
}

/**
 * The PodDisruptionBudget rule: at most a quarter of the baseline replicas, and at least one, may be evicted at
 * once. Expressed as `maxUnavailable`, so it holds however far the autoscaler has scaled up (a `minAvailable`
 * fixed from the baseline would allow ever more evictions as the workload grows). Never 0: a budget that allows
 * no eviction blocks node drains, and with them the managed cluster's upgrades, forever; with one replica the
 * budget therefore cannot keep the pod up through a drain, which only more replicas fix.
 */
export function disruptionBudget(replicas: number): { maxUnavailable: number } {
  return { maxUnavailable: Math.max(1, Math.floor(replicas * DISRUPTION_SHARE)) };
}
