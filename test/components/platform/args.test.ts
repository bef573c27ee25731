import { describe, expect, it, test } from "vitest";
import { resolvePlatformArgs } from "../../../components/platform";
import { contextFor, TARGETS } from "../adapters/fixtures";

const workload = {
  name: "shop",
  image: "rg.fr-par.scw.cloud/acme/shop:1.4.2",
  classification: "internal",
  replicas: 4,
  port: 8080,
  size: "small",
  healthPath: "/healthz",
  env: {},
  autoscale: { maxFactor: 3, cpuPercent: 70 },
  database: true,
  objectStore: true,
} as const;

describe("resolvePlatformArgs", () => {
  it("registers placement, protection, sizes and data settings, and no secret (each Workload registers its own)", () => {
    const context = contextFor(
      { ...TARGETS.scaleway, database: { highAvailability: true } },
      { environment: "prod" },
    );
    expect(
      resolvePlatformArgs({
        context,
        domain: "apps.example.eu",
        workloads: [{ workload, replicas: 3 }],
      }),
    ).toEqual({
      targetName: "par",
      provider: "scaleway",
      vendor: "scaleway",
      region: "fr-par",
      site: "fr-par",
      country: "FR",
      jurisdiction: "EU",
      environment: "prod",
      protect: true,
      size: "small",
      nodes: { min: 2, max: 5 },
      domain: "apps.example.eu",
      database: { mode: "managed", size: "small", highAvailability: true, backupRetentionDays: 7 },
      objectStore: { mode: "managed", versioning: true },
      registry: true,
      ingress: { mirror: "rg.fr-par.scw.cloud/sovereign-mirror", chartVersion: "4.12.1" },
    });
  });

  test.each([
    [
      "in-cluster",
      { mode: "in-cluster", instances: 3, backupRetentionDays: 10 },
      { mode: "in-cluster", instances: 3, highAvailability: true, backupRetentionDays: 10 },
    ],
    [
      "single instance",
      { mode: "in-cluster", instances: 1 },
      { mode: "in-cluster", instances: 1, highAvailability: false, backupRetentionDays: 7 },
    ],
    [
      "external",
      { mode: "external", host: "h", database: "d", user: "u", passwordSecret: "pw" },
      { mode: "external" },
    ],
  ] as const)(
    "summarises a kubernetes target's %s database in neutral words",
    (_, database, summary) => {
      const context = contextFor({ ...TARGETS.kubernetes, database });
      const resolved = resolvePlatformArgs({ context, domain: "apps.example.eu" });
      expect(resolved.database).toEqual(summary);
      expect(resolved.objectStore).toEqual({
        mode: "external",
        endpoint: "https://object.storage.eu01.onstackit.cloud",
      });
      expect(resolved.registry).toBe(false);
    },
  );

  it("says none for the data services a managed target turns off", () => {
    const context = contextFor({
      ...TARGETS.ovhcloud,
      database: { enabled: false },
      objectStore: { enabled: false },
      registry: false,
    });
    const resolved = resolvePlatformArgs({
      context,
      domain: "apps.example.eu",
      ingressMirror: "harbor.example.eu/m",
    });
    expect([
      resolved.database,
      resolved.objectStore,
      resolved.registry,
      resolved.ingress.mirror,
    ]).toEqual([{ mode: "none" }, { mode: "none" }, false, "harbor.example.eu/m"]);
  });
});
