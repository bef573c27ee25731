import { describe, expect, expectTypeOf, it, test } from "vitest";
import {
  parseStackConfig,
  secretKeysOf,
  type StackConfig,
  type StackConfigInput,
} from "../../config/schema";
import { ConfigError } from "../../config/errors";

const minimal = {
  targets: [{ name: "par", provider: "scaleway", region: "fr-par" }],
  workloads: [
    { name: "shop", image: "rg.fr-par.scw.cloud/acme/shop:1.4.2", replicas: 3, port: 8080 },
  ],
};
const OVH_PROJECT = "0123456789abcdef0123456789abcdef";

/** The messages of a ConfigError thrown by parsing `raw`, one per problem. */
function problems(raw: unknown): string[] {
  try {
    parseStackConfig(raw, { stackFile: "stacks/Pulumi.dev.yaml", stack: "dev" });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues.map((i) => `${i.key} ${i.problem}`);
  }
  throw new Error("expected a ConfigError");
}

/** A kubernetes target names its registry; a stack-level mirror keeps single-target cases to their one problem. */
const withTarget = (t: Record<string, unknown>) => ({
  ...minimal,
  targets: [t],
  images: { mirror: { endpoint: "harbor.example.eu/mirror" } },
});
const withWorkload = (w: Record<string, unknown>) => ({
  ...minimal,
  workloads: [{ ...minimal.workloads[0], ...w }],
});

