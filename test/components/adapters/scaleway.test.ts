import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, test } from "vitest";
import { scalewayAdapter } from "../../../components/adapters/scaleway";
import { scalewayObjectStore } from "../../../components/adapters/scaleway/object-store";
import {
  ORGANIZATION_ENV,
  scalewayOrganization,
  type ScalewayContext,
} from "../../../components/adapters/scaleway/provider";
import { KUBERNETES_ENDPOINTS, matchHost } from "../../../config/catalog/hosts";
import type { PlatformAdapter } from "../../../components/contract/types";
import { recordingMocks, settle, shapeOf, unwrap } from "../../helpers/mocks";
import {
  contextFor,
  resourceOf,
  runAdapter,
  generatedPassword,
  thrownBy,
  SCALEWAY_ORGANIZATION,
  STACK,
  TARGETS,
  testParent,
} from "./fixtures";

const adapter = scalewayAdapter as PlatformAdapter;

async function build(target: Record<string, unknown> = {}, environment: "dev" | "prod" = "dev") {
  const recording = recordingMocks({ stack: STACK });
  const ctx = contextFor({ ...TARGETS.scaleway, ...target } as typeof TARGETS.scaleway, {
    environment,
  });
  const outputs = runAdapter(adapter, ctx, testParent());
  await unwrap(outputs.cluster.kubeconfig);
  return { outputs, resources: await settle(recording) };
}

