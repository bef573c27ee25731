import { describe, expect, test } from "vitest";
import {
  checkFleet,
  dnsRoutingOf,
  dnsServicesOf,
  dnsZoneOf,
  fleetSchema,
  type FleetConfigInput,
} from "../../config/fleet";
import { parseStackConfig } from "../../config/schema";
import { TARGETS } from "../components/fleet/fixtures";

function stack(fleet: FleetConfigInput, workload: Record<string, unknown> = {}) {
  return {
    domain: "apps.example.eu",
    targets: TARGETS,
    workloads: [
      { name: "shop", image: "rg.fr-par.scw.cloud/acme/shop:1.4.2", replicas: 8, ...workload },
    ],
    fleet,
  };
}

/** The problem lines of the ConfigError `raw` throws. */
function problems(raw: unknown): string[] {
  try {
    parseStackConfig(raw, { stackFile: "Pulumi.eu-fleet.yaml" });
  } catch (e) {
    return String((e as Error).message)
      .split("\n")
      .slice(1);
  }
  return [];
}

const fix = (key: string) =>
  `Fix: set it in Pulumi.eu-fleet.yaml or with: pulumi config set --path '${key}' <value>`;

describe("fleetSchema", () => {
  test("fills every default from a fleet that only names its DNS service", () => {
    expect(fleetSchema.parse({ dns: { provider: "ovhcloud" } })).toEqual({
      minVendors: 3,
      minJurisdictions: 2,
      maxVendorSharePercent: 50,
      dns: { provider: "ovhcloud", ttl: 60, mustContain: "ok", alsoServedBy: [] },
      replication: {
        namespace: "sovereign-fleet",
        objectSchedule: "*/15 * * * *",
        databaseSchedule: "0 * * * *",
        backupRetentionDays: 14,
        dumpSizeLimit: "20Gi",
      },
    });
  });

  test("accepts the four-vendor fleet with equal shares", () => {
    expect(problems(stack({ dns: { provider: "scaleway" } }))).toEqual([]);
  });

  test.each([
    [
      "an unpinned rclone image",
      { replication: { rcloneImage: "rclone/rclone" } },
      'sovereign:fleet.replication.rcloneImage must be a registry-qualified image with a pinned tag or digest, e.g. rg.fr-par.scw.cloud/mirror/rclone:1.68.2; got "rclone/rclone".',
    ],
    [
      "a :latest postgres image",
      { replication: { postgresImage: "rg.fr-par.scw.cloud/m/postgres:latest" } },
      'sovereign:fleet.replication.postgresImage must pin a version, not :latest; got "rg.fr-par.scw.cloud/m/postgres:latest".',
    ],
    [
      "a four-field cron",
      { replication: { objectSchedule: "*/5 * * *" } },
      'sovereign:fleet.replication.objectSchedule must be a five-field cron expression such as */15 * * * *; got "*/5 * * *".',
    ],
    [
      "a share above 100",
      { maxVendorSharePercent: 120 },
      "sovereign:fleet.maxVendorSharePercent must be at most 100; got 120.",
    ],
    [
      "a TTL under OVHcloud's 60 s floor",
      { dns: { provider: "ovhcloud", ttl: 30 } },
      "sovereign:fleet.dns.ttl must be at least 60; got 30.",
    ],
    [
      "an unknown DNS service",
      { dns: { provider: "route53" } },
      'sovereign:fleet.dns.provider must be one of "scaleway", "ovhcloud"; got "route53".',
    ],
  ])("fails when the fleet has %s", (_case, override, line) => {
    const fleet = { dns: { provider: "scaleway" }, ...override } as FleetConfigInput;
    const [key] = line.split(" ");
    expect(problems(stack(fleet))).toEqual([`  - ${line} ${fix(key ?? "")}`]);
  });
});

