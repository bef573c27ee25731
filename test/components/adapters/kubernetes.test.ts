import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, test } from "vitest";
import { kubernetesAdapter } from "../../../components/adapters/kubernetes";
import { VERSIONS } from "../../../config/catalog/offerings";
import type { PlatformAdapter } from "../../../components/contract/types";
import { recordingMocks, settle, shapeOf, unwrap } from "../../helpers/mocks";
import {
  contextFor,
  KUBECONFIG,
  resourceOf,
  runAdapter,
  generatedPassword,
  STACK,
  TARGETS,
  testParent,
  testSecrets,
  thrownBy,
} from "./fixtures";

const adapter = kubernetesAdapter as PlatformAdapter;
const CLUSTER = "kubernetes:postgresql.cnpg.io/v1:Cluster";
const EXTERNAL_DB = {
  mode: "external",
  host: "pg.eu01.example.eu",
  database: "shop",
  user: "shop",
  passwordSecret: "pg-password-ske",
} as const;

async function build(target: Record<string, unknown> = {}, environment: "dev" | "prod" = "dev") {
  const recording = recordingMocks({ stack: STACK });
  const ctx = contextFor({ ...TARGETS.kubernetes, ...target } as typeof TARGETS.kubernetes, {
    environment,
  });
  const outputs = runAdapter(adapter, ctx, testParent());
  await unwrap(outputs.cluster.kubeconfig);
  return { outputs, resources: await settle(recording) };
}

