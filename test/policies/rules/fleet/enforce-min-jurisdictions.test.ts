import { describe, expect, test } from "vitest";
import { fleetWorkloadEnforceMinJurisdictions as policy } from "../../../../policies/rules/fleet";
import {
  compliant,
  deployment,
  fleetResource,
  FLEET_URN,
  rules,
  SITES,
  violations,
} from "./fixtures";

const [par, gra, ske] = SITES as [(typeof SITES)[0], (typeof SITES)[0], (typeof SITES)[0]];

describe("fleet-workload-enforce-min-jurisdictions", () => {
  test("passes a workload in three countries", async () => {
    expect(await violations(policy, compliant())).toEqual([]);
  });

  test("fails when every replica runs in one country", async () => {
    expect(await violations(policy, [fleetResource(), deployment(par), deployment(gra)])).toEqual([
      {
        message:
          "workload shop runs in 1 country (FR); the fleet requires at least 2: add a target in another country to sovereign:targets (and give it weight), or lower sovereign:fleet.minJurisdictions",
        urn: FLEET_URN,
      },
    ]);
  });

  test("fails when the fleet asks for more countries than it has", async () => {
    expect(
      (
        await violations(policy, [
          fleetResource(rules({ minJurisdictions: 4 })),
          ...SITES.map((s) => deployment(s)),
        ])
      ).map((v) => v.message),
    ).toEqual([
      "workload shop runs in 3 countries (DE, ES, FR); the fleet requires at least 4: add a target in another country to sovereign:targets (and give it weight), or lower sovereign:fleet.minJurisdictions",
    ]);
  });

  test("fails closed on a Deployment without a country label", async () => {
    const unlabelled = deployment(ske, "shop", ["sovereign.eu/country"]);
    expect(
      await violations(policy, [fleetResource(), deployment(par), deployment(gra), unlabelled]),
    ).toEqual([
      {
        message:
          "Deployment shop-ske of workload shop carries no sovereign.eu/country label: its 2 replicas cannot be placed in a jurisdiction; deploy it through the Workload component, which labels it",
        urn: unlabelled.urn,
      },
      {
        message:
          "workload shop runs in 1 country (FR); the fleet requires at least 2: add a target in another country to sovereign:targets (and give it weight), or lower sovereign:fleet.minJurisdictions",
        urn: FLEET_URN,
      },
    ]);
  });
});
