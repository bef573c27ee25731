import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, test } from "vitest";
import {
  Platform,
  platformType,
  resolvePlatformArgs,
  type PlatformArgs,
} from "../../../components/platform";
import type { ProviderId, Workload as WorkloadConfig } from "../../../config/schema";
import { recordingMocks, settle, shapeOf, unwrap } from "../../helpers/mocks";
import { contextFor, STACK, TARGETS } from "../adapters/fixtures";

const SHOP = {
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
} as const satisfies WorkloadConfig;

function argsFor(provider: ProviderId, environment: "dev" | "prod" = "dev"): PlatformArgs {
  return {
    context: contextFor(TARGETS[provider], { environment }),
    domain: "apps.example.eu",
    workloads: [{ workload: SHOP, replicas: 2 }],
  };
}

async function build(provider: ProviderId, environment: "dev" | "prod" = "dev") {
  const recording = recordingMocks({ stack: STACK });
  const args = argsFor(provider, environment);
  const platform = new Platform(TARGETS[provider].name, args);
  await unwrap(platform.ingressAddress);
  await unwrap(platform.connections);
  return { args, platform, resources: await settle(recording) };
}

describe("Platform", () => {
  test.each([
    ["scaleway", "sovereign:scaleway:Platform"],
    ["ovhcloud", "sovereign:ovhcloud:Platform"],
    ["kubernetes", "sovereign:kubernetes:Platform"],
  ] as const)("registers a %s target as %s with its resolved args", async (provider, token) => {
    const { args, resources } = await build(provider);
    expect(platformType(provider)).toBe(token);
    const component = resources.find((r) => r.type === token);
    expect(component?.inputs).toEqual(JSON.parse(JSON.stringify(resolvePlatformArgs(args))));
  });

  it("builds the adapter's children, the ingress controller and the workload under itself", async () => {
    const { resources } = await build("kubernetes");
    const direct = shapeOf(resources).filter((r) => r.parent === "ske");
    expect(direct).toEqual([
      {
        type: "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
        name: "ske-database-object-store",
        parent: "ske",
      },
      { type: "kubernetes:batch/v1:CronJob", name: "ske-image-sync", parent: "ske" },
      {
        type: "kubernetes:cert-manager.io/v1:ClusterIssuer",
        name: "ske-cluster-issuer",
        parent: "ske",
      },
      { type: "kubernetes:core/v1:ConfigMap", name: "ske-image-sync-config", parent: "ske" },
      { type: "kubernetes:core/v1:Namespace", name: "ske-cert-manager-namespace", parent: "ske" },
      { type: "kubernetes:core/v1:Namespace", name: "ske-database-namespace", parent: "ske" },
      { type: "kubernetes:core/v1:Namespace", name: "ske-image-sync-namespace", parent: "ske" },
      { type: "kubernetes:core/v1:Namespace", name: "ske-ingress-namespace", parent: "ske" },
      { type: "kubernetes:core/v1:Secret", name: "ske-cert-manager-pull-secret", parent: "ske" },
      { type: "kubernetes:core/v1:Secret", name: "ske-database-backup-credentials", parent: "ske" },
      { type: "kubernetes:core/v1:Secret", name: "ske-database-credentials", parent: "ske" },
      { type: "kubernetes:core/v1:Secret", name: "ske-database-pull-secret", parent: "ske" },
      { type: "kubernetes:core/v1:Secret", name: "ske-image-sync-credentials", parent: "ske" },
      { type: "kubernetes:core/v1:Secret", name: "ske-image-sync-pull-secret", parent: "ske" },
      { type: "kubernetes:core/v1:Secret", name: "ske-ingress-pull-secret", parent: "ske" },
      { type: "kubernetes:core/v1:Service", name: "ske-ingress-load-balancer", parent: "ske" },
      { type: "kubernetes:helm.sh/v3:Release", name: "ske-cert-manager", parent: "ske" },
      { type: "kubernetes:helm.sh/v3:Release", name: "ske-ingress", parent: "ske" },
      { type: "kubernetes:postgresql.cnpg.io/v1:Cluster", name: "ske-database", parent: "ske" },
      {
        type: "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup",
        name: "ske-database-backup-schedule",
        parent: "ske",
      },
      {
        type: "kubernetes:traefik.io/v1alpha1:Middleware",
        name: "ske-ingress-https-redirect",
        parent: "ske",
      },
      { type: "pulumi:providers:kubernetes", name: "ske-kubernetes", parent: "ske" },
      {
        type: "random:index/randomPassword:RandomPassword",
        name: "ske-database-app-password",
        parent: "ske",
      },
      { type: "sovereign:workload:Workload", name: "ske-shop", parent: "ske" },
    ]);
  });

  it("hands the workload the contract: the cluster's provider, its connections, its labels and replicas", async () => {
    const { platform, resources, args } = await build("scaleway");
    const contract = platform.contract;
    expect(contract.kubernetes).toBeInstanceOf(k8s.Provider);
    expect([
      contract.targetName,
      contract.provider,
      contract.ingressClass,
      contract.domain,
    ]).toEqual(["par", "scaleway", "traefik", "apps.example.eu"]);
    expect(contract.placement).toEqual(args.context.placement);
    expect(contract.labels).toEqual(args.context.labels);
    expect([contract.database !== undefined, contract.objectStore !== undefined]).toEqual([
      true,
      true,
    ]);
    const workload = resources.find((r) => r.type === "sovereign:workload:Workload");
    expect(workload?.inputs).toMatchObject({
      name: "shop",
      replicas: 2,
      targetName: "par",
      connections: ["database", "objectStore"],
    });
    const release = resources.find((r) => r.type === "kubernetes:helm.sh/v3:Release");
    const redirect = resources.find((r) => r.name === "par-ingress-https-redirect");
    expect(workload?.dependencies).toEqual(expect.arrayContaining([release?.urn, redirect?.urn]));
    // The workload's Ingress names the controller's HTTPS redirect beside its issuer.
    const ingress = resources.find((r) => r.name === "par-shop-ingress");
    expect((ingress?.inputs.metadata as { annotations: unknown }).annotations).toEqual({
      "traefik.ingress.kubernetes.io/router.middlewares": "traefik-redirect-https@kubernetescrd",
      "cert-manager.io/cluster-issuer": "sovereign-acme",
    });
  });

  it("adds a workload later as it would have been given: same child, same inputs, after the ingress", async () => {
    const recording = recordingMocks({ stack: STACK });
    const { workloads: _given, ...args } = argsFor("scaleway");
    const platform = new Platform("par", args);
    const added = platform.addWorkload({ workload: SHOP, replicas: 2 });
    const resources = await settle(recording);
    const { resources: given } = await build("scaleway");
    const workloadOf = (list: typeof resources) =>
      list.find((r) => r.type === "sovereign:workload:Workload");
    expect(platform.workloads).toEqual({ shop: added });
    expect(workloadOf(resources)?.urn).toBe(workloadOf(given)?.urn);
    expect(workloadOf(resources)?.inputs).toEqual(workloadOf(given)?.inputs);
    const release = resources.find((r) => r.type === "kubernetes:helm.sh/v3:Release");
    expect(workloadOf(resources)?.dependencies).toContain(release?.urn);
  });

  it("refuses to run the same workload twice on one platform", async () => {
    const recording = recordingMocks({ stack: STACK });
    const platform = new Platform("par", argsFor("scaleway"));
    expect(() => platform.addWorkload({ workload: SHOP, replicas: 1 })).toThrow(
      "workload shop already runs on platform par",
    );
    await settle(recording);
  });

  it("exposes the ingress Service's load-balancer address as the ingress address", async () => {
    const { platform, resources } = await build("ovhcloud");
    const service = resources.find((r) => r.name === "gra-ingress-load-balancer");
    const status = service?.outputs.status as { loadBalancer: { ingress: { ip: string }[] } };
    expect(await unwrap(platform.ingressAddress)).toBe(status.loadBalancer.ingress[0]?.ip);
    expect(await unwrap(platform.contract.ingressAddress)).toMatch(/^192\.0\.2\.\d+$/);
  });

  it("exports the connection details as one secret", async () => {
    const { platform } = await build("scaleway");
    expect(await pulumi.isSecret(platform.connections)).toBe(true);
    const details = await unwrap(platform.connections);
    expect(Object.keys(details).sort()).toEqual(["database", "objectStore", "registry"]);
    expect(details.database).toMatchObject({
      port: 5432,
      database: "app",
      user: "app",
      sslMode: "require",
    });
    expect(details.objectStore).toMatchObject({
      endpoint: "https://s3.fr-par.scw.cloud",
      region: "fr-par",
    });
    expect(details.registry).toMatch(/^rg\.fr-par\.scw\.cloud\//);
  });

  it("leaves out of the connection details what the target does not offer", async () => {
    const recording = recordingMocks({ stack: STACK });
    const context = contextFor({
      ...TARGETS.kubernetes,
      database: { mode: "none" },
      objectStore: { mode: "none" },
    });
    const platform = new Platform("ske", { context, domain: "apps.example.eu" });
    // The registry the target names is the one connection it still offers.
    expect(await unwrap(platform.connections)).toEqual({
      registry: "registry.onstackit.cloud/acme-shop",
    });
    await settle(recording);
  });

  test.each([
    ["prod", ["par-bucket", "par-database", "par-database-db"]],
    ["dev", []],
  ] as const)("in %s protects exactly %j", async (environment, names) => {
    const { resources } = await build("scaleway", environment);
    expect(
      resources
        .filter((r) => r.protect)
        .map((r) => r.name)
        .sort(),
    ).toEqual(names);
  });
});
