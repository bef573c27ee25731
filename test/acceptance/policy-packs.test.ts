/**
 * Issue "Policy packs", done when: `sovereign check <program> --pack eu-sovereignty` blocks every non-EU case of
 * the issue (one resource per case in test/fixtures/acceptance/blocked, named after it) with a mandatory
 * violation of the right policy, and lets an all-EU program (test/fixtures/acceptance/sound) through with none.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { CheckReport } from "../../cli/engine/report";
import { checkJson, fixture, mandatoryPolicies } from "./helpers";

const PACK = ["--stack", "dev", "--pack", "eu-sovereignty"];
const POLICY = {
  region: "region-resource-enforce-eu-location",
  vendor: "vendor-resource-disallow-non-eu-vendor",
  account: "vendor-provider-enforce-eu-account",
  endpoint: "endpoint-kubeconfig-enforce-eu-server",
  image: "image-container-enforce-eu-registry",
  chart: "image-helm-enforce-eu-chart-source",
} as const;

/** [case, type::name of the offending resource, policy, what its message must say] */
type Case = readonly [string, string, string, string];

const OVH_NON_EU = [
  { site: "bhs", openstack: "BHS5", macro: "BHS", place: "Beauharnois, CA (ADEQUACY)" },
  { site: "sgp", openstack: "SGP1", macro: "SGP", place: "Singapore, SG (THIRD)" },
  { site: "syd", openstack: "SYD1", macro: "SYD", place: "Sydney, AU (THIRD)" },
  {
    site: "us-east-va-1",
    openstack: "US-EAST-VA-1",
    macro: "US-EAST-VA",
    place: "Vint Hill, US (THIRD)",
  },
];
const outside = "outside the allowed group 'eu'";

const OVH_CASES: readonly Case[] = OVH_NON_EU.flatMap(({ site, openstack, macro, place }) => [
  [
    `OVH cluster in ${macro}`,
    `ovh:CloudProject/kube:Kube::ovh-cluster-${site}`,
    POLICY.region,
    `region '${openstack}' is ${place}, ${outside}`,
  ],
  [
    `OVH bucket in ${macro}`,
    `ovh:CloudProject/storage:Storage::ovh-bucket-${site}`,
    POLICY.region,
    `regionName '${macro}' is ${place}, ${outside}`,
  ],
  [
    `OVH database in ${macro}`,
    `ovh:CloudProject/database:Database::ovh-database-${site}`,
    POLICY.region,
    `nodes[0].region '${macro}' is ${place}, ${outside}`,
  ],
]);

const notEu = (pkg: string, vendor: string) =>
  `package '${pkg}' belongs to ${vendor} (seat US, subject to the US CLOUD Act), which is not an EU vendor`;
const HYPERSCALER_CASES: readonly Case[] = [
  ["aws", "aws:s3/bucket:Bucket", "Amazon Web Services"],
  ["azure-native", "azure-native:resources:ResourceGroup", "Microsoft Azure"],
  ["gcp", "gcp:storage/bucket:Bucket", "Google Cloud"],
  ["digitalocean", "digitalocean:index/spacesBucket:SpacesBucket", "DigitalOcean"],
].flatMap(([pkg = "", type = "", vendor = ""]): Case[] => [
  [
    `${pkg} resource in an EU region`,
    `${type}::${pkg}-resource-eu`,
    POLICY.vendor,
    notEu(pkg, vendor),
  ],
  [
    `${pkg} provider in an EU region`,
    `pulumi:providers:${pkg}::${pkg}-provider-eu`,
    POLICY.vendor,
    notEu(pkg, vendor),
  ],
]);

const REGISTRIES = [
  ["ecr", "(registry '123456789012.dkr.ecr.eu-west-1.amazonaws.com') is Amazon ECR"],
  [
    "artifact-registry",
    "(registry 'europe-west1-docker.pkg.dev') is Google Container / Artifact Registry",
  ],
  ["ghcr", "(registry 'ghcr.io') is GitHub Container Registry"],
  [
    "docker-hub",
    "image 'nginx:1.27' (registry 'docker.io': a name without a registry host means Docker Hub) is Docker Hub",
  ],
];
const IMAGE_CASES: readonly Case[] = REGISTRIES.flatMap(([registry = "", says = ""]): Case[] => [
  [
    `${registry} image in a Deployment`,
    `kubernetes:apps/v1:Deployment::image-${registry}-deployment`,
    POLICY.image,
    says,
  ],
  [
    `${registry} image in a CronJob`,
    `kubernetes:batch/v1:CronJob::image-${registry}-cronjob`,
    POLICY.image,
    says,
  ],
]);