describe("parseStackConfig", () => {
  it("accepts the minimal stack of the README and fills every default", () => {
    const cfg = parseStackConfig(minimal);
    expect(cfg).toEqual({
      environment: "dev",
      domain: "apps.example.eu",
      images: { sync: { namespace: "sovereign-images", schedule: "17 */6 * * *" } },
      certificates: { server: "https://acme-v02.api.letsencrypt.org/directory" },
      targets: [
        {
          name: "par",
          provider: "scaleway",
          region: "fr-par",
          size: "small",
          nodes: { min: 2, max: 5 },
          privateNetworkCidr: "10.10.0.0/20",
          database: { enabled: true, highAvailability: false, backupRetentionDays: 7 },
          objectStore: { enabled: true, versioning: true },
          registry: true,
        },
      ],
      workloads: [
        {
          name: "shop",
          image: "rg.fr-par.scw.cloud/acme/shop:1.4.2",
          classification: "internal",
          replicas: 3,
          port: 8080,
          size: "small",
          healthPath: "/healthz",
          env: {},
          autoscale: { maxFactor: 3, cpuPercent: 70 },
          database: true,
          objectStore: true,
        },
      ],
    });
  });

  it("accepts an OVHcloud target by OpenStack region and a kubernetes target of a catalogued vendor", () => {
    const cfg = parseStackConfig({
      ...minimal,
      targets: [
        { name: "gra", provider: "ovhcloud", region: "GRA9", serviceName: OVH_PROJECT },
        {
          name: "ske",
          provider: "kubernetes",
          vendor: "stackit",
          region: "eu01",
          registry: { endpoint: "registry.onstackit.cloud/acme-shop" },
        },
      ],
    });
    expect(cfg.targets.map((t) => [t.name, t.provider, t.region])).toEqual([
      ["gra", "ovhcloud", "GRA9"],
      ["ske", "kubernetes", "eu01"],
    ]);
    expect(secretKeysOf(cfg)).toEqual([
      { key: "kubeconfig-ske", target: "ske", holds: "kubeconfig" },
    ]);
  });

  test.each([
    [
      "a non-integer replica count",
      withWorkload({ replicas: 2.5 }),
      "sovereign:workloads[0].replicas must be a whole number",
    ],
    [
      "zero replicas",
      withWorkload({ replicas: 0 }),
      "sovereign:workloads[0].replicas must be at least 1",
    ],
    [
      "a string port",
      withWorkload({ port: "http" }),
      "sovereign:workloads[0].port must be a number",
    ],
    [
      "a port above 65535",
      withWorkload({ port: 70000 }),
      "sovereign:workloads[0].port must be at most 65535",
    ],
    [
      "an unknown size",
      withWorkload({ size: "huge" }),
      'sovereign:workloads[0].size must be one of "small", "medium", "large"',
    ],
    [
      "a typo in a workload key",
      withWorkload({ replica: 3 }),
      "sovereign:workloads[0].replica is not a known key (a typo?)",
    ],
    [
      "a typo in a top-level key",
      { ...minimal, workload: [] },
      "sovereign:workload is not a known key (a typo?)",
    ],
    [
      "a missing image",
      { ...minimal, workloads: [{ name: "shop" }] },
      "sovereign:workloads[0].image is required (text)",
    ],
    ["no targets", { ...minimal, targets: [] }, "sovereign:targets must list at least one target"],
    [
      "an unknown provider",
      withTarget({ name: "x", provider: "aws", region: "eu-west-1" }),
      "sovereign:targets[0].provider must be one of scaleway, ovhcloud, kubernetes",
    ],
    [
      "a Scaleway region that does not exist",
      withTarget({ name: "par", provider: "scaleway", region: "us-east-1" }),
      "sovereign:targets[0].region is not a scaleway region in the catalog; use one of fr-par, nl-ams, pl-waw, it-mil",
    ],
    [
      "an OVHcloud region outside the EU",
      withTarget({ name: "bhs", provider: "ovhcloud", region: "BHS5", serviceName: OVH_PROJECT }),
      "sovereign:targets[0].region is in Beauharnois, CA (ADEQUACY), outside the EU; choose an EU region of ovhcloud: GRA, SBG, DE, WAW, RBX, EU-WEST-PAR, EU-SOUTH-MIL",
    ],
    [
      "an OVHcloud region in the US",
      withTarget({
        name: "us",
        provider: "ovhcloud",
        region: "US-EAST-VA-1",
        serviceName: OVH_PROJECT,
      }),
      "sovereign:targets[0].region is in Vint Hill, US (THIRD), outside the EU; choose an EU region of ovhcloud: GRA, SBG, DE, WAW, RBX, EU-WEST-PAR, EU-SOUTH-MIL",
    ],
    [
      "a kubernetes target of a vendor outside the catalog",
      withTarget({ name: "eks", provider: "kubernetes", vendor: "aws", region: "eu-west-1" }),
      "sovereign:targets[0].vendor is not an EU vendor in the catalog; use one of scaleway, ovhcloud, stackit, ionos, proximus, post, hetzner, upcloud, outscale",
    ],
    [
      "a kubernetes target in its vendor's US site",
      withTarget({ name: "ionos", provider: "kubernetes", vendor: "ionos", region: "us/las" }),
      "sovereign:targets[0].region is in Las Vegas, US (THIRD), outside the EU; choose an EU region of ionos: de/fra, de/fra/2, de/txl, de/fkb, es/vit, fr/par",
    ],
    [
      "a managed database where the region offers none",
      withTarget({ name: "mil", provider: "scaleway", region: "it-mil", registry: false }),
      "sovereign:targets[0].database.enabled database is not offered by scaleway in it-mil; set database.enabled to false or choose another region",
    ],
    [
      "a Scaleway registry in Milan, where Container Registry is not offered (scaleway-sdk-go registry/v1 Regions())",
      withTarget({
        name: "mil",
        provider: "scaleway",
        region: "it-mil",
        database: { enabled: false },
      }),
      "sovereign:targets[0].registry registry is not offered by scaleway in it-mil; set registry to false or choose another region",
    ],
    [
      "an OVHcloud zone of another 3-AZ region",
      withTarget({
        name: "par",
        provider: "ovhcloud",
        region: "EU-WEST-PAR",
        serviceName: "0123456789abcdef0123456789abcdef",
        zone: "eu-south-mil-a",
      }),
      "sovereign:targets[0].zone is not a zone of EU-WEST-PAR; use one of eu-west-par-a, eu-west-par-b, eu-west-par-c",
    ],
    [
      "an OVHcloud zone in a 1-AZ region",
      withTarget({
        name: "gra",
        provider: "ovhcloud",
        region: "GRA",
        serviceName: "0123456789abcdef0123456789abcdef",
        zone: "gra-a",
      }),
      "sovereign:targets[0].zone names a zone, but ovhcloud GRA has no availability zones; remove it",
    ],
    [
      "a Scaleway zone of another region",
      withTarget({ name: "par", provider: "scaleway", region: "fr-par", zone: "nl-ams-1" }),
      "sovereign:targets[0].zone is not a zone of fr-par; use one of fr-par-1, fr-par-2, fr-par-3",
    ],
    [
      "an OVH project id that is not 32 hex digits",
      withTarget({ name: "gra", provider: "ovhcloud", region: "GRA", serviceName: "my-project" }),
      "sovereign:targets[0].serviceName must be the 32-hex-digit Public Cloud project id",
    ],
    [
      "in-cluster object storage",
      withTarget({
        name: "ske",
        provider: "kubernetes",
        vendor: "stackit",
        region: "eu01",
        objectStore: { mode: "in-cluster" },
      }),
      "sovereign:targets[0].objectStore.mode must be external or none (in-cluster object storage is not offered: point at the vendor's S3 endpoint)",
    ],
    [
      "two targets with one name",
      {
        ...minimal,
        targets: [minimal.targets[0], { name: "par", provider: "scaleway", region: "nl-ams" }],
      },
      "sovereign:targets[1].name is used by another target; target names must be unique",
    ],
    [
      "a workload pinned to a target that does not exist",
      withWorkload({ targets: ["ams"] }),
      "sovereign:workloads[0].targets[0] is not a target of this stack; use one of par",
    ],
    [
      "fleet weights naming an unknown target",
      { ...minimal, fleet: { dns: { provider: "scaleway" }, weights: { gra: 1 } } },
      "sovereign:fleet.weights.gra names no target of this stack; use one of par",
    ],
    [
      "a fleet DNS zone that does not hold the domain",
      {
        ...minimal,
        domain: "apps.example.eu",
        fleet: { dns: { provider: "scaleway", zone: "other.eu" } },
      },
      "sovereign:fleet.dns.zone is neither sovereign:domain (apps.example.eu) nor a parent of it; the workloads' hosts live under apps.example.eu",
    ],
    [
      "an in-cluster database with nowhere to back up",
      withTarget({
        name: "ske",
        provider: "kubernetes",
        vendor: "stackit",
        region: "eu01",
        database: { mode: "in-cluster" },
      }),
      "sovereign:targets[0].database.mode needs an object store for its backups; set objectStore to {mode: external, endpoint, bucket, ...} with the vendor's S3 service, or use database mode external",
    ],
  ])("fails when the config has %s", (_case, raw, expected) => {
    expect(problems(raw)).toEqual([expected]);
  });

  it("lists every problem of a config at once, naming the stack file, value and fix", () => {
    const raw = {
      ...minimal,
      targets: [
        { name: "gra", provider: "ovhcloud", region: "SGP1", serviceName: OVH_PROJECT, typo: true },
      ],
      workloads: [{ name: "shop", image: "rg.fr-par.scw.cloud/acme/shop:1", replicas: -2 }],
    };
    expect(() =>
      parseStackConfig(raw, { stackFile: "stacks/Pulumi.dev.yaml", stack: "dev" }),
    ).toThrowError(
      [
        "stacks/Pulumi.dev.yaml: 3 config problems",
        "  - sovereign:targets[0].typo is not a known key (a typo?); got true. Fix: remove it (pulumi config rm --path 'sovereign:targets[0].typo') or fix its spelling; the config reference is in README.md",
        "  - sovereign:targets[0].region is in Singapore, SG (THIRD), outside the EU; choose an EU region of ovhcloud: GRA, SBG, DE, WAW, RBX, EU-WEST-PAR, EU-SOUTH-MIL; got \"SGP1\". Fix: set it in stacks/Pulumi.dev.yaml or with: pulumi config set --path 'sovereign:targets[0].region' <value> -s dev",
        "  - sovereign:workloads[0].replicas must be at least 1; got -2. Fix: set it in stacks/Pulumi.dev.yaml or with: pulumi config set --path 'sovereign:workloads[0].replicas' <value> -s dev",
      ].join("\n"),
    );
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    [
      "an OVHcloud target outside the EU without its serviceName",
      withTarget({ name: "bhs", provider: "ovhcloud", region: "BHS5" }),
      [
        "sovereign:targets[0].serviceName is required (text)",
        "sovereign:targets[0].region is in Beauharnois, CA (ADEQUACY), outside the EU; choose an EU region of ovhcloud: GRA, SBG, DE, WAW, RBX, EU-WEST-PAR, EU-SOUTH-MIL",
      ],
    ],
    [
      "a repeated target name beside a target missing a field",
      {
        ...minimal,
        targets: [
          minimal.targets[0],
          { name: "par", provider: "scaleway", region: "nl-ams", size: "huge" },
        ],
      },
      [
        'sovereign:targets[1].size must be one of "small", "medium", "large"',
        "sovereign:targets[1].name is used by another target; target names must be unique",
      ],
    ],
  ])("reports the catalog and name checks beside other problems: %s", (_case, raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it("types the input loosely and the output with every default filled", () => {
    expectTypeOf<StackConfigInput["workloads"][number]["replicas"]>().toEqualTypeOf<
      number | undefined
    >();
    expectTypeOf<StackConfig["workloads"][number]["replicas"]>().toEqualTypeOf<number>();
    expectTypeOf<StackConfig["targets"][number]["provider"]>().toEqualTypeOf<
      "scaleway" | "ovhcloud" | "kubernetes"
    >();
  });
});

describe("OVHcloud vRack and VLANs across targets", () => {
  const ovh = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    provider: "ovhcloud",
    region: "GRA",
    serviceName: OVH_PROJECT,
    ...extra,
  });
  const stack = (...targets: Record<string, unknown>[]) => ({ ...minimal, targets });

  it("accepts targets of one project on distinct VLANs, one of them attaching the project", () => {
    const cfg = parseStackConfig(
      stack(
        ovh("gra", { vrack: { serviceName: "pn-000001" } }),
        ovh("par", { region: "EU-WEST-PAR", vlanId: 20 }),
      ),
    );
    expect(cfg.targets.map((t) => (t.provider === "ovhcloud" ? [t.vlanId, t.vrack] : []))).toEqual([
      [0, { serviceName: "pn-000001", attached: false }],
      [20, undefined],
    ]);
  });

  it("accepts one VLAN in two projects", () => {
    expect(() =>
      parseStackConfig(stack(ovh("gra"), ovh("sbg", { serviceName: "f".repeat(32) }))),
    ).not.toThrow();
  });

  it("reports every clash at once, each on the later target's key, beside other problems", () => {
    expect(
      problems(
        stack(
          ovh("gra", { vrack: { serviceName: "pn-000001" } }),
          ovh("sbg", { region: "SBG", size: "huge", vrack: { serviceName: "pn-000002" } }),
          ovh("waw", { region: "WAW", vlanId: 7, vrack: { serviceName: "pn-000001" } }),
          ovh("de", { region: "DE", vlanId: 7 }),
        ),
      ),
    ).toEqual([
      'sovereign:targets[1].size must be one of "small", "medium", "large"',
      `sovereign:targets[1].vlanId is the VLAN of target gra in the same project ${OVH_PROJECT}; a vRack VLAN holds one private network, so give each OVHcloud target of a project its own vlanId (0-4000)`,
      `sovereign:targets[1].vrack names vRack pn-000002, but target gra puts project ${OVH_PROJECT} in vRack pn-000001; a project joins one vRack`,
      `sovereign:targets[2].vrack attaches project ${OVH_PROJECT}, which target gra attaches already; name the vRack on one target of a project only`,
      `sovereign:targets[3].vlanId is the VLAN of target waw in the same project ${OVH_PROJECT}; a vRack VLAN holds one private network, so give each OVHcloud target of a project its own vlanId (0-4000)`,
    ]);
  });

  it("refuses a vRack service name that is not pn- and digits", () => {
    expect(problems(stack(ovh("gra", { vrack: { serviceName: "vrack-1" } })))).toEqual([
      "sovereign:targets[0].vrack.serviceName must be a vRack service name such as pn-000000",
    ]);
  });
});
