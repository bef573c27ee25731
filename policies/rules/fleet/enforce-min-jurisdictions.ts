import { countriesOf } from "../../../domain/fleet-math";
import { forEachFleet } from "../../../domain/fleet-facts";
import { definePolicy, PackName, PolicyArea } from "../../lib/define";
import { DORA, FLEET_TAGS, list } from "./shared";

/** Each fleet workload runs in at least `minJurisdictions` distinct countries, counted from its Deployments. */
export const fleetWorkloadEnforceMinJurisdictions = definePolicy({
  name: "fleet-workload-enforce-min-jurisdictions",
  description:
    "Each workload of a fleet runs with replicas in no fewer distinct countries than the fleet's minJurisdictions, counted from its Deployments.",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    forEachFleet(
      args.resources,
      ({ urn, rules, deployments, rowsOf }) => {
        for (const d of deployments.filter(
          (x) => x.vendor !== undefined && x.country === undefined,
        )) {
          report(
            `Deployment ${d.name} of workload ${d.workload} carries no sovereign.eu/country label: its ${d.replicas} replicas cannot be placed in a jurisdiction; deploy it through the Workload component, which labels it`,
            d.urn,
          );
        }
        for (const w of rules.workloads) {
          const countries = countriesOf(rowsOf(w.name));
          if (countries.length >= rules.minJurisdictions) continue;
          report(
            `workload ${w.name} runs in ${list(countries, "country", "countries")}; the fleet requires at least ${rules.minJurisdictions}: add a target in another country to sovereign:targets (and give it weight), or lower sovereign:fleet.minJurisdictions`,
            urn,
          );
        }
      },
      report,
    );
  },
  severity: "medium",
  framework: DORA,
  tags: FLEET_TAGS,
  remediationSteps:
    "Add a target in another country to sovereign:targets and give it capacity in sovereign:fleet.weights or sovereign:fleet.replicas, or lower sovereign:fleet.minJurisdictions.",
  pack: PackName.diversification,
  area: PolicyArea.fleet,
});
