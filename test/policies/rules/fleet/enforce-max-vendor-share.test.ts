import { describe, expect, test } from "vitest";
import { fleetWorkloadEnforceMaxVendorShare as policy } from "../../../../policies/rules/fleet";
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

describe("fleet-workload-enforce-max-vendor-share", () => {
  test("passes an even fleet", async () => {
    expect(await violations(policy, compliant())).toEqual([]);
  });

  test("passes a vendor at exactly the cap", async () => {
    expect(
      await violations(policy, [
        fleetResource(),
        deployment({ ...par, replicas: 4 }),
        deployment(gra),
        deployment(ske),
      ]),
    ).toEqual([]);
  });

  test("fails when one vendor carries 70 % of the capacity", async () => {
    const skewed = [
      deployment({ ...par, replicas: 7 }),
      deployment({ ...gra, replicas: 1 }),
      deployment({ ...ske, replicas: 1 }),
      deployment({ ...ionos, replicas: 1 }),
    ];
    expect(await violations(policy, [fleetResource(), ...skewed])).toEqual([
      {
        message:
          "scaleway carries 70 % of workload shop (7 of 10 replicas), above the 50 % one vendor may carry: move capacity to other vendors with sovereign:fleet.weights or sovereign:fleet.replicas, or raise sovereign:fleet.maxVendorSharePercent",
        urn: FLEET_URN,
      },
    ]);
  });

  test("sums a vendor's Deployments across targets and honours the fleet's own cap", async () => {
    const twoAtScaleway = [
      deployment(par),
      deployment({ ...par, target: "ams" }, "shop"),
      deployment(gra),
      deployment(ske),
    ];
    expect(
      (
        await violations(policy, [
          fleetResource(rules({ maxVendorSharePercent: 40 })),
          ...twoAtScaleway,
        ])
      ).map((v) => v.message),
    ).toEqual([
      "scaleway carries 50 % of workload shop (4 of 8 replicas), above the 40 % one vendor may carry: move capacity to other vendors with sovereign:fleet.weights or sovereign:fleet.replicas, or raise sovereign:fleet.maxVendorSharePercent",
    ]);
  });
});
