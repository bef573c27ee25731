import { describe, expect, test } from "vitest";
import { fleetSurvival } from "../../domain/fleet-survival";
import type { DependencyResource } from "../../domain/dependencies";
import {
  clusterIssuer,
  deployment,
  dnsRecord,
  fleetComponent,
  GRA,
  ingress,
  OVH_RECORD,
  PAR,
  SCALEWAY_RECORD,
  SKE,
  type PlannedTarget,
} from "../fixtures/plan";

const REGISTRY: Readonly<Record<string, string>> = {
  par: "rg.fr-par.scw.cloud/acme",
  gra: "abc123.c1.gra.container-registry.ovh.net/acme",
  ske: "registry.onstackit.cloud/acme",
};
const HARICA = "https://acme.harica.gr/acme-eu/directory";
const ACTALIS = "https://acme-api.actalis.com/acme/directory";

/** One target of a fleet serving `shop`: 2 replicas, its Ingress on the shared zone, its own issuer. */
function site(t: PlannedTarget, registry: string, ca: string): DependencyResource[] {
  return [
    deployment(t, "shop", 2, `${registry}/shop:1.4.2`, [`${registry}/migrate:1.4.2`]),
    ingress(t, [`shop.${t.name}.apps.example.eu`, "shop.apps.example.eu"], "eu-ca"),
    clusterIssuer(t, "eu-ca", ca),
  ];
}

/** The zone served by Scaleway and OVHcloud DNS alike. */
const TWO_DNS_VENDORS = [
  dnsRecord(SCALEWAY_RECORD, "shop-scw", "apps.example.eu"),
  dnsRecord(OVH_RECORD, "shop-ovh", "apps.example.eu"),
];

const SURVIVING = [
  fleetComponent([["shop", 6, 4]]),
  ...TWO_DNS_VENDORS,
  ...site(PAR, REGISTRY.par ?? "", HARICA),
  ...site(GRA, REGISTRY.gra ?? "", ACTALIS),
  ...site(SKE, REGISTRY.ske ?? "", HARICA),
];

const summary = (resources: readonly DependencyResource[]) =>
  fleetSurvival(resources).survival.map(
    (s) =>
      `${s.lost}: ${s.capacity.shop ?? 0}/${s.required.shop ?? 0} serving ${s.serving.join(",")}`,
  );

describe("fleetSurvival", () => {
  test("a fleet whose targets pull from their own vendor's registry, with two DNS vendors, survives every loss", () => {
    const { survival } = fleetSurvival(SURVIVING);
    expect(summary(SURVIVING)).toEqual([
      // Losing a CA breaks the targets it alone certifies; the other CA keeps the rest.
      "actalis: 4/4 serving par,ske",
      "harica: 2/4 serving gra",
      "ovhcloud: 4/4 serving par,ske",
      "scaleway: 4/4 serving gra,ske",
      "stackit: 4/4 serving par,gra",
    ]);
    expect(survival.find((s) => s.lost === "scaleway")?.broken).toEqual([]);
  });

  test("a CA shared by two targets of different vendors is a single vendor they both lose", () => {
    const harica = fleetSurvival(SURVIVING).survival.find((s) => s.lost === "harica");
    expect(
      harica?.broken.map((b) => `${b.target} (${b.targetVendor}) ${b.kind} ${b.resource}`),
    ).toEqual([
      "par (scaleway) certificate-issuer Ingress shop",
      "par (scaleway) certificate-issuer ClusterIssuer eu-ca",
      "ske (stackit) certificate-issuer Ingress shop",
      "ske (stackit) certificate-issuer ClusterIssuer eu-ca",
    ]);
  });

  test("a fleet whose every target pulls from one vendor's registry loses every target with that vendor", () => {
    const plan = [
      fleetComponent([["shop", 6, 4]]),
      ...TWO_DNS_VENDORS,
      ...site(PAR, REGISTRY.par ?? "", HARICA),
      ...site(GRA, REGISTRY.par ?? "", ACTALIS),
      ...site(SKE, REGISTRY.par ?? "", ACTALIS),
    ];
    const scaleway = fleetSurvival(plan).survival.find((s) => s.lost === "scaleway");
    expect(scaleway).toMatchObject({
      capacity: { shop: 0 },
      required: { shop: 4 },
      targetsLost: ["par"],
      serving: [],
    });
    expect(scaleway?.broken.map((b) => `${b.target} ${b.endpoint} ${b.resource}`)).toEqual([
      "gra rg.fr-par.scw.cloud/acme/shop:1.4.2 Deployment shop",
      "gra rg.fr-par.scw.cloud/acme/migrate:1.4.2 Deployment shop",
      "ske rg.fr-par.scw.cloud/acme/shop:1.4.2 Deployment shop",
      "ske rg.fr-par.scw.cloud/acme/migrate:1.4.2 Deployment shop",
    ]);
  });

  test("a zone served by one DNS vendor breaks every other target with it; by two, none", () => {
    const oneDns = SURVIVING.filter((r) => !r.type.startsWith("ovh:"));
    const scaleway = fleetSurvival(oneDns).survival.find((s) => s.lost === "scaleway");
    expect(scaleway?.broken.map((b) => `${b.target} ${b.kind} ${b.endpoint}`)).toEqual([
      "gra dns apps.example.eu",
      "ske dns apps.example.eu",
    ]);
    expect(scaleway?.capacity).toEqual({ shop: 0 });
  });

  test("a dependency nothing attributes breaks its target whichever vendor is lost (fail closed)", () => {
    const plan = SURVIVING.filter(
      (r) => !(r.type.endsWith("ClusterIssuer") && r.urn.endsWith("gra-eu-ca")),
    );
    for (const s of fleetSurvival(plan).survival.filter((x) => x.lost !== "ovhcloud"))
      expect(
        s.broken.filter((b) => b.target === "gra").map((b) => `${b.vendor} ${b.endpoint}`),
      ).toEqual(["unknown ClusterIssuer eu-ca"]);
  });

  test("backups and scheduled jobs at another vendor leave the target serving", () => {
    const job = deployment(GRA, "unused", 0, "rg.fr-par.scw.cloud/acme/rclone:1");
    const cron = { ...job, type: "kubernetes:batch/v1:CronJob", urn: `${job.urn}-cron` };
    const scaleway = fleetSurvival([...SURVIVING, cron]).survival.find(
      (s) => s.lost === "scaleway",
    );
    expect(scaleway?.broken).toEqual([]);
  });

  test("a stack without a fleet has dependencies and no survival", () => {
    const { model, survival } = fleetSurvival(site(PAR, REGISTRY.par ?? "", HARICA));
    expect(survival).toEqual([]);
    expect(model.dependencies.length).toBeGreaterThan(0);
  });
});
