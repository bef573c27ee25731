import { capacityByVendor, lossAnalysis } from "../../../domain/fleet-math";
import { forEachFleet } from "../../../domain/fleet-facts";
import { definePolicy, PackName, PolicyArea } from "../../lib/define";
import { DORA, FLEET_TAGS } from "./shared";

/** After losing any single vendor, every fleet workload keeps its required replicas. */
export const fleetWorkloadEnforceVendorLossTolerance = definePolicy({
  name: "fleet-workload-enforce-vendor-loss-tolerance",
  description:
    "After the loss of any single vendor, every workload of a fleet still has the replicas the fleet requires of it, counted from its Deployments.",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    forEachFleet(
      args.resources,
      ({ urn, rules, rowsOf }) => {
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
      },
      report,
    );
  },
  severity: "high",
  framework: DORA,
  tags: FLEET_TAGS,
  remediationSteps:
    "Spread the workload over more vendors (sovereign:targets, sovereign:fleet.weights), raise its replicas in sovereign:workloads, or lower sovereign:fleet.required.<workload>.",
  pack: PackName.diversification,
  area: PolicyArea.fleet,
});
