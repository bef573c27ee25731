import { describe, expect, it, test } from "vitest";
import { IMAGES_DEFAULTS } from "../../../config/images";
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
      ingress: { chart: "charts/traefik", chartVersion: "41.3.0" },
      images: { ownRegistry: true },
      certManager: {
        chartVersion: "v1.21.2",
        acmeServer: "https://acme-v02.api.letsencrypt.org/directory",
        acmeAuthority: "letsencrypt",
      },
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
      expect(resolved.registry).toBe(true);
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
      images: { mirror: { endpoint: "harbor.example.eu/m" }, sync: IMAGES_DEFAULTS.sync },
    });
    expect([resolved.database, resolved.objectStore, resolved.registry, resolved.images]).toEqual([
      { mode: "none" },
      { mode: "none" },
      false,
      { ownRegistry: false, mirror: "harbor.example.eu/m" },
    ]);
  });

  it("names the ACME CA the catalog places the configured server at, and none for an unknown server", () => {
    const context = contextFor(TARGETS.scaleway);
    const at = (server: string) =>
      resolvePlatformArgs({ context, domain: "apps.example.eu", certificates: { server } })
        .certManager;
    expect(at("https://acme.harica.gr/acme-shop/directory").acmeAuthority).toBe("harica");
    expect(at("https://acme-api.actalis.com/acme/directory").acmeAuthority).toBe("actalis");
    expect(at("https://acme.example.net/directory")).toEqual({
      chartVersion: "v1.21.2",
      acmeServer: "https://acme.example.net/directory",
    });
  });
});