const BLOCKED_CASES: readonly Case[] = [
  ...OVH_CASES,
  [
    "database backups outside the EU",
    "ovh:CloudProject/database:Database::ovh-database-backups-outside-eu",
    POLICY.region,
    `backupRegions[1] 'BHS' is Beauharnois, CA (ADEQUACY), ${outside}`,
  ],
  [
    "bucket replicated outside the EU",
    "ovh:CloudProject/storage:Storage::ovh-bucket-replicated-outside-eu",
    POLICY.region,
    `replication.rules[0].destination.region 'CA-EAST-TOR' is Toronto, CA (ADEQUACY), ${outside}`,
  ],
  [
    "OVH network without regions",
    "ovh:CloudProject/networkPrivate:NetworkPrivate::ovh-network-without-regions",
    POLICY.region,
    "regions is not set, which means the network spans every region of the project, including regions outside the EU",
  ],
  ...HYPERSCALER_CASES,
  [
    "OVH provider on ovh-us",
    "pulumi:providers:ovh::ovh-provider-us",
    POLICY.account,
    `endpoint 'ovh-us' contracts with OVHcloud US LLC, US (THIRD), ${outside}`,
  ],
  [
    "OVH provider on ovh-ca",
    "pulumi:providers:ovh::ovh-provider-ca",
    POLICY.account,
    `endpoint 'ovh-ca' contracts with OVH Hosting Inc. (Canada), CA (ADEQUACY), ${outside}`,
  ],
  [
    "Scaleway resource in an unknown region",
    "scaleway:network/vpc:Vpc::scaleway-unknown-region",
    POLICY.region,
    "region 'de-fra' is not a Scaleway region, zone or location in the catalog (config/catalog/regions.ts), so it cannot be placed",
  ],
  [
    "deprecated scaleway:index/* resource in an unknown region",
    "scaleway:index/vpc:Vpc::scaleway-deprecated-unknown-region",
    POLICY.region,
    "region 'de-fra' is not a Scaleway region, zone or location in the catalog (config/catalog/regions.ts), so it cannot be placed",
  ],
  [
    "kubeconfig pointing at EKS",
    "pulumi:providers:kubernetes::kubeconfig-eks",
    POLICY.endpoint,
    "is Amazon EKS, run by Amazon Web Services (seat US, subject to the US CLOUD Act), which is not an EU vendor",
  ],
  [
    "kubeconfig pointing at AKS",
    "pulumi:providers:kubernetes::kubeconfig-aks",
    POLICY.endpoint,
    "is Azure AKS, run by Microsoft Azure (seat US, subject to the US CLOUD Act), which is not an EU vendor",
  ],
  [
    "kubeconfig pointing at a bare IP",
    "pulumi:providers:kubernetes::kubeconfig-bare-ip",
    POLICY.endpoint,
    "cannot be placed: host '203.0.113.10' matches no pattern in the catalog (config/catalog/hosts.ts)",
  ],
  ...IMAGE_CASES,
  [
    "Helm chart from Docker Hub",
    "kubernetes:helm.sh/v3:Release::chart-docker-hub",
    POLICY.chart,
    "chart source 'oci://registry-1.docker.io/bitnamicharts/redis' (host 'registry-1.docker.io') is Docker Hub",
  ],
  [
    "Helm chart through a repository alias",
    "kubernetes:helm.sh/v3:Release::chart-repository-alias",
    POLICY.chart,
    "chart 'bitnami/redis' names a Helm repository alias ('bitnami')",
  ],
];

const blockedUrn = (typeAndName: string) => `urn:pulumi:dev::acceptance-blocked::${typeAndName}`;

/** The graded rule also judges every non-EU offering; the binary rules are checked apart from it. */
const SEAL = "seal-enforce-minimum";
function binaryPolicies(report: CheckReport): Map<string, string[]> {
  return new Map(
    [...mandatoryPolicies(report)]
      .map(([urn, policies]): [string, string[]] => [urn, policies.filter((p) => p !== SEAL)])
      .filter(([, policies]) => policies.length > 0),
  );
}

