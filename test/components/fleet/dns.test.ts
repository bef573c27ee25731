import { beforeEach, describe, expect, test } from "vitest";
import type { Recording } from "../../../cli/engine/recorder";
import { DNS_SERVICES, type DnsRouting } from "../../../config/fleet";
import { DNS_ADAPTERS } from "../../../components/adapters/dns-registry";
import {
  addressNeedOf,
  deployFleet,
  recordDataOf,
  recordTypeOf,
  relativeName,
  sharedAddress,
  sharedEndpoints,
} from "../../../components/fleet";
import type { DnsEndpoint } from "../../../components/adapters/dns-registry";
import { recordingMocks, settle, unwrap } from "../../helpers/mocks";
import { fleetConfig, platformsOf, type FleetFixture } from "./fixtures";

let recording: Recording;
beforeEach(() => {
  recording = recordingMocks({ stack: "eu-fleet" });
});

/** The DNS records the fleet creates, by logical name, with their inputs. */
async function records(f: FleetFixture) {
  const config = fleetConfig(f);
  await unwrap(deployFleet("eu-fleet", { config, platforms: platformsOf(config, f) }).urn);
  const resources = await settle(recording);
  return Object.fromEntries(
    resources
      .filter((r) => r.type.includes("ecord"))
      .map((r) => [r.name, { type: r.type, inputs: r.inputs }]),
  );
}

const scw = (name: string, data: string, extra: Record<string, unknown> = {}) => ({
  type: "scaleway:domain/record:Record",
  inputs: { dnsZone: "apps.example.eu", name, type: "A", data, ttl: 60, ...extra },
});

const OWN_HOSTS = {
  "eu-fleet-shop-par-host": scw("shop.par", "51.15.0.10"),
  "eu-fleet-shop-gra-host": scw("shop.gra", "51.68.0.20"),
  "eu-fleet-shop-ske-host": scw("shop.ske", "193.148.0.30"),
  "eu-fleet-shop-ionos-host": scw("shop.ionos", "85.215.0.40"),
};
const ALL_IPS = ["51.15.0.10", "51.68.0.20", "193.148.0.30", "85.215.0.40"];

describe("fleet DNS on Scaleway", () => {
  test("health-checks one shared record over every target's ingress, plus one record per target", async () => {
    expect(await records({ fleet: { dns: { provider: "scaleway", mustContain: "up" } } })).toEqual({
      ...OWN_HOSTS,
      "eu-fleet-shop-shared": scw("shop", "51.15.0.10", {
        httpService: {
          ips: ALL_IPS,
          mustContain: "up",
          url: "https://shop.apps.example.eu/healthz",
          userAgent: "sovereign-deploy-fleet-check",
          strategy: "all",
        },
      }),
    });
  });

  test("weighs the shared record by each target's replicas", async () => {
    const fleet = {
      dns: { provider: "scaleway", routing: "weighted" },
      weights: { par: 2, gra: 1, ske: 1, ionos: 0 },
    } as const;
    const got = await records({ fleet });
    expect(got["eu-fleet-shop-shared"]).toEqual(
      scw("shop", "51.15.0.10", {
        weighteds: [
          { ip: "51.15.0.10", weight: 4 },
          { ip: "51.68.0.20", weight: 2 },
          { ip: "193.148.0.30", weight: 2 },
        ],
      }),
    );
  });

  test("writes one plain shared record per target under round-robin, in a parent zone", async () => {
    const got = await records({
      fleet: {
        dns: { provider: "scaleway", routing: "round-robin", zone: "example.eu", ttl: 300 },
      },
    });
    const inZone = (name: string, data: string) => ({
      type: "scaleway:domain/record:Record",
      inputs: { dnsZone: "example.eu", name, type: "A", data, ttl: 300 },
    });
    expect(got).toEqual({
      "eu-fleet-shop-par-host": inZone("shop.par.apps", "51.15.0.10"),
      "eu-fleet-shop-gra-host": inZone("shop.gra.apps", "51.68.0.20"),
      "eu-fleet-shop-ske-host": inZone("shop.ske.apps", "193.148.0.30"),
      "eu-fleet-shop-ionos-host": inZone("shop.ionos.apps", "85.215.0.40"),
      "eu-fleet-shop-shared-par": inZone("shop.apps", "51.15.0.10"),
      "eu-fleet-shop-shared-gra": inZone("shop.apps", "51.68.0.20"),
      "eu-fleet-shop-shared-ske": inZone("shop.apps", "193.148.0.30"),
      "eu-fleet-shop-shared-ionos": inZone("shop.apps", "85.215.0.40"),
    });
  });
});

