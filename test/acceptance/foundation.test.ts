/**
 * Issue "Foundation", done when: each per-provider stack plans offline (exit 0) with its vendor's platform and
 * the same workload (the fleet stack: eu-fleet.test.ts); bad config exits 2 with one message naming the stack
 * file and every problem's key path. Programs that throw, import a missing module or do not compile are covered
 * by test/cli/commands/check-failures.test.ts and test/cli/bin.test.ts.
 */
import { CONTAINER_REGISTRIES, matchHost } from "../../config/catalog/hosts";
import { describe, expect, test } from "vitest";
import type { CheckReport } from "../../cli/engine/report";
import { runCli } from "../cli/run-cli";
import {
  checkToolkit,
  fixture,
  nameOf,
  packsWithSpy,
  relative,
  reportOf,
  ROOT,
  workloadImage,
} from "./helpers";

/** Types and names of the children of `parent`, the target prefix cut from names: `Service shop-service`. */
const childrenOf = (report: CheckReport, parent: string, prefix: string) =>
  report.resources
    .filter((r) => r.parent === parent)
    .map(
      (r) =>
        `${r.type} ${r.name.startsWith(`${prefix}-`) ? r.name.slice(prefix.length + 1) : r.name}`,
    )
    .sort();

/** The workload every stack deploys, identical on every target. */
const WORKLOAD_CHILDREN = [
  "kubernetes:apps/v1:Deployment shop",
  "kubernetes:autoscaling/v2:HorizontalPodAutoscaler shop-autoscaler",
  "kubernetes:core/v1:Namespace shop-namespace",
  "kubernetes:core/v1:Secret shop-database",
  "kubernetes:core/v1:Secret shop-object-store",
  "kubernetes:core/v1:Secret shop-pull-secret",
  "kubernetes:core/v1:Service shop-service",
  "kubernetes:core/v1:ServiceAccount shop-service-account",
  "kubernetes:networking.k8s.io/v1:Ingress shop-ingress",
  "kubernetes:networking.k8s.io/v1:NetworkPolicy shop-allow-acme-solver",
  "kubernetes:networking.k8s.io/v1:NetworkPolicy shop-allow-database",
  "kubernetes:networking.k8s.io/v1:NetworkPolicy shop-allow-dns",
  "kubernetes:networking.k8s.io/v1:NetworkPolicy shop-allow-ingress",
  "kubernetes:networking.k8s.io/v1:NetworkPolicy shop-allow-object-store",
  "kubernetes:networking.k8s.io/v1:NetworkPolicy shop-default-deny",
  "kubernetes:policy/v1:PodDisruptionBudget shop-disruption-budget",
];

interface ProviderStack {
  readonly stack: string;
  readonly target: string;
  readonly vendor: string;
  readonly region: string;
  readonly country: string;
  readonly platform: string;
  /** Types of the Platform component's own children: the provider's platform and the ingress controller. */
  readonly children: readonly string[];
}

/**
 * On every cluster: the ingress controller and its HTTPS redirect, cert-manager and its issuer, the copy job, each
 * with a pull Secret.
 */
const INGRESS = [
  "kubernetes:batch/v1:CronJob",
  "kubernetes:cert-manager.io/v1:ClusterIssuer",
  "kubernetes:core/v1:ConfigMap",
  "kubernetes:core/v1:Namespace",
  "kubernetes:core/v1:Namespace",
  "kubernetes:core/v1:Namespace",
  "kubernetes:core/v1:Secret",
  "kubernetes:core/v1:Secret",
  "kubernetes:core/v1:Secret",
  "kubernetes:core/v1:Secret",
  "kubernetes:core/v1:Service",
  "kubernetes:helm.sh/v3:Release",
  "kubernetes:helm.sh/v3:Release",
  "kubernetes:traefik.io/v1alpha1:Middleware",
  "pulumi:providers:kubernetes",
];
const IN_CLUSTER = [
  ...INGRESS,
  "kubernetes:core/v1:Namespace",
  "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
  "kubernetes:core/v1:Secret",
  "kubernetes:core/v1:Secret",
  "kubernetes:core/v1:Secret",
  "kubernetes:postgresql.cnpg.io/v1:Cluster",
  "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup",
  "random:index/randomPassword:RandomPassword",
];

