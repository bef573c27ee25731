import { beforeEach, describe, expect, test } from "vitest";
import type { RecordedResource, Recording } from "../../../cli/engine/recorder";
import { ConfigError } from "../../../config/errors";
import { deployFleet, FLEET_TYPE } from "../../../components/fleet";
import { recordingMocks, settle, shapeOf, unwrap } from "../../helpers/mocks";
import { fleetConfig, platformsOf, type FleetFixture } from "./fixtures";

let recording: Recording;
beforeEach(() => {
  recording = recordingMocks({ stack: "eu-fleet" });
});

async function build(f: FleetFixture = {}) {
  const config = fleetConfig(f);
  const fleet = deployFleet("eu-fleet", { config, platforms: platformsOf(config, f) });
  await unwrap(fleet.urn);
  const resources = await settle(recording);
  const find = (type: string, name: string): RecordedResource => {
    const found = resources.find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`no ${type} ${name}`);
    return found;
  };
  return { fleet, resources, find };
}

const T = {
  record: "scaleway:domain/record:Record",
  namespace: "kubernetes:core/v1:Namespace",
  secret: "kubernetes:core/v1:Secret",
  cronJob: "kubernetes:batch/v1:CronJob",
  provider: "pulumi:providers:kubernetes",
} as const;

describe("deployFleet", () => {
  test("creates the DNS records and the cross-vendor copies of a four-vendor fleet under the component", async () => {
    const { resources } = await build();
    const child = (type: string, name: string) => ({ type, name, parent: "eu-fleet" });
    const root = (type: string, name: string) => ({ type, name, parent: undefined });
    expect(shapeOf(resources)).toEqual([
      child(T.cronJob, "eu-fleet-gra-database-backup"),
      child(T.cronJob, "eu-fleet-gra-object-sync"),
      child(T.cronJob, "eu-fleet-ionos-database-backup"),
      child(T.cronJob, "eu-fleet-par-database-backup"),
      child(T.cronJob, "eu-fleet-par-object-sync"),
      child(T.cronJob, "eu-fleet-ske-database-backup"),
      child(T.namespace, "eu-fleet-gra-replication"),
      child(T.namespace, "eu-fleet-ionos-replication"),
      child(T.namespace, "eu-fleet-par-replication"),
      child(T.namespace, "eu-fleet-ske-replication"),
      child(T.secret, "eu-fleet-gra-database-backup-credentials"),
      child(T.secret, "eu-fleet-gra-object-sync-credentials"),
      child(T.secret, "eu-fleet-gra-replication-pull-secret"),
      child(T.secret, "eu-fleet-ionos-database-backup-credentials"),
      child(T.secret, "eu-fleet-ionos-replication-pull-secret"),
      child(T.secret, "eu-fleet-par-database-backup-credentials"),
      child(T.secret, "eu-fleet-par-object-sync-credentials"),
      child(T.secret, "eu-fleet-par-replication-pull-secret"),
      child(T.secret, "eu-fleet-ske-database-backup-credentials"),
      child(T.secret, "eu-fleet-ske-replication-pull-secret"),
      root(T.provider, "gra"),
      root(T.provider, "ionos"),
      root(T.provider, "par"),
      root(T.provider, "ske"),
      child(T.record, "eu-fleet-shop-gra-host"),
      child(T.record, "eu-fleet-shop-ionos-host"),
      child(T.record, "eu-fleet-shop-par-host"),
      child(T.record, "eu-fleet-shop-shared"),
      child(T.record, "eu-fleet-shop-ske-host"),
      root(FLEET_TYPE, "eu-fleet"),
    ]);
  });

  test("registers the rules the diversification pack reads, as args and outputs", async () => {
    const { find, fleet } = await build();
    const rules = {
      minVendors: 3,
      minJurisdictions: 2,
      maxVendorSharePercent: 50,
      workloads: [{ name: "shop", replicas: 8, required: 6 }],
      stateful: [
        { target: "par", vendor: "scaleway", kind: "objects" },
        { target: "par", vendor: "scaleway", kind: "database" },
        { target: "gra", vendor: "ovhcloud", kind: "objects" },
        { target: "gra", vendor: "ovhcloud", kind: "database" },
        { target: "ske", vendor: "stackit", kind: "database" },
        { target: "ionos", vendor: "ionos", kind: "database" },
      ],
      dns: { service: "scaleway", zone: "apps.example.eu", routing: "health-checked" },
    };
    expect(find(FLEET_TYPE, "eu-fleet").inputs).toEqual({ fleet: rules });
    expect(await unwrap(fleet.rules)).toEqual(rules);
    expect(await unwrap(fleet.hosts)).toEqual({ shop: "shop.apps.example.eu" });
  });

  test("places each target's jobs on that target's cluster", async () => {
    const { resources } = await build();
    const providerName = (r: RecordedResource) => r.provider?.split("::")[3];
    const onCluster = resources
      .filter((r) => r.type.startsWith("kubernetes:"))
      .map((r) => [r.name, providerName(r)])
      .sort();
    expect(onCluster.every(([name, provider]) => name?.startsWith(`eu-fleet-${provider}-`))).toBe(
      true,
    );
    expect(onCluster).toHaveLength(20);
  });

  test("derives the required replicas from minVendors when the fleet is cut to two vendors", async () => {
    const { fleet } = await build({ targets: ["par", "gra"] });
    expect((await unwrap(fleet.rules)).workloads).toEqual([
      { name: "shop", replicas: 8, required: 5 },
    ]);
  });

  test("gives a drained target no DNS record", async () => {
    const { resources } = await build({
      fleet: { dns: { provider: "scaleway" }, weights: { par: 1, gra: 1, ske: 1, ionos: 0 } },
    });
    expect(
      resources
        .filter((r) => r.type === T.record)
        .map((r) => r.name)
        .sort(),
    ).toEqual([
      "eu-fleet-shop-gra-host",
      "eu-fleet-shop-par-host",
      "eu-fleet-shop-shared",
      "eu-fleet-shop-ske-host",
    ]);
  });

  test("fails before creating anything when the stack config has no fleet", () => {
    const config = { ...fleetConfig(), fleet: undefined };
    expect(() => deployFleet("eu-fleet", { config, platforms: [] })).toThrow(
      new ConfigError([
        {
          key: "sovereign:fleet",
          value: undefined,
          problem: "is required by the fleet component",
          fix: "add sovereign:fleet to the stack file (docs/fleet.md shows an example)",
        },
      ]),
    );
    expect(recording.resources).toEqual([]);
  });

  test("fails when the DNS zone is not a parent of the domain, for callers that skip the schema", () => {
    const parsed = fleetConfig({ fleet: { dns: { provider: "ovhcloud" } } });
    const fleet = parsed.fleet as NonNullable<typeof parsed.fleet>;
    const config = { ...parsed, fleet: { ...fleet, dns: { ...fleet.dns, zone: "example.org" } } };
    expect(() => deployFleet("eu-fleet", { config, platforms: [] })).toThrow(
      'sovereign:fleet.dns.zone is neither sovereign:domain (apps.example.eu) nor a parent of it; the workloads\' hosts live under apps.example.eu; got "example.org".',
    );
  });

  test("fails when a platform names a target the config does not have", () => {
    const config = fleetConfig();
    const platforms = platformsOf(fleetConfig()).map((p, i) =>
      i === 0 ? { ...p, target: { ...p.target, name: "fra" } } : p,
    );
    expect(() => deployFleet("eu-fleet", { config, platforms })).toThrow(
      'platforms[0].target.name names no target of sovereign:targets (par, gra, ske, ionos); got "fra".',
    );
  });
});