describe("fleet DNS on OVHcloud", () => {
  test("writes round-robin zone records: one per target at the shared name, one at each target's host", async () => {
    const ovh = (subdomain: string, target: string) => ({
      type: "ovh:Domain/zoneRecord:ZoneRecord",
      inputs: { zone: "apps.example.eu", subdomain, fieldtype: "A", target, ttl: 60 },
    });
    expect(await records({ fleet: { dns: { provider: "ovhcloud" } } })).toEqual({
      "eu-fleet-shop-par-host": ovh("shop.par", "51.15.0.10"),
      "eu-fleet-shop-gra-host": ovh("shop.gra", "51.68.0.20"),
      "eu-fleet-shop-ske-host": ovh("shop.ske", "193.148.0.30"),
      "eu-fleet-shop-ionos-host": ovh("shop.ionos", "85.215.0.40"),
      "eu-fleet-shop-shared-par": ovh("shop", "51.15.0.10"),
      "eu-fleet-shop-shared-gra": ovh("shop", "51.68.0.20"),
      "eu-fleet-shop-shared-ske": ovh("shop", "193.148.0.30"),
      "eu-fleet-shop-shared-ionos": ovh("shop", "85.215.0.40"),
    });
  });
});

describe("fleet DNS served by two vendors", () => {
  test("writes the same names and addresses in OVHcloud DNS, its shared name round-robin", async () => {
    const got = await records({
      fleet: { dns: { provider: "scaleway", alsoServedBy: [{ provider: "ovhcloud" }] } },
    });
    const ovh = (subdomain: string, target: string) => ({
      type: "ovh:Domain/zoneRecord:ZoneRecord",
      inputs: { zone: "apps.example.eu", subdomain, fieldtype: "A", target, ttl: 60 },
    });
    const atOvh = Object.fromEntries(
      Object.entries(got).filter(([, r]) => r.type.startsWith("ovh:")),
    );
    expect(atOvh).toEqual({
      "eu-fleet-shop-par-host-ovhcloud": ovh("shop.par", "51.15.0.10"),
      "eu-fleet-shop-gra-host-ovhcloud": ovh("shop.gra", "51.68.0.20"),
      "eu-fleet-shop-ske-host-ovhcloud": ovh("shop.ske", "193.148.0.30"),
      "eu-fleet-shop-ionos-host-ovhcloud": ovh("shop.ionos", "85.215.0.40"),
      "eu-fleet-shop-shared-ovhcloud-par": ovh("shop", "51.15.0.10"),
      "eu-fleet-shop-shared-ovhcloud-gra": ovh("shop", "51.68.0.20"),
      "eu-fleet-shop-shared-ovhcloud-ske": ovh("shop", "193.148.0.30"),
      "eu-fleet-shop-shared-ovhcloud-ionos": ovh("shop", "85.215.0.40"),
    });
    // The first service's records keep their names, so adding a second one replaces nothing.
    expect(Object.keys(got).filter((k) => !(k in atOvh))).toEqual([
      ...Object.keys(OWN_HOSTS),
      "eu-fleet-shop-shared",
    ]);
  });
});

