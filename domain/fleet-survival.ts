/**
 * The fleet's survival over its dependencies, read from a stack's resources: the workloads and required replicas
 * of every readable Fleet component, the Deployments that carry them, and the plan's dependency model. Pure, and
 * the one entry the `diversification` pack, the exit report and the fleet map call.
 */
import {
  dependencyModel,
  type DependencyModel,
  type DependencyResource,
  type ProviderPlacer,
} from "./dependencies";
import { survivalOf, type Survival } from "./survival";
import { deploymentsOf, fleetsOf, type FleetRules } from "./fleet-facts";

export interface FleetSurvival {
  readonly model: DependencyModel;
  /** One entry per vendor lost; empty when the stack declares no readable fleet. */
  readonly survival: readonly Survival[];
}

/** Survival of every workload of the stack's readable fleets. */
export function fleetSurvival(
  resources: readonly DependencyResource[],
  placeProvider?: ProviderPlacer,
): FleetSurvival {
  const model = dependencyModel(resources, placeProvider);
  const rules = fleetsOf(resources).flatMap((f): FleetRules[] => (f.rules ? [f.rules] : []));
  if (rules.length === 0) return { model, survival: [] };
  const workloads = rules.flatMap((r) => r.workloads);
  const deployments = deploymentsOf(
    resources,
    workloads.map((w) => w.name),
  ).filter((d) => d.vendor !== undefined && d.country !== undefined);
  return { model, survival: survivalOf({ workloads, deployments, model }) };
}
