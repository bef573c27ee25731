import { describe, expect, test } from "vitest";
import { autoscalerBounds, disruptionBudget } from "../../../components/workload/scaling";

describe("autoscalerBounds", () => {
  test.each([
    { replicas: 1, maxFactor: 3, cpuPercent: 70, min: 1, max: 3 },
    { replicas: 2, maxFactor: 3, cpuPercent: 70, min: 2, max: 6 },
    { replicas: 5, maxFactor: 1, cpuPercent: 50, min: 5, max: 5 },
    { replicas: 4, maxFactor: 10, cpuPercent: 90, min: 4, max: 40 },
  ])(
    "scales $replicas replicas × $maxFactor between $min and $max at $cpuPercent % CPU",
    ({ replicas, maxFactor, cpuPercent, min, max }) => {
      expect(autoscalerBounds(replicas, { maxFactor, cpuPercent })).toEqual({
        minReplicas: min,
        maxReplicas: max,
        cpuPercent,
      });
    },
  );
});

describe("disruptionBudget", () => {
  test.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [7, 1],
    [8, 2],
    [12, 3],
    [100, 25],
  ])("lets %i replicas lose %i pod(s) at once to a drain", (replicas, maxUnavailable) => {
    expect(disruptionBudget(replicas)).toEqual({ maxUnavailable });
  });

  test("never blocks drains and never lets a multi-replica workload lose every pod", () => {
    const replicaCounts = Array.from({ length: 60 }, (_, i) => i + 1);
    const unsound = replicaCounts.filter((replicas) => {
      const { maxUnavailable } = disruptionBudget(replicas);
      return maxUnavailable < 1 || (replicas > 1 && maxUnavailable >= replicas);
    });
    expect(unsound).toEqual([]);
  });
});