describe("a shared name refuses an ingress address it cannot take", () => {
  // Known addresses are checked at once; an Output's (the ingress Service's status) when it resolves, at `up`.
  const endpoints = [
    { target: "par", address: "51.15.0.10", weight: 2 },
    { target: "gra", address: "lb-7.gra.example.net", weight: 2 },
  ];
  const ctx = (routing: DnsRouting, service: "scaleway" | "ovhcloud", key: string) => ({
    fqdn: "shop.apps.example.eu",
    service,
    routing,
    key,
    endpoints: endpoints.length,
  });

  test("a health-checked record refuses a host name, naming the target, the address, the name and the key", () => {
    const key = "sovereign:fleet.dns.routing";
    expect(() => sharedEndpoints(endpoints, ctx("health-checked", "scaleway", key))).toThrow(
      new Error(
        "target gra: its ingress address lb-7.gra.example.net is a host name, but the health-checked shared name shop.apps.example.eu in Scaleway Domains and DNS is an A record whose pool takes IPv4 addresses only (routing set by sovereign:fleet.dns.routing); give gra's ingress LoadBalancer an IPv4 address, or drain gra (sovereign:fleet.weights.gra: 0)",
      ),
    );
  });

  test("several round-robin records at one name refuse a host name, naming the additional service's key", () => {
    const key = "sovereign:fleet.dns.alsoServedBy[0].routing";
    expect(() => sharedEndpoints(endpoints, ctx("round-robin", "ovhcloud", key))).toThrow(
      new Error(
        "target gra: its ingress address lb-7.gra.example.net is a host name, but the round-robin shared name shop.apps.example.eu in OVHcloud DNS has one record per target, and a CNAME cannot share its name with other records (RFC 1034 §3.6.2) (routing set by sovereign:fleet.dns.alsoServedBy[0].routing); give gra's ingress LoadBalancer an IPv4 address, or drain gra (sovereign:fleet.weights.gra: 0)",
      ),
    );
  });

  test("IP addresses pass unchanged", () => {
    const ips = [endpoints[0], { target: "gra", address: "51.68.0.21", weight: 1 }];
    expect(sharedEndpoints(ips as DnsEndpoint[], ctx("health-checked", "scaleway", "k"))).toEqual(
      ips,
    );
  });

  test("the fleet passes every target's ingress address through the check", async () => {
    const got = await records({
      fleet: { dns: { provider: "scaleway", alsoServedBy: [{ provider: "ovhcloud" }] } },
      addresses: { gra: "51.68.0.21" },
    });
    expect(got["eu-fleet-shop-shared"]?.inputs.httpService).toMatchObject({
      ips: ["51.15.0.10", "51.68.0.21", "193.148.0.30", "85.215.0.40"],
    });
    expect(got["eu-fleet-shop-shared-ovhcloud-gra"]?.inputs.target).toBe("51.68.0.21");
  });
});

describe("addressNeedOf and sharedAddress", () => {
  const ctx = (routing: DnsRouting, endpoints: number) => ({
    fqdn: "shop.apps.example.eu",
    service: "scaleway" as const,
    routing,
    key: "sovereign:fleet.dns.routing",
    endpoints,
  });

  test.each([
    ["health-checked", 1, "ipv4"],
    ["weighted", 3, "ipv4"],
    ["round-robin", 3, "ip"],
    ["round-robin", 1, undefined],
  ] as const)("%s over %i targets needs %s", (routing, endpoints, need) => {
    expect(addressNeedOf(ctx(routing, endpoints))).toBe(need);
  });

  test("keeps an IPv6 address for round-robin, refuses it for a health-checked A record, keeps a lone host name", () => {
    expect(sharedAddress("2001:bc8::1", "gra", ctx("round-robin", 2))).toBe("2001:bc8::1");
    expect(() => sharedAddress("2001:bc8::1", "gra", ctx("health-checked", 2))).toThrow(
      "target gra: its ingress address 2001:bc8::1 is an IPv6 address, but the health-checked shared name",
    );
    expect(sharedAddress("lb.example.net", "gra", ctx("round-robin", 1))).toBe("lb.example.net");
  });
});

describe("DNS_ADAPTERS", () => {
  test.each(Object.entries(DNS_ADAPTERS))(
    "%s implements every routing its DNS service offers",
    (service, adapter) => {
      const offered = DNS_SERVICES[service as keyof typeof DNS_SERVICES].routing.filter(
        (r) => r !== "round-robin",
      );
      expect(Object.keys(adapter.routed).sort()).toEqual([...offered].sort());
      expect(adapter.service).toBe(service);
    },
  );
});

describe("relativeName", () => {
  test.each([
    ["shop.apps.example.eu", "apps.example.eu", "shop"],
    ["shop.par.apps.example.eu", "example.eu", "shop.par.apps"],
    ["apps.example.eu", "apps.example.eu", ""],
  ])("names %s in zone %s as %j", (host, zone, name) => {
    expect(relativeName(host, zone)).toBe(name);
  });

  test("fails when the host is outside the zone", () => {
    expect(() => relativeName("shop.example.org", "example.eu")).toThrow(
      "host shop.example.org is not under the DNS zone example.eu; set sovereign:fleet.dns.zone to a parent of shop.example.org",
    );
  });
});

describe("recordTypeOf", () => {
  test.each([
    ["51.15.0.10", "A", "51.15.0.10"],
    ["2001:bc8::1", "AAAA", "2001:bc8::1"],
    ["lb.gra.example.net", "CNAME", "lb.gra.example.net."],
    ["256.1.1.1", "CNAME", "256.1.1.1."],
  ])("points a name at %s with a %s record", (address, type, data) => {
    expect(recordTypeOf(address)).toBe(type);
    expect(recordDataOf(address)).toBe(data);
  });
});
