import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, test } from "vitest";
import { ovhcloudAdapter } from "../../../components/adapters/ovhcloud";
import { KUBERNETES_ENDPOINTS, matchHost } from "../../../config/catalog/hosts";
import { dhcpRange } from "../../../components/adapters/ovhcloud/network";
import { grantStatements } from "../../../components/adapters/ovhcloud/database-grants";
import { bucketPolicy } from "../../../components/adapters/ovhcloud/object-store";
import { ovhDatabasePlan } from "../../../components/adapters/ovhcloud/plans";
import type { PlatformAdapter } from "../../../components/contract/types";
import { recordingMocks, settle, shapeOf, unwrap } from "../../helpers/mocks";
import {
  contextFor,
  OVH_PROJECT,
  resourceOf,
  runAdapter,
  STACK,
  TARGETS,
  testParent,
  thrownBy,
} from "./fixtures";

const adapter = ovhcloudAdapter as PlatformAdapter;

async function build(target: Record<string, unknown> = {}, environment: "dev" | "prod" = "dev") {
  const recording = recordingMocks({ stack: STACK });
  const ctx = contextFor({ ...TARGETS.ovhcloud, ...target } as typeof TARGETS.ovhcloud, {
    environment,
  });
  const outputs = runAdapter(adapter, ctx, testParent());
  await unwrap(outputs.cluster.kubeconfig);
  return { outputs, resources: await settle(recording) };
}

const DATABASE = "ovh:CloudProject/database:Database";

