/**
 * The eu-sovereignty pack as the engine serves it (policies/eu-sovereignty/index.ts builds these same args): which
 * policies block which resource, at which level. Messages are asserted exactly in each rule's own spec.
 */
import { describe, expect, test } from "vitest";
import { servedPack } from "../../../policies/packs";
import {
  defaultProvider,
  explicitProvider,
  runPack,
  UNKNOWN,
  type ResourceSpec,
} from "../fixtures/args";
import {
  EU_IMAGES,
  EU_SERVERS,
  kubeconfigJson,
  kubeconfigYaml,
  kubernetesProvider,
  podObject,
  podSpec,
} from "../fixtures/kubernetes";
import {
  NEUTRAL_RESOURCES,
  OVH_DEFAULT,
  OVH_EU_SITES,
  SCALEWAY_DEFAULT,
  SCALEWAY_REGIONS,
  ovhPlatform,
  scalewayDeprecated,
  scalewayPlatform,
} from "../fixtures/resources";

const { args } = servedPack("eu-sovereignty", {});
const run = (spec: ResourceSpec) => runPack(args.policies, spec, {}, args.enforcementLevel);
const verdicts = async (spec: ResourceSpec) =>
  (await run(spec)).map((v) => `${v.level}: ${v.policy}`);

const LOCATION = "mandatory: region-resource-enforce-eu-location";
const VENDOR = "mandatory: vendor-resource-disallow-non-eu-vendor";
const ACCOUNT = "mandatory: vendor-provider-enforce-eu-account";
const ENDPOINT = "mandatory: endpoint-kubeconfig-enforce-eu-server";
const IMAGE = "mandatory: image-container-enforce-eu-registry";

const ovh = (type: string, props: Record<string, unknown>): ResourceSpec => ({
  type,
  props: { serviceName: "p", ...props },
  provider: OVH_DEFAULT,
});
const foreign = (type: string, pkg: string, props: Record<string, unknown>): ResourceSpec => ({
  type,
  props,
  provider: defaultProvider(pkg, props),
});
const provider = (pkg: string, props: Record<string, unknown>, name = "eu"): ResourceSpec => ({
  type: `pulumi:providers:${pkg}`,
  name,
  props,
});
const EKS = "https://4F2A9C1B7E3D5A6B8C9D0E1F2A3B4C5D.gr7.eu-central-1.eks.amazonaws.com";
const AKS = "https://shop-1a2b3c4d.hcp.germanywestcentral.azmk8s.io:443";

