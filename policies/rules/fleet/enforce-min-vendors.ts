import { capacityByVendor } from "../../../domain/fleet-math";
import { forEachFleet } from "../../../domain/fleet-facts";
import { definePolicy, PackName, PolicyArea } from "../../lib/define";
import { DORA, FLEET_TAGS, list } from "./shared";

/** Each fleet workload runs on at least `minVendors` distinct vendors, counted from its Deployments. */
export const fleetWorkloadEnforceMinVendors = definePolicy({
  name: "fleet-workload-enforce-min-vendors",
  description:
    "Each workload of a fleet runs with replicas at no fewer distinct vendors than the fleet's minVendors, counted from its Deployments.",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    forEachFleet(
      args.resources,
      ({ urn, rules, deployments, rowsOf }) => {
        for (const d of deployments.filter((x) => x.vendor === undefined)) {
          report(
            `Deployment ${d.name} of workload ${d.workload} carries no sovereign.eu/vendor label: its ${d.replicas} replicas cannot be placed and count for no vendor; deploy it through the Workload component, which labels it`,
            d.urn,
          );
        }
        for (const w of rules.workloads) {
          const vendors = capacityByVendor(rowsOf(w.name)).map((c) => c.vendor);
          if (vendors.length >= rules.minVendors) continue;
          report(
            `workload ${w.name} runs on ${list(vendors, "vendor")}; the fleet requires at least ${rules.minVendors}: add targets of other EU vendors to sovereign:targets (and give them weight), or lower sovereign:fleet.minVendors`,
            urn,
          );
        }
      },
      report,
    );
  },
  severity: "high",
  framework: DORA,
  tags: FLEET_TAGS,
  remediationSteps:
    "Add targets of other EU vendors to sovereign:targets and give them capacity in sovereign:fleet.weights or sovereign:fleet.replicas, or lower sovereign:fleet.minVendors.",
  pack: PackName.diversification,
  area: PolicyArea.fleet,
});