describe("scalewayAdapter", () => {
  it("creates exactly the Scaleway platform, every child parented to the platform", async () => {
    const { resources } = await build();
    expect(shapeOf(resources)).toEqual([
      { type: "pulumi:providers:kubernetes", name: "par-kubernetes", parent: "parent" },
      { type: "pulumi:providers:scaleway", name: "par-scaleway", parent: "parent" },
      {
        type: "random:index/randomPassword:RandomPassword",
        name: "par-database-app-password",
        parent: "parent",
      },
      {
        type: "random:index/randomPassword:RandomPassword",
        name: "par-database-sovereign-admin-password",
        parent: "parent",
      },
      { type: "scaleway:databases/database:Database", name: "par-database-db", parent: "parent" },
      { type: "scaleway:databases/instance:Instance", name: "par-database", parent: "parent" },
      {
        type: "scaleway:databases/privilege:Privilege",
        name: "par-database-privilege",
        parent: "parent",
      },
      { type: "scaleway:databases/user:User", name: "par-database-user", parent: "parent" },
      { type: "scaleway:iam/apiKey:ApiKey", name: "par-bucket-key", parent: "parent" },
      { type: "scaleway:iam/apiKey:ApiKey", name: "par-registry-key", parent: "parent" },
      {
        type: "scaleway:iam/application:Application",
        name: "par-bucket-application",
        parent: "parent",
      },
      {
        type: "scaleway:iam/application:Application",
        name: "par-registry-application",
        parent: "parent",
      },
      { type: "scaleway:iam/policy:Policy", name: "par-bucket-policy", parent: "parent" },
      { type: "scaleway:iam/policy:Policy", name: "par-registry-policy", parent: "parent" },
      { type: "scaleway:kubernetes/cluster:Cluster", name: "par-cluster", parent: "parent" },
      { type: "scaleway:kubernetes/pool:Pool", name: "par-node-pool", parent: "parent" },
      {
        type: "scaleway:network/privateNetwork:PrivateNetwork",
        name: "par-private-network",
        parent: "parent",
      },
      { type: "scaleway:network/vpc:Vpc", name: "par-vpc", parent: "parent" },
      { type: "scaleway:object/bucket:Bucket", name: "par-bucket", parent: "parent" },
      { type: "scaleway:object/bucketAcl:BucketAcl", name: "par-bucket-acl", parent: "parent" },
      {
        type: "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        name: "par-bucket-encryption",
        parent: "parent",
      },
      { type: "scaleway:registry/namespace:Namespace", name: "par-registry", parent: "parent" },
      { type: "test:index:Parent", name: "parent", parent: undefined },
    ]);
  });

  it("writes the canonical region on every regional resource and the zone on the node pool and the provider", async () => {
    const { resources } = await build({ region: "par1", zone: "fr-par-2" });
    const located = resources
      .filter((r) => r.type.startsWith("scaleway:") && !r.type.startsWith("scaleway:iam/"))
      .map((r) => [r.name, r.inputs.region, r.inputs.zone])
      .sort();
    expect(located).toEqual([
      ["par-bucket", "fr-par", undefined],
      ["par-bucket-acl", "fr-par", undefined],
      ["par-bucket-encryption", "fr-par", undefined],
      ["par-cluster", "fr-par", undefined],
      ["par-database", "fr-par", undefined],
      ["par-database-db", "fr-par", undefined],
      ["par-database-privilege", "fr-par", undefined],
      ["par-database-user", "fr-par", undefined],
      ["par-node-pool", "fr-par", "fr-par-2"],
      ["par-private-network", "fr-par", undefined],
      ["par-registry", "fr-par", undefined],
      ["par-vpc", "fr-par", undefined],
    ]);
    expect(resourceOf(resources, "pulumi:providers:scaleway", "par-scaleway").inputs).toEqual({
      region: "fr-par",
      zone: "fr-par-2",
      organizationId: SCALEWAY_ORGANIZATION,
    });
  });

  it("sends every Scaleway resource through the target's explicit provider", async () => {
    const { resources } = await build();
    const provider = resourceOf(resources, "pulumi:providers:scaleway", "par-scaleway");
    const scalewayResources = resources.filter((r) => r.type.startsWith("scaleway:"));
    expect(scalewayResources).toHaveLength(18);
    for (const r of scalewayResources)
      expect(r.provider?.startsWith(`${provider.urn}::`)).toBe(true);
  });

  it("defaults the zone to the region's first and passes the project to the provider", async () => {
    const projectId = "11111111-2222-4333-8444-555555555555";
    const { resources } = await build({ projectId });
    expect(resourceOf(resources, "pulumi:providers:scaleway", "par-scaleway").inputs).toEqual({
      region: "fr-par",
      zone: "fr-par-1",
      projectId,
      organizationId: SCALEWAY_ORGANIZATION,
    });
    expect(
      resourceOf(resources, "scaleway:kubernetes/pool:Pool", "par-node-pool").inputs.zone,
    ).toBe("fr-par-1");
  });

  it("builds a Kapsule cluster with Cilium on the private network, keeping what it created on delete", async () => {
    const { resources } = await build();
    const cluster = resourceOf(resources, "scaleway:kubernetes/cluster:Cluster", "par-cluster");
    const network = resourceOf(
      resources,
      "scaleway:network/privateNetwork:PrivateNetwork",
      "par-private-network",
    );
    expect(cluster.inputs).toMatchObject({
      type: "kapsule",
      version: "1.36",
      cni: "cilium",
      deleteAdditionalResources: false,
      autoUpgrade: { enable: true, maintenanceWindowDay: "sunday", maintenanceWindowStartHour: 3 },
    });
    expect(cluster.dependencies).toContain(network.urn);
    expect(
      resourceOf(resources, "scaleway:network/privateNetwork:PrivateNetwork", "par-private-network")
        .inputs.ipv4Subnet,
    ).toEqual({
      subnet: "10.10.0.0/20",
    });
  });

  test.each([
    ["small", { min: 2, max: 5 }, "DEV1-M", "DB-DEV-S"],
    ["medium", { min: 3, max: 6 }, "PRO2-S", "DB-PRO2-XXS"],
    ["large", { min: 1, max: 9 }, "PRO2-M", "DB-PRO2-S"],
  ] as const)(
    "maps size %s and nodes %j to node type %s and database type %s",
    async (size, nodes, node, db) => {
      const { resources } = await build({ size, nodes });
      expect(
        resourceOf(resources, "scaleway:kubernetes/pool:Pool", "par-node-pool").inputs,
      ).toMatchObject({
        nodeType: node,
        size: nodes.min,
        minSize: nodes.min,
        maxSize: nodes.max,
        autoscaling: true,
        autohealing: true,
      });
      expect(
        resourceOf(resources, "scaleway:databases/instance:Instance", "par-database").inputs
          .nodeType,
      ).toBe(db);
    },
  );

  it("lets the autoscaler own the pool's size", async () => {
    const { resources } = await build();
    expect(
      resourceOf(resources, "scaleway:kubernetes/pool:Pool", "par-node-pool").ignoreChanges,
    ).toEqual(["size"]);
  });

  it("makes the database HA, encrypted, private and backed up daily in its own region as configured", async () => {
    const { resources } = await build({
      database: { highAvailability: true, backupRetentionDays: 21, size: "large" },
    });
    const instance = resourceOf(resources, "scaleway:databases/instance:Instance", "par-database");
    expect(instance.inputs).toMatchObject({
      engine: "PostgreSQL-16",
      nodeType: "DB-PRO2-S",
      isHaCluster: true,
      disableBackup: false,
      backupScheduleFrequency: 24,
      backupScheduleRetention: 21,
      backupSameRegion: true,
      encryptionAtRest: true,
      userName: "sovereign_admin",
      volumeType: "lssd",
      privateNetwork: { enableIpam: true },
    });
    expect(instance.inputs.volumeSizeInGb).toBeUndefined();
    expect(instance.inputs.loadBalancer).toBeUndefined();
  });

  it("draws the admin and app passwords with RandomPassword and records them as secrets", async () => {
    const { resources, outputs } = await build();
    const keepers = (role: string) => ({ role, rotation: "" });
    const instance = resourceOf(resources, "scaleway:databases/instance:Instance", "par-database");
    const user = resourceOf(resources, "scaleway:databases/user:User", "par-database-user");
    expect(instance.inputs.password).toBe(
      generatedPassword(
        resources,
        "par-database-sovereign-admin-password",
        keepers("sovereign_admin"),
      ),
    );
    expect(instance.secretPaths).toEqual(["password"]);
    expect(user.inputs).toMatchObject({
      name: "app",
      isAdmin: false,
      password: generatedPassword(resources, "par-database-app-password", keepers("app")),
    });
    expect(user.secretPaths).toEqual(["password"]);
    expect(await pulumi.isSecret(outputs.database?.password as pulumi.Output<string>)).toBe(true);
  });

  it("grants the app user everything on the app database only", async () => {
    const { resources } = await build();
    expect(
      resourceOf(resources, "scaleway:databases/privilege:Privilege", "par-database-privilege")
        .inputs,
    ).toMatchObject({
      databaseName: "app",
      userName: "app",
      permission: "all",
    });
  });

  it("keeps the bucket private, versioned and encrypted, its credential scoped to the bucket's project", async () => {
    const { resources } = await build();
    const bucket = resourceOf(resources, "scaleway:object/bucket:Bucket", "par-bucket");
    expect(bucket.inputs.versioning).toEqual({ enabled: true });
    const encryption = resourceOf(
      resources,
      "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "par-bucket-encryption",
    );
    expect(encryption.inputs).toEqual({
      bucket: bucket.inputs.name,
      region: "fr-par",
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    expect(
      resourceOf(resources, "scaleway:object/bucketAcl:BucketAcl", "par-bucket-acl").inputs.acl,
    ).toBe("private");
    const policy = resourceOf(resources, "scaleway:iam/policy:Policy", "par-bucket-policy");
    expect(policy.inputs.rules).toEqual([
      { permissionSetNames: ["ObjectStorageFullAccess"], projectIds: [bucket.outputs.projectId] },
    ]);
  });

  test.each([
    ["prod", true],
    ["dev", false],
  ] as const)(
    "in %s, protects and retains the stateful children: %s",
    async (environment, expected) => {
      const { resources } = await build({}, environment);
      const stateful = resources
        .filter((r) => r.protect || r.retainOnDelete)
        .map((r) => r.name)
        .sort();
      expect(stateful).toEqual(expected ? ["par-bucket", "par-database", "par-database-db"] : []);
      for (const r of resources) expect(r.retainOnDelete).toBe(r.protect);
    },
  );

  it("returns the neutral outputs read from the Scaleway resources", async () => {
    const { outputs, resources } = await build();
    const key = resourceOf(resources, "scaleway:iam/apiKey:ApiKey", "par-bucket-key");
    expect(outputs.network?.cidr).toBe("10.10.0.0/20");
    expect(outputs.cluster.ingressClass).toBe("traefik");
    const server =
      /server: https:\/\/(\S+)/.exec(await unwrap(outputs.cluster.kubeconfig))?.[1] ?? "";
    expect(matchHost(KUBERNETES_ENDPOINTS, server)).toEqual({
      vendor: "scaleway",
      label: "Scaleway Kapsule",
      site: "fr-par",
    });
    expect(await unwrap(outputs.objectStore?.endpoint as pulumi.Output<string>)).toBe(
      "https://s3.fr-par.scw.cloud",
    );
    expect(outputs.objectStore?.s3Region).toBe("fr-par");
    expect(await unwrap(outputs.objectStore?.accessKeyId as pulumi.Output<string>)).toBe(
      key.outputs.accessKey,
    );
    expect(await unwrap(outputs.database?.port as pulumi.Output<number>)).toBe(5432);
    expect(await unwrap(outputs.database?.host as pulumi.Output<string>)).toMatch(
      /^10\.\d+\.0\.\d+$/,
    );
    expect(await unwrap(outputs.registry?.endpoint as pulumi.Output<string>)).toMatch(
      /^rg\.fr-par\.scw\.cloud\/test-par-registry-[0-9a-f]{6}$/,
    );
  });

  it("gives the registry an IAM key allowed Container Registry in the namespace's project only, user nologin", async () => {
    const { outputs, resources } = await build();
    const policy = resourceOf(resources, "scaleway:iam/policy:Policy", "par-registry-policy");
    const application = resourceOf(
      resources,
      "scaleway:iam/application:Application",
      "par-registry-application",
    );
    // The namespace's project: unknown until the provider answers (no projectId in config).
    expect(policy.inputs.rules).toEqual([
      { permissionSetNames: ["ContainerRegistryFullAccess"], projectIds: [null] },
    ]);
    const key = resourceOf(resources, "scaleway:iam/apiKey:ApiKey", "par-registry-key");
    expect(key.inputs.applicationId).toBe(policy.inputs.applicationId);
    expect(application.inputs.description).toBe(
      "Registry credential of target par (copy job and image pulls)",
    );
    expect(await unwrap(outputs.registry?.credential?.username as pulumi.Output<string>)).toBe(
      "nologin",
    );
    expect(
      pulumi.isSecret(outputs.registry?.credential?.password as pulumi.Output<string>),
    ).toBeTruthy();
  });

  it("leaves out the database, the bucket and the registry when the target turns them off", async () => {
    const { outputs, resources } = await build({
      database: { enabled: false },
      objectStore: { enabled: false },
      registry: false,
    });
    expect([outputs.database, outputs.objectStore, outputs.registry]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(resources.map((r) => r.name).sort()).toEqual([
      "par-cluster",
      "par-kubernetes",
      "par-node-pool",
      "par-private-network",
      "par-scaleway",
      "par-vpc",
      "parent",
    ]);
  });

  it("plans with no secret set, and database.passwordRotation is the passwords' keeper", async () => {
    const recording = recordingMocks({ stack: STACK });
    const ctx = contextFor(
      { ...TARGETS.scaleway, database: { passwordRotation: "2026-12" } },
      { secrets: {} },
    );
    runAdapter(adapter, ctx, testParent());
    const resources = await settle(recording);
    expect(
      generatedPassword(resources, "par-database-app-password", {
        role: "app",
        rotation: "2026-12",
      }),
    ).toMatch(/^Mock-1[0-9a-f]{26}$/);
  });

  it("fails early without an organization for the bucket credential, naming the key and the variable", async () => {
    // The parent registers under this test's mocks and settles before the next test swaps them.
    const recording = recordingMocks({ stack: STACK });
    const ctx = contextFor({ ...TARGETS.scaleway, organizationId: undefined });
    const saved = ORGANIZATION_ENV.map((k) => [k, process.env[k]] as const);
    for (const k of ORGANIZATION_ENV) process.env[k] = "";
    const parent = testParent();
    try {
      expect(thrownBy(() => scalewayObjectStore("par", ctx as ScalewayContext, parent))).toBe(
        "target par: the bucket and registry credentials (Scaleway IAM applications, policies and API keys) need an " +
          "organization id; set sovereign:targets[].organizationId on target par in the stack file, or export " +
          "SCW_DEFAULT_ORGANIZATION_ID",
      );
    } finally {
      for (const [k, v] of saved) process.env[k] = v ?? "";
    }
    await settle(recording);
  });

  it("puts the organization on the IAM application and its policy", async () => {
    const { resources } = await build();
    for (const [type, name] of [
      ["scaleway:iam/application:Application", "par-bucket-application"],
      ["scaleway:iam/policy:Policy", "par-bucket-policy"],
    ] as const)
      expect(resourceOf(resources, type, name).inputs.organizationId).toBe(SCALEWAY_ORGANIZATION);
  });
});

describe("scalewayOrganization", () => {
  test.each([
    ["config first", { organizationId: "a" }, { SCW_DEFAULT_ORGANIZATION_ID: "b" }, "a"],
    [
      "then the Go SDK's variable",
      {},
      { SCW_DEFAULT_ORGANIZATION_ID: "b", SCW_ORGANIZATION_ID: "c" },
      "b",
    ],
    ["then the Pulumi SDK's variable", {}, { SCW_ORGANIZATION_ID: "c" }, "c"],
    ["else none", {}, { SCW_DEFAULT_ORGANIZATION_ID: "" }, undefined],
  ])("reads %s", (_, target, env, expected) => {
    expect(scalewayOrganization(target, env)).toBe(expected);
  });
});
