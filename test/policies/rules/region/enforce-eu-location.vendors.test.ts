import { describe, expect, test } from "vitest";
import { regionResourceEnforceEuLocation as policy } from "../../../../policies/rules/region/enforce-eu-location";
import { defaultProvider, validate, type ResourceSpec } from "../../fixtures/args";
import { database, ovh } from "../../fixtures/locations";
import { outsideEu } from "../../fixtures/messages";

/** A resource of another EU vendor's package on its default provider. */
const on = (pkg: string) => (type: string, props: Record<string, unknown>) =>
  ({ type, props, provider: defaultProvider(pkg) }) satisfies ResourceSpec;
const hcloud = on("hcloud");
const ionos = on("ionoscloud");
const stackit = on("stackit");

const HETZNER_EU = "Hetzner Online's sites in 'eu' (fsn1, nbg1, hel1)";
const CDN = "stackit:index/cdnDistribution:CdnDistribution";

describe("region-resource-enforce-eu-location with EU vendors' own shapes", () => {
  describe("passes ordinary EU programs", () => {
    test.each<[string, ResourceSpec]>([
      [
        "an IONOS data centre in Frankfurt",
        ionos("ionoscloud:compute/datacenter:Datacenter", { location: "de/fra" }),
      ],
      [
        "an IONOS LAN inside a data centre",
        ionos("ionoscloud:compute/lan:Lan", { datacenterId: "dc-1", public: false }),
      ],
      [
        "an IONOS server inside a data centre",
        ionos("ionoscloud:compute/server:Server", { datacenterId: "dc-1", cores: 1, ram: 1024 }),
      ],
      [
        "an IONOS LAN of the registry's SDK (index module)",
        ionos("ionoscloud:index/lan:Lan", { datacenterId: "dc-1" }),
      ],
      [
        "a Hetzner SSH key",
        hcloud("hcloud:index/sshKey:SshKey", { publicKey: "ssh-ed25519 AAAA" }),
      ],
      ["a Hetzner network", hcloud("hcloud:index/network:Network", { ipRange: "10.0.0.0/16" })],
      ["a Hetzner firewall", hcloud("hcloud:index/firewall:Firewall", { rules: [] })],
      [
        "a Hetzner subnet in network zone eu-central",
        hcloud("hcloud:index/networkSubnet:NetworkSubnet", {
          networkId: 1,
          type: "cloud",
          networkZone: "eu-central",
          ipRange: "10.0.1.0/24",
        }),
      ],
      [
        "a Hetzner server in Falkenstein",
        hcloud("hcloud:index/server:Server", { serverType: "cx22", location: "fsn1" }),
      ],
      [
        "a Hetzner server in data centre nbg1-dc3",
        hcloud("hcloud:index/server:Server", { serverType: "cx22", datacenter: "nbg1-dc3" }),
      ],
      [
        "a Hetzner volume attached to a server",
        hcloud("hcloud:index/volume:Volume", { size: 10, serverId: 42 }),
      ],
      [
        "a Hetzner load balancer with a network zone",
        hcloud("hcloud:index/loadBalancer:LoadBalancer", {
          loadBalancerType: "lb11",
          networkZone: "eu-central",
        }),
      ],
      [
        "a Hetzner server attached to a network",
        hcloud("hcloud:index/serverNetwork:ServerNetwork", { serverId: 1, networkId: 2 }),
      ],
      [
        "an OVHcloud quota on listed EU regions",
        ovh("ovh:index/cloudQuota:CloudQuota", {
          regions: [
            { region: "GRA11", profile: "standard" },
            { region: "DE1", profile: "standard" },
          ],
        }),
      ],
      [
        "an OVHcloud quota that changes no region",
        ovh("ovh:index/cloudQuota:CloudQuota", { regions: [] }),
      ],
      [
        "an OVHcloud DNS record",
        ovh("ovh:Domain/zoneRecord:ZoneRecord", {
          zone: "example.eu",
          fieldType: "A",
          target: "192.0.2.1",
        }),
      ],
      ["an OVHcloud DNS zone", ovh("ovh:Domain/zone:Zone", { ovhSubsidiary: "FR" })],
      [
        "an OVHcloud dynamic DNS record",
        ovh("ovh:index/domainZoneDynhostRecord:DomainZoneDynhostRecord", {
          zoneName: "example.eu",
        }),
      ],
      ["an OVHcloud database in GRA with default backups", database([{ region: "GRA" }])],
      ["an OVHcloud database in Warsaw with default backups", database([{ region: "WAW" }])],
      [
        "an OVHcloud database in Milan with default backups",
        database([{ region: "EU-SOUTH-MIL" }]),
      ],
      [
        "a STACKIT CDN serving from the EU",
        stackit(CDN, {
          projectId: "p",
          config: { regions: ["EU"], backend: { type: "http", originUrl: "https://app.eu" } },
        }),
      ],
    ])("passes %s", async (_name, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    });
  });

  describe("blocks what lies outside the EU", () => {
    test("fails when a STACKIT CDN also serves from the US, whatever the provider's region", async () => {
      const spec: ResourceSpec = {
        type: CDN,
        props: { projectId: "p", config: { regions: ["EU", "US"] } },
        provider: defaultProvider("stackit", { defaultRegion: "eu01" }),
      };
      expect(await validate(policy, spec)).toEqual({
        violations: [
          "config.regions[1] 'US' is STACKIT CDN edge locations in the United States (THIRD), outside the allowed group 'eu'. Use one of the STACKIT CDN regions in 'eu' (EU), or widen allowedGroup in this policy's config.",
        ],
      });
    });

    test("fails when a STACKIT CDN names a region the catalog does not know", async () => {
      expect(await validate(policy, stackit(CDN, { config: { regions: ["MARS"] } }))).toEqual({
        violations: [
          "config.regions[0] 'MARS' is not a STACKIT CDN region in the catalog (config/catalog/areas.ts), so it cannot be placed. Use one of the STACKIT CDN regions in 'eu' (EU).",
        ],
      });
    });

    test("fails when a STACKIT CDN lists no region", async () => {
      expect(await validate(policy, stackit(CDN, { config: { regions: [] } }))).toEqual({
        violations: [
          "config.regions is empty, which means the distribution has no region to serve from. List the regions explicitly, choosing from the STACKIT CDN regions in 'eu' (EU).",
        ],
      });
    });

    test("fails when a Hetzner subnet is in a US network zone", async () => {
      const spec = hcloud("hcloud:index/networkSubnet:NetworkSubnet", { networkZone: "us-east" });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          "networkZone 'us-east' is Ashburn, US (THIRD), outside the allowed group 'eu'. Use one of the Hetzner network zones in 'eu' (eu-central), or widen allowedGroup in this policy's config.",
        ],
      });
    });

    test("fails when a Hetzner server is in a US data centre", async () => {
      const spec = hcloud("hcloud:index/server:Server", { datacenter: "ash-dc1" });
      expect(await validate(policy, spec)).toEqual({
        violations: [outsideEu("datacenter 'ash-dc1'", "Ashburn, US (THIRD)", HETZNER_EU)],
      });
    });

    test("fails when a Hetzner server names no location and no server places it", async () => {
      const spec = hcloud("hcloud:index/server:Server", { serverType: "cx22" });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          "The resource cannot be placed: it sets neither location, datacenter, homeLocation nor networkZone and Hetzner Online providers carry no location. Set location, datacenter, homeLocation or networkZone on the resource.",
        ],
      });
    });

    test("fails when an IONOS data centre is in Las Vegas", async () => {
      const spec = ionos("ionoscloud:compute/datacenter:Datacenter", { location: "us/las" });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          outsideEu(
            "location 'us/las'",
            "Las Vegas, US (THIRD)",
            "IONOS Cloud's sites in 'eu' (de/fra, de/fra/2, de/txl, de/fkb, es/vit, fr/par)",
          ),
        ],
      });
    });

    test("fails when an IONOS resource names neither a location nor a data centre", async () => {
      const spec = ionos("ionoscloud:compute/ipblock:IPBlock", { size: 1 });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          "The resource cannot be placed: it sets neither location and IONOS Cloud providers carry no location. Set location on the resource.",
        ],
      });
    });

    test("fails when an OVHcloud quota lists a region outside the EU", async () => {
      const spec = ovh("ovh:index/cloudQuota:CloudQuota", {
        regions: [
          { region: "GRA11", profile: "standard" },
          { region: "BHS5", profile: "standard" },
        ],
      });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          outsideEu(
            "regions[1].region 'BHS5'",
            "Beauharnois, CA (ADEQUACY)",
            "OVHcloud's sites in 'eu' (GRA, SBG, RBX, EU-WEST-PAR, EU-SOUTH-MIL, DE, WAW, eu-west-lz-bru, eu-west-lz-ams, eu-west-lz-lux, eu-west-lz-mrs, eu-west-lz-vie, eu-west-lz-dln, eu-south-lz-mad, eu-south-lz-lis, eu-south-lz-mil, eu-central-lz-prg, eu-central-lz-buh, eu-central-lz-sof, eu-north-lz-cph, eu-north-lz-hel, eu-north-lz-sto)",
          ),
        ],
      });
    });
  });
});