describe("Issue Policy packs: a program with every blocked case", () => {
  let code: number;
  let report: CheckReport;
  beforeAll(async () => {
    ({ code, report } = await checkJson([fixture("blocked"), ...PACK]));
  });

  test("exits 1", () => {
    expect([code, report.summary.mandatory > 0]).toEqual([1, true]);
  });

  test.each(BLOCKED_CASES)("blocks the %s (%s) with %s", (_case, resource, policy, says) => {
    const urn = blockedUrn(resource);
    expect(binaryPolicies(report).get(urn)).toEqual([policy]);
    expect(
      report.violations.filter((v) => v.urn === urn).some((v) => v.message.includes(says)),
    ).toBe(true);
  });

  test("blocks nothing else: the EU default providers and the Kapsule cluster pass", () => {
    expect([...binaryPolicies(report).keys()].sort()).toEqual(
      BLOCKED_CASES.map(([, resource]) => blockedUrn(resource)).sort(),
    );
    // Advisory: only the toolchain's, as the program keeps no backend.url (Pulumi Cloud holds state and keys).
    expect(
      report.violations
        .filter((v) => v.enforcementLevel === "advisory")
        .map((v) => [v.policy, v.urn, v.message.split(":")[0]]),
    ).toEqual([
      [
        "toolchain-enforce-eu-control",
        null,
        "the stack's state is held by Pulumi Cloud (Pulumi Cloud, seat US, subject to the US CLOUD Act)",
      ],
      [
        "toolchain-enforce-eu-control",
        null,
        "the key of the stack's secrets is held by Pulumi Cloud (Pulumi Cloud secrets, seat US, subject to the US CLOUD Act)",
      ],
    ]);
  });

  test("grades the providers of non-EU offerings below the internal class's minimums", () => {
    const graded = report.violations.filter((v) => v.policy === SEAL).map((v) => v.urn);
    expect([...new Set(graded)].sort()).toEqual(
      [
        "pulumi:providers:aws::aws-provider-eu",
        "pulumi:providers:azure-native::azure-native-provider-eu",
        "pulumi:providers:digitalocean::digitalocean-provider-eu",
        "pulumi:providers:gcp::gcp-provider-eu",
        "pulumi:providers:ovh::ovh-provider-ca",
        "pulumi:providers:ovh::ovh-provider-us",
      ].map(blockedUrn),
    );
  });

  test("does not place a resource whose region no catalog knows at its provider's region", () => {
    const unknown = report.resources.find((r) => r.name === "scaleway-unknown-region");
    expect([unknown?.vendor, unknown?.region, unknown?.country]).toEqual(["scaleway", null, null]);
  });
});

describe("Issue Policy packs: the default OVHcloud provider of a stack on ovh-ca", () => {
  test("is blocked for its Canadian account, and nothing else is", async () => {
    const { code, report } = await checkJson([fixture("blocked-ovh-ca"), ...PACK]);
    const provider =
      "urn:pulumi:dev::acceptance-blocked-ovh-ca::pulumi:providers:ovh::default_2_19_1_github_/api.github.com/ovh/pulumi-ovh";
    expect([code, [...mandatoryPolicies(report)]]).toEqual([
      1,
      [[provider, [POLICY.account, SEAL]]],
    ]);
    expect(report.violations[0]?.message).toContain(
      `endpoint 'ovh-ca' contracts with OVH Hosting Inc. (Canada), CA (ADEQUACY), ${outside}`,
    );
  });
});

describe("Issue Policy packs: a program with everything EU", () => {
  let code: number;
  let report: CheckReport;
  beforeAll(async () => {
    ({ code, report } = await checkJson([fixture("sound"), ...PACK]));
  });

  test("exits 0 with no violation of any level (no advisory is expected either)", () => {
    expect([code, report.violations]).toEqual([0, []]);
  });

  test("places every resource in Scaleway's four regions, OVHcloud's seven EU regions and STACKIT eu01", () => {
    const places = new Set(
      report.resources
        .filter((r) => !["component", "neutral"].includes(r.vendor))
        .map((r) => `${r.vendor} ${r.region ?? "-"} ${r.country ?? "-"}`),
    );
    expect([...places].sort()).toEqual([
      "ovhcloud - FR",
      "ovhcloud DE DE",
      "ovhcloud EU-SOUTH-MIL IT",
      "ovhcloud EU-WEST-PAR FR",
      "ovhcloud GRA FR",
      "ovhcloud RBX FR",
      "ovhcloud SBG FR",
      "ovhcloud WAW PL",
      "scaleway fr-par FR",
      "scaleway it-mil IT",
      "scaleway nl-ams NL",
      "scaleway pl-waw PL",
      "stackit eu01 DE",
    ]);
  });
});
