import { capacityByVendor } from "../../../domain/fleet-math";
import { forEachFleet } from "../../../domain/fleet-facts";
import { definePolicy, PackName, PolicyArea } from "../../lib/define";
import { DORA, FLEET_TAGS, percent } from "./shared";

/** No vendor carries more than `maxVendorSharePercent` of any fleet workload's replicas. */
export const fleetWorkloadEnforceMaxVendorShare = definePolicy({
  name: "fleet-workload-enforce-max-vendor-share",
  description:
    "No vendor carries more than the fleet's maxVendorSharePercent of any workload's replicas, counted from its Deployments.",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    forEachFleet(
      args.resources,
      ({ urn, rules, rowsOf }) => {
        for (const w of rules.workloads) {
          const capacity = capacityByVendor(rowsOf(w.name));
          const total = capacity.reduce((sum, c) => sum + c.replicas, 0);
          for (const c of capacity.filter((x) => x.sharePercent > rules.maxVendorSharePercent)) {
            report(
              `${c.vendor} carries ${percent(c.sharePercent)} of workload ${w.name} (${c.replicas} of ${total} replicas), above the ${percent(rules.maxVendorSharePercent)} one vendor may carry: move capacity to other vendors with sovereign:fleet.weights or sovereign:fleet.replicas, or raise sovereign:fleet.maxVendorSharePercent`,
              urn,
            );
          }
        }
      },
      report,
    );
  },
  severity: "medium",
  framework: DORA,
  tags: FLEET_TAGS,
  remediationSteps:
    "Spread capacity over more vendors with sovereign:fleet.weights or sovereign:fleet.replicas, or raise sovereign:fleet.maxVendorSharePercent.",
  pack: PackName.diversification,
  area: PolicyArea.fleet,
});
