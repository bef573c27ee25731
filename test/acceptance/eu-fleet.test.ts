/**
 * The fleet stack, `sovereign check . --stack eu-fleet --assume-config` (what `npm run plan` runs), once as JSON
 * and once as Markdown: issue "Foundation" (four vendors, one workload per target) and issue "Four-vendor
 * diversification" (a Deployment and DNS records per target, replication CronJobs, the exit report).
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { CheckReport } from "../../cli/engine/report";
import type { FleetReport } from "../../cli/report/fleet";
import type { CliRun } from "../cli/run-cli";
import { CONTAINER_REGISTRIES, matchHost } from "../../config/catalog/hosts";
import {
  checkToolkit,
  nameOf,
  packsWithSpy,
  reportOf,
  workloadImage,
  type SeenDeployment,
} from "./helpers";

const EU_VENDORS = ["ionos", "ovhcloud", "scaleway", "stackit"];
const TARGETS = { par: "scaleway", gra: "ovhcloud", ske: "stackit", ionos: "ionos" } as const;
const FLEET_ARGS = ["--stack", "eu-fleet", "--assume-config", "--environment", "prod"];

let run: CliRun;
let report: CheckReport;
let deployments: Map<string, SeenDeployment>;
let markdown: CliRun;
beforeAll(async () => {
  const spied = packsWithSpy();
  deployments = spied.deployments;
  run = await checkToolkit([...FLEET_ARGS, "--format", "json"], spied.source);
  report = reportOf(run);
  markdown = await checkToolkit([...FLEET_ARGS, "--format", "markdown"]);
});

/** `vendor region` of the resources of `type`, by name. */
const placedOf = (type: string) =>
  report.resources
    .filter((r) => r.type === type)
    .map((r) => `${r.name} ${r.vendor} ${r.region ?? "-"}`)
    .sort();

describe("Issue Foundation: sovereign check . --stack eu-fleet --assume-config", () => {
  test("exits 0 with no mandatory violation and prints nothing on stderr", () => {
    expect([run.code, run.stderr, report.summary.mandatory]).toEqual([0, "", 0]);
  });

  test("places resources at four distinct EU vendors: scaleway, ovhcloud, stackit and ionos", () => {
    const vendors = new Set(report.resources.map((r) => r.vendor));
    expect([...vendors].filter((v) => EU_VENDORS.includes(v)).sort()).toEqual(EU_VENDORS);
    // Besides them: components and the stack. The kubeconfig targets' providers and Helm releases are placed
    // where the labels of their objects declare (their kubeconfigs are assumed placeholders).
    expect([...vendors].sort()).toEqual([...EU_VENDORS, "component", "neutral"].sort());
    expect(
      report.resources
        .filter((r) => r.declared && !r.type.startsWith("kubernetes:"))
        .map((r) => [r.name, r.vendor, r.region, r.target])
        .sort(),
    ).toEqual([
      ["ionos-kubernetes", "ionos", "es/vit", "ionos"],
      ["ske-kubernetes", "stackit", "eu01", "ske"],
    ]);
  });

  test("lists the secret keys it had to assume", () => {
    expect(report.assumedConfig).toEqual([
      "sovereign:build-registry-password",
      "sovereign:acme-eab-hmac",
      "sovereign:kubeconfig-ske",
      "sovereign:registry-password-ske",
      "sovereign:s3-access-key-ske",
      "sovereign:s3-secret-key-ske",
      "sovereign:kubeconfig-ionos",
      "sovereign:registry-password-ionos",
      "sovereign:s3-access-key-ionos",
      "sovereign:s3-secret-key-ionos",
    ]);
  });
});