describe("checkFleet", () => {
  const fleet = (input: Omit<FleetConfigInput, "dns"> & { dns?: FleetConfigInput["dns"] }) =>
    fleetSchema.parse({ dns: { provider: "scaleway" }, ...input });
  const workloads = [{ name: "shop", replicas: 8 }];

  test("finds nothing wrong in a fleet mixing fixed counts and weights", () => {
    expect(
      checkFleet(
        fleet({
          replicas: { par: 2 },
          weights: { gra: 1, ske: 1, ionos: 2 },
          required: { shop: 6 },
        }),
        TARGETS,
        workloads,
        "apps.example.eu",
      ),
    ).toEqual([]);
  });

  test.each([
    [
      "a weight for an unknown target",
      { weights: { par: 1, gra: 1, ske: 1, ionos: 1, fra: 1 } },
      [
        {
          path: ["fleet", "weights", "fra"],
          input: "fra",
          message: "names no target of this stack; use one of par, gra, ske, ionos",
        },
      ],
    ],
    [
      "a fixed count for an unknown target",
      { replicas: { fra: 2 } },
      [
        {
          path: ["fleet", "replicas", "fra"],
          input: "fra",
          message: "names no target of this stack; use one of par, gra, ske, ionos",
        },
      ],
    ],
    [
      "a target both weighted and fixed",
      { weights: { par: 1, gra: 1, ske: 1, ionos: 1 }, replicas: { par: 2 } },
      [
        {
          path: ["fleet", "weights", "par"],
          input: "par",
          message:
            "is also fixed in fleet.replicas; give a target a weight or a replica count, not both",
        },
      ],
    ],
    [
      "weights that skip a target",
      { weights: { par: 1, gra: 1, ske: 1 } },
      [
        {
          path: ["fleet", "weights", "ionos"],
          input: undefined,
          message:
            "is missing: once fleet.weights is set it must weigh every target (0 drains one); or remove fleet.weights for equal shares",
        },
      ],
    ],
    [
      "a required count for an unknown workload",
      { required: { cart: 2 } },
      [
        {
          path: ["fleet", "required", "cart"],
          input: "cart",
          message: "names no workload of this stack; use one of shop",
        },
      ],
    ],
    [
      "more required replicas than the workload has",
      { required: { shop: 9 } },
      [
        {
          path: ["fleet", "required", "shop"],
          input: 9,
          message:
            "asks for more replicas after a vendor loss than workload shop has in total (8); lower it or raise the workload's replicas",
        },
      ],
    ],
    [
      "fixed counts above the workload's replicas",
      { replicas: { par: 5, gra: 5 } },
      [
        {
          path: ["fleet", "replicas"],
          input: { par: 5, gra: 5 },
          message:
            "fixes 10 replicas of workload shop on par, gra, more than its 8 replicas; lower the counts or raise the workload's replicas",
        },
      ],
    ],
    [
      "every target drained",
      { weights: { par: 0, gra: 0, ske: 0, ionos: 0 } },
      [
        {
          path: ["fleet", "weights"],
          input: { par: 0, gra: 0, ske: 0, ionos: 0 },
          message:
            "leaves 8 of workload shop's 8 replicas nowhere to run: every other target it runs on (par, gra, ske, ionos) has weight 0; give a target a weight above 0 or change the workload's replicas",
        },
      ],
    ],
    [
      "every target fixed below the total",
      { replicas: { par: 1, gra: 1, ske: 1, ionos: 1 } },
      [
        {
          path: ["fleet", "replicas"],
          input: { par: 1, gra: 1, ske: 1, ionos: 1 },
          message:
            "leaves 4 of workload shop's 8 replicas nowhere to run: every target it runs on has a fixed count; give a target a weight above 0 or change the workload's replicas",
        },
      ],
    ],
    [
      "a routing OVHcloud DNS does not offer",
      { dns: { provider: "ovhcloud", routing: "health-checked" } },
      [
        {
          path: ["fleet", "dns", "routing"],
          input: "health-checked",
          message: "is not offered by OVHcloud DNS; use one of round-robin",
        },
      ],
    ],
    [
      "a second DNS service at the vendor that already serves the zone",
      { dns: { provider: "scaleway", alsoServedBy: [{ provider: "scaleway" }] } },
      [
        {
          path: ["fleet", "dns", "alsoServedBy", 0, "provider"],
          input: "scaleway",
          message: "already serves the zone; name a DNS service of a vendor other than scaleway",
        },
      ],
    ],
    [
      "an additional DNS service asked for a routing it does not offer",
      {
        dns: {
          provider: "scaleway",
          alsoServedBy: [{ provider: "ovhcloud", routing: "weighted" }],
        },
      },
      [
        {
          path: ["fleet", "dns", "alsoServedBy", 0, "routing"],
          input: "weighted",
          message: "is not offered by OVHcloud DNS; use one of round-robin",
        },
      ],
    ],
    [
      "a zone that is not a parent of the domain",
      { dns: { provider: "scaleway", zone: "example.org" } },
      [
        {
          path: ["fleet", "dns", "zone"],
          input: "example.org",
          message:
            "is neither sovereign:domain (apps.example.eu) nor a parent of it; the workloads' hosts live under apps.example.eu",
        },
      ],
    ],
  ])("fails on %s", (_case, input, issues) => {
    expect(
      checkFleet(fleet(input as FleetConfigInput), TARGETS, workloads, "apps.example.eu"),
    ).toEqual(issues);
  });

  test("reports a misspelt target once, not also the target it leaves without a weight", () => {
    const issues = checkFleet(
      fleet({ weights: { par: 1, gra: 1, ske: 1, ionoss: 1 } }),
      TARGETS,
      workloads,
    );
    expect(issues.map((i) => i.path.join("."))).toEqual(["fleet.weights.ionoss"]);
  });

  test("judges a workload's spread only over the targets it runs on", () => {
    const issues = checkFleet(fleet({ weights: { par: 0, gra: 0, ske: 1, ionos: 1 } }), TARGETS, [
      { name: "shop", replicas: 8, targets: ["par", "gra"] },
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      "leaves 8 of workload shop's 8 replicas nowhere to run: every other target it runs on (par, gra) has weight 0; give a target a weight above 0 or change the workload's replicas",
    ]);
  });
});

describe("dnsRoutingOf", () => {
  test.each([
    [{ provider: "scaleway" }, "health-checked"],
    [{ provider: "ovhcloud" }, "round-robin"],
    [{ provider: "scaleway", routing: "weighted" }, "weighted"],
  ] as const)("answers the routing of %o", (dns, routing) => {
    expect(dnsRoutingOf(fleetSchema.parse({ dns }).dns)).toBe(routing);
  });
});

describe("dnsServicesOf", () => {
  test("lists the configured service first, then each additional one with its routing", () => {
    const dns = fleetSchema.parse({
      dns: { provider: "scaleway", routing: "weighted", alsoServedBy: [{ provider: "ovhcloud" }] },
    }).dns;
    expect(dnsServicesOf(dns)).toEqual([
      { provider: "scaleway", routing: "weighted" },
      { provider: "ovhcloud", routing: "round-robin" },
    ]);
  });
});

describe("dnsZoneOf", () => {
  test("defaults the zone to sovereign:domain and keeps an explicit parent zone", () => {
    expect(
      dnsZoneOf(fleetSchema.parse({ dns: { provider: "scaleway" } }).dns, "apps.example.eu"),
    ).toBe("apps.example.eu");
    expect(
      dnsZoneOf(
        fleetSchema.parse({ dns: { provider: "scaleway", zone: "example.eu" } }).dns,
        "apps.example.eu",
      ),
    ).toBe("example.eu");
  });
});