const PROVIDER_STACKS: readonly ProviderStack[] = [
  {
    stack: "scaleway-fr-par",
    target: "par",
    vendor: "scaleway",
    region: "fr-par",
    country: "FR",
    platform: "sovereign:scaleway:Platform",
    children: [
      ...INGRESS,
      "pulumi:providers:scaleway",
      "random:index/randomPassword:RandomPassword",
      "random:index/randomPassword:RandomPassword",
      "scaleway:databases/database:Database",
      "scaleway:databases/instance:Instance",
      "scaleway:databases/privilege:Privilege",
      "scaleway:databases/user:User",
      "scaleway:iam/apiKey:ApiKey",
      "scaleway:iam/apiKey:ApiKey",
      "scaleway:iam/application:Application",
      "scaleway:iam/application:Application",
      "scaleway:iam/policy:Policy",
      "scaleway:iam/policy:Policy",
      "scaleway:kubernetes/cluster:Cluster",
      "scaleway:kubernetes/pool:Pool",
      "scaleway:network/privateNetwork:PrivateNetwork",
      "scaleway:network/vpc:Vpc",
      "scaleway:object/bucket:Bucket",
      "scaleway:object/bucketAcl:BucketAcl",
      "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "scaleway:registry/namespace:Namespace",
    ],
  },
  {
    stack: "ovhcloud-gra",
    target: "gra",
    vendor: "ovhcloud",
    region: "GRA",
    country: "FR",
    platform: "sovereign:ovhcloud:Platform",
    children: [
      ...INGRESS,
      // The application grants: a Job in its namespace, the admin's Secret and a pull Secret.
      "kubernetes:batch/v1:Job",
      "kubernetes:core/v1:Namespace",
      "kubernetes:core/v1:Secret",
      "kubernetes:core/v1:Secret",
      "ovh:CloudProject/containerRegistry:ContainerRegistry",
      "ovh:CloudProject/containerRegistryUser:ContainerRegistryUser",
      "ovh:CloudProject/database:Database",
      "ovh:CloudProject/gateway:Gateway",
      "ovh:CloudProject/kube:Kube",
      "ovh:CloudProject/kubeNodePool:KubeNodePool",
      "ovh:CloudProject/networkPrivate:NetworkPrivate",
      "ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet",
      "ovh:CloudProject/s3Credential:S3Credential",
      "ovh:CloudProject/s3Policy:S3Policy",
      "ovh:CloudProject/storage:Storage",
      "ovh:CloudProject/user:User",
      "ovh:CloudProjectDatabase/databaseInstance:DatabaseInstance",
      "ovh:CloudProjectDatabase/postgresSqlUser:PostgresSqlUser",
      "ovh:CloudProjectDatabase/postgresSqlUser:PostgresSqlUser",
      "ovh:Vrack/cloudProject:CloudProject",
      "pulumi:providers:ovh",
    ],
  },
  {
    stack: "stackit-eu01",
    target: "ske",
    vendor: "stackit",
    region: "eu01",
    country: "DE",
    platform: "sovereign:kubernetes:Platform",
    children: IN_CLUSTER,
  },
  {
    stack: "ionos-es-vit",
    target: "ionos",
    vendor: "ionos",
    region: "es/vit",
    country: "ES",
    platform: "sovereign:kubernetes:Platform",
    children: IN_CLUSTER,
  },
];

describe("Issue Foundation: each per-provider stack", () => {
  test.each(PROVIDER_STACKS)(
    "$stack exits 0 with $vendor's platform and the same workload",
    async ({ stack, target, vendor, region, country, platform, children }) => {
      const { source, deployments } = packsWithSpy();
      const run = await checkToolkit(
        ["--stack", stack, "--assume-config", "--format", "json"],
        source,
      );
      const [code, report] = [run.code, reportOf(run)];
      const component = report.resources.find((r) => r.type === platform);
      const workload = report.resources.find((r) => r.type === "sovereign:workload:Workload");
      expect([code, report.summary.mandatory, component?.name, workload?.name]).toEqual([
        0,
        0,
        target,
        `${target}-shop`,
      ]);
      expect(childrenOf(report, component?.urn ?? "", target).map((c) => c.split(" ")[0])).toEqual(
        [...children, "sovereign:workload:Workload"].sort(),
      );
      expect(childrenOf(report, workload?.urn ?? "", target)).toEqual(WORKLOAD_CHILDREN);
      // The copy of the stack's image in the target's own registry, at the target's vendor.
      const image = workloadImage(stack);
      const copy = image.slice(image.lastIndexOf("/") + 1);
      expect(
        [...deployments].map(([urn, d]) => [
          nameOf(urn),
          d.images.map((i) => [
            matchHost(CONTAINER_REGISTRIES, i.split("/")[0] ?? "")?.vendor,
            i.endsWith(`/${copy}`),
          ]),
          d.replicas,
        ]),
      ).toEqual([[`${target}-shop`, [[vendor, true]], 2]]);
      // Everything the vendor runs is in its region (or, account-wide, in its country).
      const places = new Set(
        report.resources
          .filter((r) => r.vendor === vendor)
          .map((r) => `${r.region ?? "-"} ${r.country ?? "-"}`),
      );
      expect([...places].filter((p) => p !== `- ${country}`)).toEqual([`${region} ${country}`]);
    },
  );
});

