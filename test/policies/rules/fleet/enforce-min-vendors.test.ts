import { describe, expect, test } from "vitest";
import { fleetWorkloadEnforceMinVendors as policy } from "../../../../policies/rules/fleet";
import {
  compliant,
  deployment,
  fleetResource,
  FLEET_URN,
  resource,
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

describe("fleet-workload-enforce-min-vendors", () => {
  test("passes a workload on four vendors", async () => {
    expect(await violations(policy, compliant())).toEqual([]);
  });

  test("leaves a stack without a fleet alone", async () => {
    expect(await violations(policy, [deployment(par)])).toEqual([]);
  });

  test("fails when the fleet is cut to two vendors", async () => {
    expect(await violations(policy, [fleetResource(), deployment(par), deployment(gra)])).toEqual([
      {
        message:
          "workload shop runs on 2 vendors (ovhcloud, scaleway); the fleet requires at least 3: add targets of other EU vendors to sovereign:targets (and give them weight), or lower sovereign:fleet.minVendors",
        urn: FLEET_URN,
      },
    ]);
  });

  test("fails when a workload has no Deployment at all", async () => {
    expect(
      await violations(policy, [fleetResource(), ...SITES.map((s) => deployment(s, "cart"))]),
    ).toEqual([
      {
        message:
          "workload shop runs on no vendor; the fleet requires at least 3: add targets of other EU vendors to sovereign:targets (and give them weight), or lower sovereign:fleet.minVendors",
        urn: FLEET_URN,
      },
    ]);
  });

  test("counts vendors from the Deployments, not a vendor with 0 replicas", async () => {
    const drained = [
      deployment(par),
      deployment(gra),
      deployment({ ...ske, replicas: 0 }),
      deployment({ ...ionos, replicas: 0 }),
    ];
    expect((await violations(policy, [fleetResource(), ...drained])).map((v) => v.message)).toEqual(
      [
        "workload shop runs on 2 vendors (ovhcloud, scaleway); the fleet requires at least 3: add targets of other EU vendors to sovereign:targets (and give them weight), or lower sovereign:fleet.minVendors",
      ],
    );
  });

  test("fails closed on a Deployment without a vendor label, whose replicas count nowhere", async () => {
    const unlabelled = deployment(ionos, "shop", ["sovereign.eu/vendor"]);
    expect(
      await violations(policy, [
        fleetResource(rules({ minVendors: 4 })),
        deployment(par),
        deployment(gra),
        deployment(ske),
        unlabelled,
      ]),
    ).toEqual([
      {
        message:
          "Deployment shop-ionos of workload shop carries no sovereign.eu/vendor label: its 2 replicas cannot be placed and count for no vendor; deploy it through the Workload component, which labels it",
        urn: unlabelled.urn,
      },
      {
        message:
          "workload shop runs on 3 vendors (ovhcloud, scaleway, stackit); the fleet requires at least 4: add targets of other EU vendors to sovereign:targets (and give them weight), or lower sovereign:fleet.minVendors",
        urn: FLEET_URN,
      },
    ]);
  });

  test("fails closed when the fleet's rules cannot be read", async () => {
    const broken = fleetResource({ minVendors: "three" });
    expect(await violations(policy, [broken, deployment(par)])).toEqual([
      {
        message:
          "sovereign:fleet:Fleet eu-fleet registers no readable rules (fleet.minVendors: Invalid input: expected number, received string)",
        urn: FLEET_URN,
      },
    ]);
  });

  test("reads the Deployment's pod-template labels when its own labels are absent", async () => {
    const templated = resource("kubernetes:apps/v1:Deployment", "shop-ske", {
      spec: {
        replicas: 2,
        template: {
          metadata: {
            labels: {
              "app.kubernetes.io/name": "shop",
              "sovereign.eu/vendor": "stackit",
              "sovereign.eu/country": "DE",
            },
          },
        },
      },
    });
    expect(
      await violations(policy, [fleetResource(), deployment(par), deployment(gra), templated]),
    ).toEqual([]);
  });
});