describe("ovhcloudAdapter", () => {
  it("creates exactly the OVHcloud platform, every child parented to the platform", async () => {
    const { resources } = await build();
    expect(shapeOf(resources)).toEqual([
      { type: "kubernetes:batch/v1:Job", name: "gra-database-grants", parent: "parent" },
      { type: "kubernetes:core/v1:Namespace", name: "gra-database-namespace", parent: "parent" },
      {
        type: "kubernetes:core/v1:Secret",
        name: "gra-database-admin-credentials",
        parent: "parent",
      },
      { type: "kubernetes:core/v1:Secret", name: "gra-database-pull-secret", parent: "parent" },
      {
        type: "ovh:CloudProject/containerRegistry:ContainerRegistry",
        name: "gra-registry",
        parent: "parent",
      },
      {
        type: "ovh:CloudProject/containerRegistryUser:ContainerRegistryUser",
        name: "gra-registry-user",
        parent: "parent",
      },
      { type: "ovh:CloudProject/database:Database", name: "gra-database", parent: "parent" },
      { type: "ovh:CloudProject/gateway:Gateway", name: "gra-gateway", parent: "parent" },
      { type: "ovh:CloudProject/kube:Kube", name: "gra-cluster", parent: "parent" },
      {
        type: "ovh:CloudProject/kubeNodePool:KubeNodePool",
        name: "gra-node-pool",
        parent: "parent",
      },
      {
        type: "ovh:CloudProject/networkPrivate:NetworkPrivate",
        name: "gra-private-network",
        parent: "parent",
      },
      {
        type: "ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet",
        name: "gra-subnet",
        parent: "parent",
      },
      {
        type: "ovh:CloudProject/s3Credential:S3Credential",
        name: "gra-bucket-credential",
        parent: "parent",
      },
      { type: "ovh:CloudProject/s3Policy:S3Policy", name: "gra-bucket-policy", parent: "parent" },
      { type: "ovh:CloudProject/storage:Storage", name: "gra-bucket", parent: "parent" },
      { type: "ovh:CloudProject/user:User", name: "gra-bucket-user", parent: "parent" },
      {
        type: "ovh:CloudProjectDatabase/databaseInstance:DatabaseInstance",
        name: "gra-database-db",
        parent: "parent",
      },
      {
        type: "ovh:CloudProjectDatabase/postgresSqlUser:PostgresSqlUser",
        name: "gra-database-admin",
        parent: "parent",
      },
      {
        type: "ovh:CloudProjectDatabase/postgresSqlUser:PostgresSqlUser",
        name: "gra-database-user",
        parent: "parent",
      },
      { type: "pulumi:providers:kubernetes", name: "gra-kubernetes", parent: "parent" },
      { type: "pulumi:providers:ovh", name: "gra-ovh", parent: "parent" },
      { type: "test:index:Parent", name: "parent", parent: undefined },
    ]);
  });

  it("names the region explicitly on every located resource, in OVHcloud's spelling for each service", async () => {
    const { resources } = await build();
    const of = (type: string, name: string) => resourceOf(resources, type, name).inputs;
    expect(
      of("ovh:CloudProject/networkPrivate:NetworkPrivate", "gra-private-network").regions,
    ).toEqual(["GRA9"]);
    expect(
      of("ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet", "gra-subnet").region,
    ).toBe("GRA9");
    expect(of("ovh:CloudProject/kube:Kube", "gra-cluster").region).toBe("GRA9");
    expect(of("ovh:CloudProject/storage:Storage", "gra-bucket").regionName).toBe("GRA");
    expect(of("ovh:CloudProject/containerRegistry:ContainerRegistry", "gra-registry").region).toBe(
      "GRA",
    );
    const database = of(DATABASE, "gra-database");
    expect((database.nodes as { region: string }[]).map((n) => n.region)).toEqual(["GRA", "GRA"]);
    expect(database.backupRegions).toEqual(["GRA"]);
  });

  it("sends every OVH resource through the EU API endpoint and the target's project", async () => {
    const { resources } = await build();
    const provider = resourceOf(resources, "pulumi:providers:ovh", "gra-ovh");
    expect(provider.inputs).toEqual({ endpoint: "ovh-eu" });
    const ovhResources = resources.filter((r) => r.type.startsWith("ovh:"));
    expect(ovhResources).toHaveLength(15);
    for (const r of ovhResources) {
      expect(r.provider?.startsWith(`${provider.urn}::`)).toBe(true);
      expect(r.inputs.serviceName).toBe(OVH_PROJECT);
    }
  });

  it("builds MKS on the private subnet with an autoscaled pool of the size's flavour", async () => {
    const { resources } = await build({ size: "medium", nodes: { min: 3, max: 7 } });
    const kube = resourceOf(resources, "ovh:CloudProject/kube:Kube", "gra-cluster");
    const subnet = resourceOf(
      resources,
      "ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet",
      "gra-subnet",
    );
    expect(kube.inputs).toMatchObject({ version: "1.36", plan: "free" });
    expect(kube.dependencies).toContain(subnet.urn);
    expect(
      resourceOf(resources, "ovh:CloudProject/kubeNodePool:KubeNodePool", "gra-node-pool").inputs,
    ).toMatchObject({
      flavorName: "b3-16",
      desiredNodes: 3,
      minNodes: 3,
      maxNodes: 7,
      autoscale: true,
    });
    expect(
      resourceOf(resources, "ovh:CloudProject/kubeNodePool:KubeNodePool", "gra-node-pool").inputs
        .availabilityZones,
    ).toBeUndefined();
  });

  test.each([
    ["the region's first zone by default", {}, ["eu-west-par-a"]],
    ["the target's zone", { zone: "eu-west-par-c" }, ["eu-west-par-c"]],
  ])("puts the node pool of a 3-AZ region in one zone: %s", async (_, zone, expected) => {
    const { resources } = await build({ region: "EU-WEST-PAR", ...zone });
    expect(
      resourceOf(resources, "ovh:CloudProject/kubeNodePool:KubeNodePool", "gra-node-pool").inputs
        .availabilityZones,
    ).toEqual(expected);
  });

  it("uses the network's OpenStack id in the target's region for the cluster and the database", async () => {
    const { resources } = await build();
    const network = resourceOf(
      resources,
      "ovh:CloudProject/networkPrivate:NetworkPrivate",
      "gra-private-network",
    );
    const openstackId = (
      network.outputs.regionsAttributes as { region: string; openstackid: string }[]
    ).find((a) => a.region === "GRA9")?.openstackid;
    expect(
      resourceOf(resources, "ovh:CloudProject/kube:Kube", "gra-cluster").inputs.privateNetworkId,
    ).toBe(openstackId);
    const nodes = resourceOf(resources, DATABASE, "gra-database").inputs.nodes as {
      networkId: string;
    }[];
    expect(nodes.map((n) => n.networkId)).toEqual([openstackId, openstackId]);
  });

  it("opens the database to the private subnet only and keeps its backups in its region", async () => {
    const { resources } = await build({ subnetCidr: "10.30.4.0/22" });
    expect(resourceOf(resources, DATABASE, "gra-database").inputs).toMatchObject({
      engine: "postgresql",
      version: "16",
      ipRestrictions: [{ ip: "10.30.4.0/22", description: "private subnet of target gra" }],
      backupTime: "03:00:00",
      backupRegions: ["GRA"],
    });
    expect(
      resourceOf(
        resources,
        "ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet",
        "gra-subnet",
      ).inputs,
    ).toMatchObject({
      network: "10.30.4.0/22",
      start: "10.30.4.2",
      end: "10.30.7.254",
      dhcp: true,
      noGateway: false,
    });
  });

  it("gives the subnet a gateway, which the cluster waits for (MKS public load balancers need one)", async () => {
    const { resources } = await build();
    const network = resourceOf(
      resources,
      "ovh:CloudProject/networkPrivate:NetworkPrivate",
      "gra-private-network",
    );
    const subnet = resourceOf(
      resources,
      "ovh:CloudProject/networkPrivateSubnet:NetworkPrivateSubnet",
      "gra-subnet",
    );
    const gateway = resourceOf(resources, "ovh:CloudProject/gateway:Gateway", "gra-gateway");
    const kube = resourceOf(resources, "ovh:CloudProject/kube:Kube", "gra-cluster");
    expect(gateway.dependencies).toContain(subnet.urn);
    expect(gateway.inputs).toEqual({
      serviceName: OVH_PROJECT,
      name: expect.stringMatching(/^test-gra-gateway-[0-9a-f]{6}$/),
      model: "s",
      region: "GRA9",
      networkId: (
        network.outputs.regionsAttributes as { region: string; openstackid: string }[]
      ).find((a) => a.region === "GRA9")?.openstackid,
      subnetId: kube.inputs.nodesSubnetId,
    });
    expect(
      resourceOf(resources, "ovh:CloudProject/kube:Kube", "gra-cluster").dependencies,
    ).toContain(gateway.urn);
  });

  it("attaches nothing to a vRack unless config names it", async () => {
    const { resources } = await build();
    expect(resources.filter((r) => r.type === "ovh:Vrack/cloudProject:CloudProject")).toEqual([]);
  });

  test.each([
    ["attaches the project", false, ""],
    ["adopts the existing attachment", true, `pn-000001/${OVH_PROJECT}`],
  ])(
    "with config's vRack, %s, never detaches it, and creates the network after it",
    async (_, attached, importId) => {
      const { resources } = await build({ vrack: { serviceName: "pn-000001", attached } });
      const attachment = resourceOf(resources, "ovh:Vrack/cloudProject:CloudProject", "gra-vrack");
      expect([attachment.inputs, attachment.id, attachment.retainOnDelete]).toEqual([
        { serviceName: "pn-000001", projectId: OVH_PROJECT },
        importId,
        true,
      ]);
      expect(
        resourceOf(
          resources,
          "ovh:CloudProject/networkPrivate:NetworkPrivate",
          "gra-private-network",
        ).dependencies,
      ).toContain(attachment.urn);
    },
  );

  test.each([
    ["small", false, 2, "essential", 1, "db1-4"],
    ["small", false, 7, "business", 2, "db1-4"],
    ["small", true, 2, "business", 2, "db1-4"],
    ["medium", false, 2, "business", 2, "db1-7"],
    ["large", true, 30, "enterprise", 3, "db1-15"],
  ] as const)(
    "size %s, HA %s, %i days of backups: plan %s with %i nodes of %s",
    async (size, highAvailability, backupRetentionDays, plan, nodes, flavor) => {
      const { resources } = await build({
        database: { size, highAvailability, backupRetentionDays },
      });
      const database = resourceOf(resources, DATABASE, "gra-database").inputs;
      expect([database.plan, (database.nodes as unknown[]).length, database.flavor]).toEqual([
        plan,
        nodes,
        flavor,
      ]);
    },
  );

  it("fails when no plan keeps backups as long as asked, naming the limit and the key", async () => {
    const recording = recordingMocks({ stack: STACK });
    const ctx = contextFor({ ...TARGETS.ovhcloud, database: { backupRetentionDays: 31 } });
    expect(thrownBy(() => runAdapter(adapter, ctx, testParent()))).toBe(
      "target gra: database.backupRetentionDays is 31, but OVHcloud plans keep backups at most 30 days; set " +
        "sovereign:targets[].database.backupRetentionDays to 30 or less",
    );
    await settle(recording);
  });

  it("encrypts and versions the bucket and limits its credential to the bucket", async () => {
    const { resources } = await build();
    const bucket = resourceOf(resources, "ovh:CloudProject/storage:Storage", "gra-bucket");
    expect(bucket.inputs).toMatchObject({
      versioning: { status: "enabled" },
      encryption: { sseAlgorithm: "AES256" },
      hideObjects: true,
    });
    expect(
      resourceOf(resources, "ovh:CloudProject/user:User", "gra-bucket-user").inputs.roleNames,
    ).toEqual(["objectstore_operator"]);
    expect(
      resourceOf(resources, "ovh:CloudProject/s3Policy:S3Policy", "gra-bucket-policy").inputs
        .policy,
    ).toBe(bucketPolicy(bucket.inputs.name as string));
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
      // The admin mapping is never deleted, whatever the environment.
      expect(stateful).toEqual(
        expected
          ? ["gra-bucket", "gra-database", "gra-database-admin", "gra-database-db"]
          : ["gra-database-admin"],
      );
      expect(resourceOf(resources, DATABASE, "gra-database").inputs.deletionProtection).toBe(
        expected,
      );
    },
  );

  it("hands over the generated credentials as secrets and the endpoints OVHcloud reports", async () => {
    const { outputs, resources } = await build();
    const credential = resourceOf(
      resources,
      "ovh:CloudProject/s3Credential:S3Credential",
      "gra-bucket-credential",
    );
    const user = resourceOf(
      resources,
      "ovh:CloudProjectDatabase/postgresSqlUser:PostgresSqlUser",
      "gra-database-user",
    );
    const store = outputs.objectStore as NonNullable<typeof outputs.objectStore>;
    const db = outputs.database as NonNullable<typeof outputs.database>;
    expect(await unwrap(store.secretAccessKey)).toBe(credential.outputs.secretAccessKey);
    expect(await pulumi.isSecret(store.secretAccessKey)).toBe(true);
    expect(await unwrap(store.endpoint)).toBe("https://s3.gra.io.cloud.ovh.net");
    expect(store.s3Region).toBe("gra");
    expect(await unwrap(db.password)).toBe(user.outputs.password);
    expect(await pulumi.isSecret(db.password)).toBe(true);
    expect(await unwrap(db.host)).toMatch(
      /^postgresql-[0-9a-f]{8}-[0-9a-f]{8}\.database\.cloud\.ovh\.net$/,
    );
    expect(await unwrap(db.port)).toBe(20184);
    const server =
      /server: https:\/\/(\S+)/.exec(await unwrap(outputs.cluster.kubeconfig))?.[1] ?? "";
    expect(server).toMatch(/^[0-9a-f]{6}\.c1\.gra9\.k8s\.ovh\.net$/);
    expect(matchHost(KUBERNETES_ENDPOINTS, server)).toEqual({
      vendor: "ovhcloud",
      label: "OVHcloud Managed Kubernetes",
      site: "gra9",
    });
    expect(await unwrap(outputs.registry?.endpoint as pulumi.Output<string>)).toMatch(
      /^[0-9a-f]{8}\.c1\.gra\.container-registry\.ovh\.net\/sovereign$/,
    );
    const registryUser = resourceOf(
      resources,
      "ovh:CloudProject/containerRegistryUser:ContainerRegistryUser",
      "gra-registry-user",
    );
    expect(registryUser.inputs.login).toMatch(/^test-gra-sync-[0-9a-f]{6}$/);
    const registryCredential = outputs.registry?.credential;
    expect(await unwrap(registryCredential?.username as pulumi.Output<string>)).toBe(
      registryUser.inputs.login,
    );
    expect(await unwrap(registryCredential?.password as pulumi.Output<string>)).toBe(
      registryUser.outputs.password,
    );
    expect(await pulumi.isSecret(registryCredential?.password as pulumi.Output<string>)).toBe(true);
  });
});

