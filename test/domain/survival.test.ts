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
    expect(summary(SURVIVING)).toEqual([
      "actalis: 6/4 serving par,gra,ske",
      "harica: 6/4 serving par,gra,ske",
      "ovhcloud: 4/4 serving par,ske",
      "scaleway: 4/4 serving gra,ske",
      "stackit: 4/4 serving par,gra",
    ]);
    expect(fleetSurvival(SURVIVING).survival.flatMap((s) => s.broken)).toEqual([]);
  });

  test("a CA shared by targets of different vendors degrades them all: they serve, but renew no certificate", () => {
    const harica = fleetSurvival(SURVIVING).survival.find((s) => s.lost === "harica");
    expect(
      harica?.degraded.map((b) => `${b.target} (${b.targetVendor}) ${b.kind} ${b.resource}`),
    ).toEqual([
      "par (scaleway) certificate-issuer Ingress shop",
      "par (scaleway) certificate-issuer ClusterIssuer eu-ca",
      "ske (stackit) certificate-issuer Ingress shop",
      "ske (stackit) certificate-issuer ClusterIssuer eu-ca",
    ]);
    expect(harica?.broken).toEqual([]);
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
    const plan = [...SURVIVING, ingress(GRA, ["shop.example.org"])];
    for (const s of fleetSurvival(plan).survival.filter((x) => x.lost !== "ovhcloud"))
      expect(s.broken.map((b) => `${b.target} ${b.vendor} ${b.endpoint}`)).toEqual([
        "gra unknown shop.example.org",
      ]);
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