describe("eu-sovereignty pack", () => {
  describe("blocks with a mandatory violation on the offending resource", () => {
    test.each<[string, ResourceSpec, string[]]>([
      ...["BHS5", "SGP1", "SYD1", "US-EAST-VA-1"].map((r): [string, ResourceSpec, string[]] => [
        `an OVH cluster in ${r}`,
        ovh("ovh:CloudProject/kube:Kube", { region: r }),
        [LOCATION],
      ]),
      ...["BHS", "SGP", "SYD", "US-WEST-OR"].map((r): [string, ResourceSpec, string[]] => [
        `an OVH bucket in ${r}`,
        ovh("ovh:CloudProject/storage:Storage", { regionName: r }),
        [LOCATION],
      ]),
      ...["BHS", "SGP", "SYD"].map((r): [string, ResourceSpec, string[]] => [
        `an OVH database in ${r}`,
        ovh("ovh:CloudProject/database:Database", {
          nodes: [{ region: r }],
          backupRegions: ["GRA"],
        }),
        [LOCATION],
      ]),
      [
        "a database backup outside the EU",
        ovh("ovh:CloudProject/database:Database", {
          nodes: [{ region: "DE" }],
          backupRegions: ["DE", "SGP"],
        }),
        [LOCATION],
      ],
      [
        "a bucket replica outside the EU",
        ovh("ovh:CloudProject/storage:Storage", {
          regionName: "GRA",
          replication: { rules: [{ destination: { name: "r", region: "syd" } }] },
        }),
        [LOCATION],
      ],
      [
        "an OVH network with no regions",
        ovh("ovh:CloudProject/networkPrivate:NetworkPrivate", { vlanId: 7 }),
        [LOCATION],
      ],
      [
        "an OVH network with an empty region list",
        ovh("ovh:CloudProject/networkPrivate:NetworkPrivate", { regions: [] }),
        [LOCATION],
      ],
      [
        "an AWS bucket in eu-west-3",
        foreign("aws:s3/bucket:Bucket", "aws", { region: "eu-west-3" }),
        [VENDOR],
      ],
      [
        "an Azure storage account in westeurope",
        foreign("azure-native:storage:StorageAccount", "azure-native", { location: "westeurope" }),
        [VENDOR],
      ],
      [
        "a GCP bucket in europe-west9",
        foreign("gcp:storage/bucket:Bucket", "gcp", { location: "EUROPE-WEST9" }),
        [VENDOR],
      ],
      [
        "a DigitalOcean cluster in ams3",
        foreign("digitalocean:index/kubernetesCluster:KubernetesCluster", "digitalocean", {
          region: "ams3",
        }),
        [VENDOR],
      ],
      ["an AWS provider in eu-central-1", provider("aws", { region: "eu-central-1" }), [VENDOR]],
      ["an Azure provider", provider("azure-native", { location: "westeurope" }), [VENDOR]],
      ["a GCP provider in europe-west1", provider("gcp", { region: "europe-west1" }), [VENDOR]],
      ["a DigitalOcean provider", provider("digitalocean", {}), [VENDOR]],
      ["an explicit OVH provider on ovh-us", provider("ovh", { endpoint: "ovh-us" }), [ACCOUNT]],
      ["an explicit OVH provider on ovh-ca", provider("ovh", { endpoint: "ovh-ca" }), [ACCOUNT]],
      [
        "the default OVH provider with ovh:endpoint ovh-us in stack config",
        provider("ovh", { endpoint: "ovh-us" }, "default_2_19_1"),
        [ACCOUNT],
      ],
      [
        "the default OVH provider with ovh:endpoint ovh-ca in stack config",
        provider("ovh", { endpoint: "ovh-ca" }, "default_2_19_1"),
        [ACCOUNT],
      ],
      [
        "a Scaleway bucket in an unknown region",
        {
          type: "scaleway:object/bucket:Bucket",
          props: { region: "eu-west-1" },
          provider: SCALEWAY_DEFAULT,
        },
        [LOCATION],
      ],
      [
        "a deprecated Scaleway bucket in an unknown region",
        {
          type: "scaleway:index/objectBucket:ObjectBucket",
          props: { region: "eu-west-1" },
          provider: SCALEWAY_DEFAULT,
        },
        [LOCATION],
      ],
      [
        "a Scaleway provider in an unknown region",
        provider("scaleway", { region: "us-east-1" }),
        ["mandatory: region-provider-enforce-eu-default-location"],
      ],
      [
        "a Scaleway external node pool",
        {
          type: "scaleway:kubernetes/pool:Pool",
          props: { region: "fr-par", nodeType: "external" },
          provider: SCALEWAY_DEFAULT,
        },
        ["mandatory: region-node-pool-disallow-external-nodes"],
      ],
      [
        "a kubeconfig pointing at EKS",
        kubernetesProvider({ kubeconfig: kubeconfigYaml({ server: EKS }) }),
        [ENDPOINT],
      ],
      [
        "a kubeconfig pointing at AKS",
        kubernetesProvider({ kubeconfig: kubeconfigJson({ server: AKS }) }),
        [ENDPOINT],
      ],
      [
        "a kubeconfig pointing at a bare IP",
        kubernetesProvider({ kubeconfig: kubeconfigYaml({ server: "https://35.195.10.20" }) }),
        [ENDPOINT],
      ],
      [
        "a kubeconfig given as a path",
        kubernetesProvider({ kubeconfig: "/root/.kube/config" }),
        [ENDPOINT],
      ],
      [
        "a Deployment pulling from ECR",
        podObject(
          "Deployment",
          podSpec({ app: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1" }),
        ),
        [IMAGE],
      ],
      [
        "a Deployment pulling from Artifact Registry",
        podObject("Deployment", podSpec({ app: "europe-west1-docker.pkg.dev/p/r/api:1" })),
        [IMAGE],
      ],
      [
        "a CronJob pulling from GHCR",
        podObject("CronJob", podSpec({ app: "ghcr.io/acme/report:1" })),
        [IMAGE],
      ],
      [
        "a CronJob pulling from Docker Hub",
        podObject("CronJob", podSpec({ init: "busybox:1.36" })),
        [IMAGE],
      ],
      [
        "an uncatalogued vendor's resource",
        {
          type: "exoscale:index/sksCluster:SksCluster",
          props: { zone: "ch-gva-2" },
          provider: defaultProvider("exoscale"),
        },
        [VENDOR],
      ],
    ])("%s", async (_name, spec, expected) => {
      expect(await verdicts(spec)).toEqual(expected);
    });
  });

  describe("passes sound EU programs", () => {
    const programs: [string, ResourceSpec][] = [
      ...SCALEWAY_REGIONS.flatMap((r) =>
        [...scalewayPlatform(r), ...scalewayDeprecated(r)].map((s): [string, ResourceSpec] => [
          `Scaleway ${r}: ${s.type}`,
          s,
        ]),
      ),
      ...OVH_EU_SITES.flatMap((site) =>
        ovhPlatform(site).map((s): [string, ResourceSpec] => [
          `OVHcloud ${site.macro}: ${s.type}`,
          s,
        ]),
      ),
      [
        "a Scaleway provider in it-mil",
        provider("scaleway", { region: "it-mil", zone: "it-mil-1" }),
      ],
      [
        "the default OVH provider on ovh-eu",
        provider("ovh", { endpoint: "ovh-eu" }, "default_2_19_1"),
      ],
      ...Object.entries(EU_SERVERS).map(([name, server]): [string, ResourceSpec] => [
        `a ${name} kubeconfig`,
        kubernetesProvider({ kubeconfig: kubeconfigYaml({ server }) }),
      ]),
      ...["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"].flatMap(
        (kind) =>
          Object.entries(EU_IMAGES).map(([registry, image]): [string, ResourceSpec] => [
            `a ${kind} from ${registry}`,
            podObject(kind, podSpec({ app: image, init: image, ephemeral: image })),
          ]),
      ),
      [
        "a CloudNativePG cluster on an EU mirror",
        {
          type: "kubernetes:postgresql.cnpg.io/v1:Cluster",
          props: { spec: { imageName: EU_IMAGES.ovh } },
          provider: explicitProvider("kubernetes", "ske", {
            kubeconfig: kubeconfigYaml({ server: EU_SERVERS.ske }),
          }),
        },
      ],
      ...NEUTRAL_RESOURCES.map((s): [string, ResourceSpec] => [`neutral ${s.type}`, s]),
    ];

    test.each(programs)("passes %s", async (_name, spec) => {
      expect(await run(spec)).toEqual([]);
    });
  });

  test("leaves a kubeconfig computed during preview to the engine, as an advisory note", async () => {
    expect(await verdicts(kubernetesProvider({ kubeconfig: UNKNOWN }))).toEqual([
      "advisory: endpoint-kubeconfig-enforce-eu-server",
    ]);
  });

  test("honours a per-policy level from --policy-pack-config", async () => {
    const spec = podObject("Deployment", podSpec({ app: "nginx:1.27" }));
    const result = await runPack(
      args.policies,
      spec,
      { "image-container-enforce-eu-registry": "advisory" },
      args.enforcementLevel,
    );
    expect(result.map((v) => `${v.level}: ${v.policy}`)).toEqual([
      "advisory: image-container-enforce-eu-registry",
    ]);
  });
});
