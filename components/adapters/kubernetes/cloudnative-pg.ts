/**
 * In-cluster PostgreSQL through the CloudNativePG operator (installed beforehand by the cluster's owner): a
 * `Cluster` custom resource with its application credentials, continuous backup (WAL + daily base backups) to the
 * target's external S3 bucket kept `backupRetentionDays`, in a namespace of its own.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { mirroredImage } from "../../../config/catalog/mirrored";
import type {
  ClusterOutputs,
  DatabaseOutputs,
  ObjectStoreOutputs,
  TargetImages,
} from "../../contract/types";
import { pullSecretsIn } from "../../contract/images";
import { physicalName } from "../../contract/naming";
import { APP_DATABASE, DATABASE_NAMESPACE, statefulOptions } from "../common";
import { databasePassword } from "../passwords";
import type { DatabaseOf, KubernetesContext } from "./context";

/**
 * The Barman Cloud Plugin, which replaces CloudNativePG's in-tree `barmanObjectStore` backups (deprecated since
 * CloudNativePG 1.26: plugin-barman-cloud web/docs/migration.md). Installed by the cluster's owner like the operator
 * itself, in the operator's namespace, from the release manifest of `version` (it needs CloudNativePG 1.26+ and
 * cert-manager: web/docs/installation.mdx).
 */
export const BARMAN_CLOUD = {
  apiVersion: "barmancloud.cnpg.io/v1",
  /** The plugin's name in `Cluster.spec.plugins` and `ScheduledBackup.spec.pluginConfiguration`. */
  plugin: "barman-cloud.cloudnative-pg.io",
  version: "v0.14.0",
  manifest:
    "https://github.com/cloudnative-pg/plugin-barman-cloud/releases/download/v0.14.0/manifest.yaml",
} as const;

export const CLOUDNATIVE_PG = {
  apiVersion: "postgresql.cnpg.io/v1",
  namespace: DATABASE_NAMESPACE,
  port: 5432,
  /** Six-field cron (seconds first), 03:00 every day. */
  backupSchedule: "0 0 3 * * *",
  /** Keys of the backup credentials Secret. */
  keys: {
    accessKeyId: "ACCESS_KEY_ID",
    secretAccessKey: "ACCESS_SECRET_KEY",
    region: "ACCESS_REGION",
  },
} as const;

/** The CloudNativePG `Cluster` name of a target (also the prefix of its Services, e.g. `<name>-rw`). */
export function cloudNativePgName(target: string): string {
  return physicalName([target, "postgres"], "kubernetes");
}

/**
 * Children: `${name}-database-namespace`, `${name}-database-credentials`, `${name}-database-backup-credentials`,
 * `${name}-database-object-store` (the Barman Cloud ObjectStore), `${name}-database` (the Cluster), `${name}-database-backup-schedule`, `${name}-database-app-password`. Backups need the target's external object
 * store: without one the database would have no copy outside the cluster, so this refuses to create it.
 */