describe("kubernetesAdapter", () => {
  it("reaches the existing cluster through the target's kubeconfig and context, creating nothing at the vendor", async () => {
    const { resources, outputs } = await build({ context: "shop-admin", ingressClass: "public" });
    const provider = resourceOf(resources, "pulumi:providers:kubernetes", "ske-kubernetes");
    expect(provider.inputs).toEqual({
      kubeconfig: KUBECONFIG,
      context: "shop-admin",
      enableServerSideApply: "true",
    });
    expect(provider.secretPaths).toEqual(["kubeconfig"]);
    expect(outputs.cluster.ingressClass).toBe("public");
    expect(outputs.network).toBeUndefined();
    // The registry the target names in config, with the password from its secret key.
    expect(await unwrap(outputs.registry?.endpoint as pulumi.Output<string>)).toBe(
      "registry.onstackit.cloud/acme-shop",
    );
    const credential = outputs.registry?.credential;
    expect(await unwrap(credential?.username as pulumi.Output<string>)).toBe(
      "robot$acme-shop+sovereign",
    );
    expect(await unwrap(credential?.password as pulumi.Output<string>)).toBe(
      "test-registry-password",
    );
    expect(await pulumi.isSecret(credential?.password as pulumi.Output<string>)).toBe(true);
    expect(
      resources
        .filter(
          (r) =>
            !r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:kubernetes"),
        )
        .map((r) => r.type)
        .sort(),
    ).toEqual(["random:index/randomPassword:RandomPassword", "test:index:Parent"]);
  });

  it("runs PostgreSQL in the cluster with CloudNativePG, its credentials and a daily backup schedule", async () => {
    const { resources } = await build();
    expect(shapeOf(resources)).toEqual([
      {
        type: "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
        name: "ske-database-object-store",
        parent: "parent",
      },
      { type: "kubernetes:core/v1:Namespace", name: "ske-database-namespace", parent: "parent" },
      {
        type: "kubernetes:core/v1:Secret",
        name: "ske-database-backup-credentials",
        parent: "parent",
      },
      { type: "kubernetes:core/v1:Secret", name: "ske-database-credentials", parent: "parent" },
      { type: "kubernetes:core/v1:Secret", name: "ske-database-pull-secret", parent: "parent" },
      { type: CLUSTER, name: "ske-database", parent: "parent" },
      {
        type: "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup",
        name: "ske-database-backup-schedule",
        parent: "parent",
      },
      { type: "pulumi:providers:kubernetes", name: "ske-kubernetes", parent: "parent" },
      {
        type: "random:index/randomPassword:RandomPassword",
        name: "ske-database-app-password",
        parent: "parent",
      },
      { type: "test:index:Parent", name: "parent", parent: undefined },
    ]);
    const provider = resourceOf(resources, "pulumi:providers:kubernetes", "ske-kubernetes");
    for (const r of resources.filter((x) => x.type.startsWith("kubernetes:"))) {
      expect(r.provider?.startsWith(`${provider.urn}::`)).toBe(true);
    }
  });

  it("sizes the CloudNativePG cluster and backs it up to the target's bucket for the configured days", async () => {
    const { resources } = await build({
      database: {
        mode: "in-cluster",
        instances: 3,
        storage: "50Gi",
        backupRetentionDays: 14,
        image: "registry.onstackit.cloud/acme-shop/postgresql:16.4",
      },
    });
    const cluster = resourceOf(resources, CLUSTER, "ske-database");
    const name = (cluster.inputs.metadata as { name: string }).name;
    expect(name).toMatch(/^ske-postgres-[0-9a-f]{6}$/);
    expect(cluster.inputs.spec).toEqual({
      instances: 3,
      imageName: "registry.onstackit.cloud/acme-shop/postgresql:16.4",
      imagePullSecrets: [{ name: "sovereign-registry" }],
      storage: { size: "50Gi" },
      inheritedMetadata: { labels: (cluster.inputs.metadata as { labels: unknown }).labels },
      bootstrap: { initdb: { database: "app", owner: "app", secret: { name: `${name}-app` } } },
      plugins: [
        {
          name: "barman-cloud.cloudnative-pg.io",
          isWALArchiver: true,
          parameters: { barmanObjectName: `${name}-backups` },
        },
      ],
    });
    const store = resourceOf(
      resources,
      "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
      "ske-database-object-store",
    );
    expect(store.inputs.metadata).toMatchObject({
      name: `${name}-backups`,
      namespace: "sovereign-data",
    });
    expect(store.inputs.spec).toEqual({
      retentionPolicy: "14d",
      configuration: {
        destinationPath: "s3://acme-shop-ske/cloudnative-pg/ske",
        endpointURL: "https://object.storage.eu01.onstackit.cloud",
        s3Credentials: {
          accessKeyId: { name: `${name}-backup`, key: "ACCESS_KEY_ID" },
          secretAccessKey: { name: `${name}-backup`, key: "ACCESS_SECRET_KEY" },
          region: { name: `${name}-backup`, key: "ACCESS_REGION" },
        },
        wal: { compression: "gzip" },
        data: { compression: "gzip" },
      },
    });
    expect(cluster.dependencies).toContain(store.urn);
    expect(
      resourceOf(
        resources,
        "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup",
        "ske-database-backup-schedule",
      ).inputs.spec,
    ).toEqual({
      schedule: "0 0 3 * * *",
      cluster: { name },
      method: "plugin",
      pluginConfiguration: { name: "barman-cloud.cloudnative-pg.io" },
      backupOwnerReference: "self",
    });
  });

  it("runs PostgreSQL from the target's mirror, with its pull Secret, when the target names no image", async () => {
    const { resources } = await build();
    const spec = resourceOf(resources, CLUSTER, "ske-database").inputs.spec as {
      imageName: string;
    };
    expect(spec.imageName).toMatch(
      new RegExp(
        `^rg\\.fr-par\\.scw\\.cloud/eu-fleet-par-registry/cloudnative-pg/postgresql:${VERSIONS.cloudNativePgPostgres}\\.\\d+-system-trixie$`,
      ),
    );
    const pull = resourceOf(resources, "kubernetes:core/v1:Secret", "ske-database-pull-secret");
    expect(pull.inputs.type).toBe("kubernetes.io/dockerconfigjson");
    expect((pull.inputs.metadata as { namespace: string }).namespace).toBe("sovereign-data");
  });

  it("keeps the app password and the S3 keys in Secrets, recorded as secret", async () => {
    const { resources, outputs } = await build();
    const credentials = resourceOf(
      resources,
      "kubernetes:core/v1:Secret",
      "ske-database-credentials",
    );
    expect(credentials.inputs.stringData).toEqual({
      username: "app",
      password: generatedPassword(resources, "ske-database-app-password", {
        role: "app",
        rotation: "",
      }),
    });
    expect([...credentials.secretPaths].sort()).toEqual([
      "stringData.password",
      "stringData.username",
    ]);
    const backup = resourceOf(
      resources,
      "kubernetes:core/v1:Secret",
      "ske-database-backup-credentials",
    );
    expect(backup.inputs.stringData).toEqual({
      ACCESS_KEY_ID: "test-access-key",
      ACCESS_SECRET_KEY: "test-secret-key",
      ACCESS_REGION: "eu01",
    });
    expect(backup.secretPaths).toContain("stringData.ACCESS_SECRET_KEY");
    const db = outputs.database as NonNullable<typeof outputs.database>;
    expect(await pulumi.isSecret(db.password)).toBe(true);
    expect(await unwrap(db.host)).toMatch(
      /^ske-postgres-[0-9a-f]{6}-rw\.sovereign-data\.svc\.cluster\.local$/,
    );
    expect([
      await unwrap(db.port),
      await unwrap(db.database),
      await unwrap(db.user),
      db.sslMode,
    ]).toEqual([5432, "app", "app", "require"]);
  });

  test.each([
    ["prod", true],
    ["dev", false],
  ] as const)(
    "in %s, protects and retains the database and its namespace: %s",
    async (environment, expected) => {
      const { resources } = await build({}, environment);
      const stateful = resources
        .filter((r) => r.protect || r.retainOnDelete)
        .map((r) => r.name)
        .sort();
      expect(stateful).toEqual(expected ? ["ske-database", "ske-database-namespace"] : []);
    },
  );

  it("connects to an external database and bucket from config, with secrets from secret config", async () => {
    const { resources, outputs } = await build({ database: EXTERNAL_DB });
    expect(resources.map((r) => r.name).sort()).toEqual(["parent", "ske-kubernetes"]);
    const db = outputs.database as NonNullable<typeof outputs.database>;
    expect([
      await unwrap(db.host),
      await unwrap(db.port),
      await unwrap(db.database),
      await unwrap(db.user),
    ]).toEqual(["pg.eu01.example.eu", 5432, "shop", "shop"]);
    expect(await unwrap(db.password)).toBe("test-pg-password");
    expect(await pulumi.isSecret(db.password)).toBe(true);
    const store = outputs.objectStore as NonNullable<typeof outputs.objectStore>;
    expect([await unwrap(store.bucket), await unwrap(store.endpoint), store.s3Region]).toEqual([
      "acme-shop-ske",
      "https://object.storage.eu01.onstackit.cloud",
      "eu01",
    ]);
    expect(await pulumi.isSecret(store.accessKeyId)).toBe(true);
  });

  it("offers no database and no object store when both are none", async () => {
    const { outputs } = await build({ database: { mode: "none" }, objectStore: { mode: "none" } });
    expect([outputs.database, outputs.objectStore]).toEqual([undefined, undefined]);
  });

  it("fails when the in-cluster database has no object store to back up to, for callers that skip the schema", async () => {
    const recording = recordingMocks({ stack: STACK });
    const parsed = contextFor(TARGETS.kubernetes);
    const ctx = {
      ...parsed,
      target: { ...parsed.target, objectStore: { mode: "none" } },
    } as typeof parsed;
    expect(thrownBy(() => runAdapter(adapter, ctx, testParent()))).toBe(
      "target ske: the in-cluster database (CloudNativePG) backs up to S3, but the target has no object store; set " +
        "sovereign:targets[].objectStore to {mode: external, ...} with the vendor's S3 endpoint, or use " +
        "database.mode external",
    );
    await settle(recording);
  });

  it("fails when the kubeconfig secret is not set, naming the key and the command", async () => {
    const recording = recordingMocks({ stack: STACK });
    const { "kubeconfig-ske": _, ...secrets } = testSecrets();
    const ctx = contextFor(TARGETS.kubernetes, { secrets });
    expect(thrownBy(() => runAdapter(adapter, ctx, testParent()))).toBe(
      "target ske needs the secret config key sovereign:kubeconfig-ske (the kubeconfig of the stackit cluster), " +
        'which is not set; set it with: pulumi config set --secret sovereign:kubeconfig-ske "$(cat kubeconfig.yaml)" -s test',
    );
    await settle(recording);
  });
});
