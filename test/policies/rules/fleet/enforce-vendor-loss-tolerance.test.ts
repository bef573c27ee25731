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
import {
  asPolicyResources,
  clusterIssuer,
  DEPLOYMENT,
  deployment as planDeployment,
  dnsRecord,
  fleetComponent,
  GRA,
  ingress,
  OVH_RECORD,
  PAR,
  SCALEWAY_RECORD,
  SKE,
  urnOf,
  type PlannedTarget,
} from "../../../fixtures/plan";

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

describe("fleet-workload-enforce-vendor-loss-tolerance, over dependencies", () => {
  const HARICA = "https://acme.harica.gr/acme-eu/directory";
  const ACTALIS = "https://acme-api.actalis.com/acme/directory";
  const OWN: Readonly<Record<string, string>> = {
    par: "rg.fr-par.scw.cloud/acme",
    gra: "abc123.c1.gra.container-registry.ovh.net/acme",
    ske: "registry.onstackit.cloud/acme",
  };
  const site = (t: PlannedTarget, registry: string, ca: string) => [
    planDeployment(t, "shop", 2, `${registry}/shop:1.4.2`),
    ingress(t, ["shop.apps.example.eu"], "eu-ca"),
    clusterIssuer(t, "eu-ca", ca),
  ];
  const dns = [
    dnsRecord(SCALEWAY_RECORD, "shop-scw", "apps.example.eu"),
    dnsRecord(OVH_RECORD, "shop-ovh", "apps.example.eu"),
  ];
  const fleet = (registryOf: (t: PlannedTarget) => string) =>
    asPolicyResources([
      fleetComponent([["shop", 6, 4]]),
      ...dns,
      ...site(PAR, registryOf(PAR), HARICA),
      ...site(GRA, registryOf(GRA), ACTALIS),
      ...site(SKE, registryOf(SKE), ACTALIS),
    ]);

  test("passes a fleet whose targets pull from their own vendor's registry, with two DNS vendors and two CAs", async () => {
    expect(
      await violations(
        policy,
        fleet((t) => OWN[t.name] ?? ""),
      ),
    ).toEqual([]);
  });

  test("fails a fleet whose every target pulls from one vendor's registry, naming vendor, target, dependency and resource", async () => {
    const found = await violations(
      policy,
      fleet(() => OWN.par ?? ""),
    );
    expect(found).toEqual([
      {
        message:
          "losing scaleway: target gra (ovhcloud) pulls rg.fr-par.scw.cloud/acme/shop:1.4.2 for Deployment shop; with it workload shop keeps 0 of the 4 replicas it requires: pull it from a registry of the target's own vendor (copy the image there) or from one that two vendors serve",
        urn: urnOf(DEPLOYMENT, "gra-shop"),
      },
      {
        message:
          "losing scaleway: target ske (stackit) pulls rg.fr-par.scw.cloud/acme/shop:1.4.2 for Deployment shop; with it workload shop keeps 0 of the 4 replicas it requires: pull it from a registry of the target's own vendor (copy the image there) or from one that two vendors serve",
        urn: urnOf(DEPLOYMENT, "ske-shop"),
      },
    ]);
  });

  test("names the first five workloads a lost dependency leaves short and counts the rest", async () => {
    const names = ["a", "b", "c", "d", "e", "f", "g"];
    const registry = OWN.par ?? "";
    const resources = asPolicyResources([
      fleetComponent(names.map((n) => [n, 6, 4] as const)),
      ...dns,
      ...[PAR, GRA, SKE].flatMap((t) =>
        names.map((n) => planDeployment(t, n, 2, `${registry}/${n}:1`)),
      ),
    ]);
    const messages = (await violations(policy, resources)).map((v) => v.message);
    const keeps = names
      .slice(0, 5)
      .map((n) => `workload ${n} keeps 0 of the 4 replicas it requires`)
      .join("; ");
    expect(messages).toHaveLength(names.length * 2);
    expect(messages[0]).toBe(
      `losing scaleway: target gra (ovhcloud) pulls ${registry}/a:1 for Deployment a; with it ${keeps}; and 2 more workload(s) keep fewer than they require: pull it from a registry of the target's own vendor (copy the image there) or from one that two vendors serve`,
    );
  });

  test("reports a dependency nothing attributes once per resource, as lost with any vendor", async () => {
    const resources = [
      ...fleet((t) => OWN[t.name] ?? ""),
      ...asPolicyResources([ingress(GRA, ["shop.example.org"])]),
    ];
    expect((await violations(policy, resources)).map((v) => v.message)).toEqual([
      "losing any vendor: target gra (ovhcloud) is named through DNS zone shop.example.org for Ingress shop (no DNS zone the plan declares records in covers 'shop.example.org', so whoever answers for it cannot be attributed; declare the zone's records in the program (sovereign:fleet.dns)); it counts as lost with every vendor",
    ]);
  });

  test("passes a fleet whose targets share one CA: they keep serving, and the report shows the renewals at risk", async () => {
    expect(
      await violations(
        policy,
        fleet((t) => OWN[t.name] ?? "").filter((r) => !r.urn.includes("ClusterIssuer")),
      ),
    ).toEqual([]);
  });
});
