import { describe, expect, test } from "vitest";
import { fleetWorkloadEnforceVendorLossTolerance as policy } from "../../../../policies/rules/fleet";
import {
  compliant,
  deployment,
  fleetResource,
  FLEET_URN,
  rules,
  SITES,
  violations,
} from "./fixtures";

const [par, gra, ske, ionos] = SITES as [
  (typeof SITES)[0],
  (typeof SITES)[0],
  (typeof SITES)[0],
  (typeof SITES)[0],
];

describe("fleet-workload-enforce-vendor-loss-tolerance", () => {
  test("passes an even fleet that keeps 6 of 8 after any loss", async () => {
    expect(await violations(policy, compliant())).toEqual([]);
  });

  test("fails on an uneven fleet and names the vendor whose loss breaks it", async () => {
    const skewed = [
      deployment({ ...par, replicas: 5 }),
      deployment({ ...gra, replicas: 1 }),
      deployment({ ...ske, replicas: 1 }),
      deployment({ ...ionos, replicas: 1 }),
    ];
    expect(await violations(policy, [fleetResource(), ...skewed])).toEqual([
      {
        message:
          "losing scaleway leaves workload shop with 3 of the 6 replicas it requires (3 missing, 5 were on scaleway): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.shop",
        urn: FLEET_URN,
      },
    ]);
  });

  test("fails for each vendor whose loss breaks a fleet of 3, 3 and 2 that must keep 6", async () => {
    const threeVendors = [
      deployment({ ...par, replicas: 3 }),
      deployment({ ...gra, replicas: 3 }),
      deployment({ ...ske, replicas: 2 }),
    ];
    expect(
      (await violations(policy, [fleetResource(), ...threeVendors])).map((v) => v.message),
    ).toEqual([
      "losing ovhcloud leaves workload shop with 5 of the 6 replicas it requires (1 missing, 3 were on ovhcloud): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.shop",
      "losing scaleway leaves workload shop with 5 of the 6 replicas it requires (1 missing, 3 were on scaleway): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.shop",
    ]);
  });

  test("passes the same uneven fleet when it must keep only 5", async () => {
    const threeVendors = [
      deployment({ ...par, replicas: 3 }),
      deployment({ ...gra, replicas: 3 }),
      deployment({ ...ske, replicas: 2 }),
    ];
    expect(
      await violations(policy, [
        fleetResource(rules({ workloads: [{ name: "shop", replicas: 8, required: 5 }] })),
        ...threeVendors,
      ]),
    ).toEqual([]);
  });

  test("fails when a single vendor carries everything", async () => {
    expect(
      (await violations(policy, [fleetResource(), deployment({ ...par, replicas: 8 })])).map(
        (v) => v.message,
      ),
    ).toEqual([
      "losing scaleway leaves workload shop with 0 of the 6 replicas it requires (6 missing, 8 were on scaleway): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.shop",
    ]);
  });

  test("fails when a required workload has no placed replicas", async () => {
    expect(await violations(policy, [fleetResource()])).toEqual([
      {
        message:
          "workload shop has no placed replicas: 0 of the 6 it must keep after a vendor loss; deploy it on the fleet's targets",
        urn: FLEET_URN,
      },
    ]);
  });
});