describe("Issue Four-vendor diversification: the eu-fleet plan", () => {
  test("runs one Deployment per target, at its vendor, with its copy of the stack's image in a registry of that vendor and a quarter of the replicas", () => {
    const image = workloadImage("eu-fleet");
    const copy = image.slice(image.lastIndexOf("/") + 1);
    expect(placedOf("kubernetes:apps/v1:Deployment")).toEqual([
      "gra-shop ovhcloud GRA",
      "ionos-shop ionos es/vit",
      "par-shop scaleway fr-par",
      "ske-shop stackit eu01",
    ]);
    const registryVendor = (image: string) =>
      matchHost(CONTAINER_REGISTRIES, image.split("/")[0] ?? "")?.vendor;
    expect(
      [...deployments]
        .map(([urn, d]) => [
          nameOf(urn),
          d.images.map((i) => [registryVendor(i), i.endsWith(`/${copy}`)]),
          d.replicas,
        ])
        .sort(),
    ).toEqual(
      Object.entries(TARGETS)
        .map(([target, vendor]) => [`${target}-shop`, [[vendor, true]], 2])
        .sort(),
    );
  });

  test("writes a DNS record for every target and the shared name, in the zone at Scaleway and at OVHcloud", () => {
    expect(placedOf("scaleway:domain/record:Record")).toEqual([
      "fleet-shop-gra-host scaleway fr-par",
      "fleet-shop-ionos-host scaleway fr-par",
      "fleet-shop-par-host scaleway fr-par",
      "fleet-shop-shared scaleway fr-par",
      "fleet-shop-ske-host scaleway fr-par",
    ]);
    expect(placedOf("ovh:Domain/zoneRecord:ZoneRecord").map((r) => r.split(" ")[0])).toEqual([
      "fleet-shop-gra-host-ovhcloud",
      "fleet-shop-ionos-host-ovhcloud",
      "fleet-shop-par-host-ovhcloud",
      "fleet-shop-shared-ovhcloud-gra",
      "fleet-shop-shared-ovhcloud-ionos",
      "fleet-shop-shared-ovhcloud-par",
      "fleet-shop-shared-ovhcloud-ske",
      "fleet-shop-ske-host-ovhcloud",
    ]);
  });

  test("names every target through a zone both DNS vendors serve, and loses no serving dependency with any vendor, with no exemption", () => {
    const dns = (report.dependencies ?? []).filter((d) => d.kind === "dns");
    expect(new Set(dns.map((d) => `${d.endpoint} ${d.vendor}`))).toEqual(
      new Set(["apps.example.eu scaleway", "apps.example.eu ovhcloud"]),
    );
    expect(new Set(dns.map((d) => d.target))).toEqual(new Set(Object.keys(TARGETS)));
    expect((report.survival ?? []).map((s) => [s.lost, s.broken])).toEqual(
      (report.survival ?? []).map((s) => [s.lost, []]),
    );
    expect((report.survival ?? []).map((s) => s.lost)).toEqual(expect.arrayContaining(EU_VENDORS));
    expect(report.exemptions).toEqual([]);
  });

  test("copies every target's bucket and database with CronJobs on its own cluster", () => {
    expect(placedOf("kubernetes:batch/v1:CronJob")).toEqual([
      "fleet-gra-database-backup ovhcloud GRA",
      "fleet-gra-object-sync ovhcloud GRA",
      "fleet-ionos-database-backup ionos es/vit",
      "fleet-ionos-object-sync ionos es/vit",
      "fleet-par-database-backup scaleway fr-par",
      "fleet-par-object-sync scaleway fr-par",
      "fleet-ske-database-backup stackit eu01",
      "fleet-ske-object-sync stackit eu01",
      "gra-image-sync ovhcloud GRA",
      "ionos-image-sync ionos es/vit",
      "par-image-sync scaleway fr-par",
      "ske-image-sync stackit eu01",
    ]);
    const fleet = (report.sections?.fleet as FleetReport).fleets[0];
    expect(
      fleet?.copies.filter((c) => c.sourceVendor === c.destinationVendor || c.suspended),
    ).toEqual([]);
    expect(fleet?.uncopied).toEqual([]);
  });

  test("passes every diversification policy, mandatory in prod", () => {
    expect(
      report.policies.filter((p) => p.pack === "diversification").map((p) => p.enforcementLevel),
    ).toEqual(["mandatory", "mandatory", "mandatory", "mandatory", "mandatory"]);
    expect(report.violations.filter((v) => v.pack === "diversification")).toEqual([]);
  });
});

describe("Issue Four-vendor diversification: the exit report in --format markdown", () => {
  const lines = () => markdown.stdout.split("\n");

  test("exits 0 with the fleet's exit report after the verdict", () => {
    expect([markdown.code, lines()[1]]).toEqual([
      0,
      "## ⚠️ Sovereign check passed with 4 advisory findings (`sovereign-deploy` / `eu-fleet`)",
    ]);
    expect(lines()).toContain("## Fleet exit report: `fleet`");
  });

  test("shows each vendor's capacity and what remains after losing it", () => {
    const start = lines().indexOf("### Workload `shop`");
    expect(lines().slice(start, start + 10)).toEqual([
      "### Workload `shop`",
      "",
      "8 replicas on 4 vendors in 3 countries (DE, ES, FR); it must keep 6 after losing any one vendor.",
      "",
      "| Vendor | Countries | Replicas | Share | If this vendor is lost | Verdict |",
      "|---|---|---:|---:|---:|---|",
      "| ionos | ES | 2 | 25 % | 6 of 6 remain | still serves |",
      "| ovhcloud | FR | 2 | 25 % | 6 of 6 remain | still serves |",
      "| scaleway | FR | 2 | 25 % | 6 of 6 remain | still serves |",
      "| stackit | DE | 2 | 25 % | 6 of 6 remain | still serves |",
    ]);
  });

  test("shows where every target's data is copied, always at another vendor", () => {
    const start = lines().indexOf("### Data copies");
    // Rows follow the order the copies were registered in, which the runtime decides: compared as a set.
    expect(lines().slice(start + 2, start + 4)).toEqual([
      "| Data | From | To | State |",
      "|---|---|---|---|",
    ]);
    expect(
      lines()
        .slice(start + 4, start + 12)
        .sort(),
    ).toEqual([
      "| bucket | gra (ovhcloud) | ske (stackit) | scheduled |",
      "| bucket | ionos (ionos) | par (scaleway) | scheduled |",
      "| bucket | par (scaleway) | gra (ovhcloud) | scheduled |",
      "| bucket | ske (stackit) | ionos (ionos) | scheduled |",
      "| database (pg_dump) | gra (ovhcloud) | ske (stackit) | scheduled |",
      "| database (pg_dump) | ionos (ionos) | par (scaleway) | scheduled |",
      "| database (pg_dump) | par (scaleway) | gra (ovhcloud) | scheduled |",
      "| database (pg_dump) | ske (stackit) | ionos (ionos) | scheduled |",
    ]);
  });
});