export function cloudNativePgDatabase(
  name: string,
  ctx: KubernetesContext,
  settings: DatabaseOf<"in-cluster">,
  deps: {
    cluster: ClusterOutputs;
    objectStore: ObjectStoreOutputs | undefined;
    images: TargetImages;
  },
  parent: pulumi.Resource,
): DatabaseOutputs {
  const store = deps.objectStore;
  if (store === undefined) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name}: the in-cluster database (CloudNativePG) backs up to S3, but the target has no ` +
        `object store; set sovereign:targets[].objectStore to {mode: external, ...} with the vendor's S3 endpoint, ` +
        `or use database.mode external`,
      parent,
    );
  }
  const opts: pulumi.CustomResourceOptions = { parent, provider: deps.cluster.provider };
  const stateful = pulumi.mergeOptions(opts, statefulOptions(ctx));
  const labels = { ...ctx.labels };
  const clusterName = cloudNativePgName(ctx.target.name);
  const keys = CLOUDNATIVE_PG.keys;

  const namespace = new k8s.core.v1.Namespace(
    `${name}-database-namespace`,
    { metadata: { name: CLOUDNATIVE_PG.namespace, labels } },
    stateful,
  );
  const meta = (objectName: string) => ({
    name: objectName,
    namespace: namespace.metadata.name,
    labels,
  });
  const password = databasePassword(
    `${name}-database`,
    { role: APP_DATABASE.user, rotation: settings.passwordRotation },
    parent,
  );
  const credentials = new k8s.core.v1.Secret(
    `${name}-database-credentials`,
    {
      metadata: meta(`${clusterName}-app`),
      type: "kubernetes.io/basic-auth",
      stringData: { username: APP_DATABASE.user, password },
    },
    opts,
  );
  const backupCredentials = new k8s.core.v1.Secret(
    `${name}-database-backup-credentials`,
    {
      metadata: meta(`${clusterName}-backup`),
      type: "Opaque",
      stringData: {
        [keys.accessKeyId]: store.accessKeyId,
        [keys.secretAccessKey]: store.secretAccessKey,
        [keys.region]: store.s3Region,
      },
    },
    opts,
  );
  const secretKey = (key: string) => ({ name: backupCredentials.metadata.name, key });
  // The in-tree `barmanObjectStore` settings move as they are under `spec.configuration`, the retention with them.
  const objectStore = new k8s.apiextensions.CustomResource(
    `${name}-database-object-store`,
    {
      apiVersion: BARMAN_CLOUD.apiVersion,
      kind: "ObjectStore",
      metadata: meta(`${clusterName}-backups`),
      spec: {
        retentionPolicy: `${settings.backupRetentionDays}d`,
        configuration: {
          destinationPath: pulumi.interpolate`s3://${store.bucket}/cloudnative-pg/${ctx.target.name}`,
          endpointURL: store.endpoint,
          s3Credentials: {
            accessKeyId: secretKey(keys.accessKeyId),
            secretAccessKey: secretKey(keys.secretAccessKey),
            region: secretKey(keys.region),
          },
          wal: { compression: "gzip" },
          data: { compression: "gzip" },
        },
      },
    },
    opts,
  );
  const cluster = new k8s.apiextensions.CustomResource(
    `${name}-database`,
    {
      apiVersion: CLOUDNATIVE_PG.apiVersion,
      kind: "Cluster",
      metadata: meta(clusterName),
      spec: {
        instances: settings.instances,
        // The operator's default image lives on ghcr.io (US-operated): the platform always names one, from the mirror.
        imageName:
          settings.image ??
          deps.images.mirror.endpoint.apply((m) => mirroredImage(m, "cloudNativePgPostgres")),
        imagePullSecrets: pullSecretsIn(
          `${name}-database`,
          namespace.metadata.name,
          deps.images,
          labels,
          opts,
        ),
        storage: { size: settings.storage },
        inheritedMetadata: { labels },
        bootstrap: {
          initdb: {
            database: APP_DATABASE.name,
            owner: APP_DATABASE.user,
            secret: { name: credentials.metadata.name },
          },
        },
        // WAL archiving and base backups through the plugin and this target's ObjectStore (web/docs/usage.md).
        plugins: [
          {
            name: BARMAN_CLOUD.plugin,
            isWALArchiver: true,
            parameters: { barmanObjectName: objectStore.metadata.name },
          },
        ],
      },
    },
    pulumi.mergeOptions(stateful, { dependsOn: [objectStore] }),
  );
  new k8s.apiextensions.CustomResource(
    `${name}-database-backup-schedule`,
    {
      apiVersion: CLOUDNATIVE_PG.apiVersion,
      kind: "ScheduledBackup",
      metadata: meta(`${clusterName}-daily`),
      spec: {
        schedule: CLOUDNATIVE_PG.backupSchedule,
        cluster: { name: clusterName },
        method: "plugin",
        pluginConfiguration: { name: BARMAN_CLOUD.plugin },
        backupOwnerReference: "self",
      },
    },
    pulumi.mergeOptions(opts, { dependsOn: [cluster] }),
  );
  return {
    host: pulumi.output(`${clusterName}-rw.${CLOUDNATIVE_PG.namespace}.svc.cluster.local`),
    port: pulumi.output(CLOUDNATIVE_PG.port),
    database: pulumi.output(APP_DATABASE.name),
    user: pulumi.output(APP_DATABASE.user),
    password,
    // CloudNativePG serves TLS with its own CA: encrypted, not verified against a public CA.
    sslMode: "require",
  };
}
