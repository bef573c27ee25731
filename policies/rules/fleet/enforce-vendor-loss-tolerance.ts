import { capacityByVendor, lossAnalysis } from "../../../domain/fleet-math";
import { dependencyModel } from "../../../domain/dependencies";
import { forEachFleet } from "../../../domain/fleet-facts";
import { planView } from "../../lib/plan-view";
import { dependencyLosses } from "./dependency-losses";
import { definePolicy, PackName, PolicyArea } from "../../lib/define";
import { DORA, FLEET_TAGS } from "./shared";

/**
 * After losing any single vendor, every fleet workload keeps its required replicas: a target at the vendor is gone,
 * and so is a target elsewhere that needs an image registry, chart source, DNS zone, certificate issuer or object
 * store only that vendor serves (domain/survival.ts).
 */
export const fleetWorkloadEnforceVendorLossTolerance = definePolicy({
  name: "fleet-workload-enforce-vendor-loss-tolerance",
  description:
    "After the loss of any single vendor, every workload of a fleet still has the replicas the fleet requires of it, counted from its Deployments on targets that keep every run-time dependency (registries, chart sources, DNS, certificate issuers, object storage).",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    const model = dependencyModel(planView(args.resources));
    forEachFleet(
      args.resources,
      ({ urn, rules, deployments, rowsOf }) => {
        for (const w of rules.workloads) {
          const capacity = capacityByVendor(rowsOf(w.name));
          if (capacity.length === 0 && w.required > 0) {
            report(
              `workload ${w.name} has no placed replicas: 0 of the ${w.required} it must keep after a vendor loss; deploy it on the fleet's targets`,
              urn,
            );
          }
          for (const loss of lossAnalysis(capacity, w.required).filter((l) => l.missing > 0)) {
            report(
              `losing ${loss.vendor} leaves workload ${w.name} with ${loss.remaining} of the ${loss.required} replicas it requires (${loss.missing} missing, ${loss.lost} were on ${loss.vendor}): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.${w.name}`,
              urn,
            );
          }
        }
        for (const loss of dependencyLosses(rules, deployments, model))
          report(loss.message, loss.urn);
      },
      report,
    );
  },
  severity: "high",
  framework: DORA,
  tags: FLEET_TAGS,
  remediationSteps:
    "Spread the workload over more vendors (sovereign:targets, sovereign:fleet.weights), raise its replicas in sovereign:workloads, or lower sovereign:fleet.required.<workload>. For a dependency the message names: pull images and charts from a registry of each target's own vendor, serve DNS zones from two vendors, and declare a certificate issuer the loss of one vendor does not take away.",
  pack: PackName.diversification,
  area: PolicyArea.fleet,
});