/** Bad stack files, each with one problem, and the problem line (up to its fix) the message must hold. */
const BAD_CONFIG: readonly [string, string, string][] = [
  [
    "replicas -1",
    "replicas-negative.yaml",
    "  - sovereign:workloads[0].replicas must be at least 1; got -1.",
  ],
  [
    "the unknown key sovereign:workload",
    "unknown-key.yaml",
    '  - sovereign:workload is not a known key (a typo?); got {"name":"shop"}.',
  ],
  [
    "a typo key inside a target",
    "target-typo.yaml",
    '  - sovereign:targets[0].zonee is not a known key (a typo?); got "fr-par-1".',
  ],
  [
    "the OVHcloud region BHS5 (Beauharnois, Canada)",
    "ovh-region-bhs5.yaml",
    '  - sovereign:targets[0].region is in Beauharnois, CA (ADEQUACY), outside the EU; choose an EU region of ovhcloud: GRA, SBG, DE, WAW, RBX, EU-WEST-PAR, EU-SOUTH-MIL; got "BHS5".',
  ],
  [
    "an unknown provider",
    "unknown-provider.yaml",
    '  - sovereign:targets[0].provider must be one of scaleway, ovhcloud, kubernetes; got "aws".',
  ],
];

async function checkConfigFile(file: string) {
  return checkToolkit(["--stack", "acceptance", "--config-file", file, "--assume-config"]);
}

/** The problem lines of a config error, each cut before its fix. */
const problemsOf = (stderr: string) =>
  stderr
    .split("\n")
    .filter((line) => line.startsWith("  - "))
    .map((line) => line.split(" Fix: ")[0] ?? line);

describe("Issue Foundation: bad stack config exits 2 with one message", () => {
  test.each(BAD_CONFIG)("names %s with its key path and value", async (_case, file, problem) => {
    const run = await checkConfigFile(fixture("config", file));
    expect([run.code, run.stdout, problemsOf(run.stderr)]).toEqual([2, "", [problem]]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  test("names every problem of one stack file in the same message", async () => {
    const run = await checkConfigFile(fixture("config", "every-problem.yaml"));
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(
      problemsOf(run.stderr)
        .map((line) => line.split(" ")[3] ?? line)
        .sort(),
    ).toEqual([
      "sovereign:targets[0].zonee",
      "sovereign:targets[1].region",
      "sovereign:targets[2].provider",
      "sovereign:workload",
      "sovereign:workloads[0].replicas",
    ]);
  });

  test("names the stack file it read (--config-file), not stacks/Pulumi.<stack>.yaml", async () => {
    const file = fixture("config", "replicas-negative.yaml");
    const run = await checkConfigFile(file);
    expect(run.stderr.split("\n")[0]).toBe(`sovereign check: ${relative(file)}: 1 config problem`);
    expect(run.stderr).not.toContain("stacks/Pulumi.acceptance.yaml");
  });
});

describe("sovereign check in one process (main(argv, io), as tests and tools call it)", () => {
  test("plans the toolkit's own program every time it is checked, not only every other time", async () => {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await runCli([
        "check",
        ROOT,
        "--stack",
        "scaleway-fr-par",
        "--assume-config",
        "--format",
        "json",
      ]);
      counts.push(reportOf(run).summary.resources);
    }
    expect(counts).toEqual([56, 56, 56]);
  });
});