describe("application grants (PostgreSQL 15+ leaves public to its owner)", () => {
  const JOB = "kubernetes:batch/v1:Job";
  const SECRET = "kubernetes:core/v1:Secret";
  const USER = "ovh:CloudProjectDatabase/postgresSqlUser:PostgresSqlUser";

  it("runs psql as avnadmin from the mirror, stopping on the first error, after the database and both users", async () => {
    const { resources } = await build({ database: { passwordRotation: "2026-12" } });
    const admin = resourceOf(resources, USER, "gra-database-admin");
    expect(admin.inputs).toMatchObject({ name: "avnadmin", passwordReset: "2026-12" });
    const job = resourceOf(resources, JOB, "gra-database-grants");
    const pod = (job.inputs.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    const [container] = pod.containers as Record<string, unknown>[];
    expect(container?.image).toBe(
      "rg.fr-par.scw.cloud/eu-fleet-par-registry/cloudnative-pg/postgresql:16.15-system-trixie",
    );
    expect(container?.command).toEqual([
      "psql",
      "--no-psqlrc",
      "--set=ON_ERROR_STOP=1",
      ...grantStatements("app", "app").flatMap((sql) => ["--command", sql]),
    ]);
    expect(pod.imagePullSecrets).toEqual([{ name: "sovereign-registry" }]);
    expect(job.inputs.metadata).toMatchObject({ namespace: "sovereign-data" });
    expect((job.inputs.spec as Record<string, unknown>).ttlSecondsAfterFinished).toBeUndefined();
    const after = ["gra-database-db", "gra-database-user", "gra-database-admin"].map(
      (name) => resources.find((r) => r.name === name)?.urn,
    );
    expect(job.dependencies).toEqual(expect.arrayContaining(after));
  });

  it("hands the admin's password to the Job through a Secret only, recorded as secret", async () => {
    const { resources } = await build();
    const admin = resourceOf(resources, USER, "gra-database-admin");
    const credentials = resourceOf(resources, SECRET, "gra-database-admin-credentials");
    expect(credentials.inputs.stringData).toMatchObject({
      PGUSER: "avnadmin",
      PGDATABASE: "app",
      PGPORT: "20184",
      PGPASSWORD: admin.outputs.password,
    });
    expect(credentials.secretPaths).toContain("stringData.PGPASSWORD");
    const job = resourceOf(resources, JOB, "gra-database-grants");
    expect(JSON.stringify(job.inputs)).not.toContain(String(admin.outputs.password));
    const pod = (job.inputs.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    const [container] = pod.containers as { env: { name: string; valueFrom?: unknown }[] }[];
    expect(container?.env.find((e) => e.name === "PGPASSWORD")?.valueFrom).toEqual({
      secretKeyRef: { name: "database-admin", key: "PGPASSWORD" },
    });
  });

  it("grants what Scaleway's `all` privilege gives: schemas in the database, tables in public", () => {
    expect(grantStatements("app", 'we"ird')).toEqual([
      "CREATE EXTENSION IF NOT EXISTS aiven_extras CASCADE",
      "SELECT aiven_extras.claim_public_schema_ownership()",
      'GRANT ALL PRIVILEGES ON DATABASE "app" TO "we""ird"',
      'GRANT ALL ON SCHEMA public TO "we""ird"',
    ]);
  });
});

describe("dhcpRange", () => {
  test.each([
    ["10.20.0.0/24", { network: "10.20.0.0/24", start: "10.20.0.2", end: "10.20.0.254" }],
    ["10.20.0.77/24", { network: "10.20.0.0/24", start: "10.20.0.2", end: "10.20.0.254" }],
    ["192.168.8.0/21", { network: "192.168.8.0/21", start: "192.168.8.2", end: "192.168.15.254" }],
    ["172.16.0.8/29", { network: "172.16.0.8/29", start: "172.16.0.10", end: "172.16.0.14" }],
  ])("%s gives %j", (cidr, range) => {
    expect(dhcpRange(cidr)).toEqual(range);
  });

  test.each(["10.20.0.0/30", "10.20.0/24", "300.1.1.1/24"])(
    "fails when the subnet is %s",
    (cidr) => {
      expect(() => dhcpRange(cidr)).toThrow(
        `subnet ${cidr} must be an IPv4 CIDR with a prefix from /8 to /29, such as 10.20.0.0/24`,
      );
    },
  );
});

describe("ovhDatabasePlan", () => {
  it("gives no plan when the retention is beyond every plan's", () => {
    expect(
      ovhDatabasePlan({ size: "large", highAvailability: true, backupRetentionDays: 31 }),
    ).toBeUndefined();
  });
});
