/**
 * What OVHcloud's API cannot say: that the application user may create schemas and tables in its database. On
 * PostgreSQL 15+ only the owner of `public` may create in it, and neither `DatabaseInstance` nor `PostgresSqlUser`
 * has an owner field. A Job on the target's cluster grants it as the service's admin user, `avnadmin`; why a Job and
 * not `@pulumi/postgresql` from where `pulumi up` runs: docs/provider-preconditions.md.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { mirroredImage } from "../../../config/catalog/mirrored";
import type { ClusterOutputs, DatabaseOutputs, TargetImages } from "../../contract/types";
import { pullSecretsIn } from "../../contract/images";
import { DATABASE_KEYS, databaseSecretData, hardened, jobPodTemplate } from "../../fleet/jobs";
import { DATABASE_NAMESPACE } from "../common";

/** The admin user every OVHcloud PostgreSQL service has; a `PostgresSqlUser` of this name maps to it. */
export const OVH_ADMIN_USER = "avnadmin";

const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The statements, run as `avnadmin` in the application database. `claim_public_schema_ownership()` makes the
 * session user owner of `public` (Aiven's aiven_extras: `ALTER SCHEMA public OWNER TO session_user`, as Aiven-run
 * services leave `public` to `postgres`); then the application user gets what Scaleway's `all` privilege gives
 * ("create schemas and tables in addition to Read/Write"). Each is idempotent. Pure.
 */
export function grantStatements(database: string, user: string): string[] {
  return [
    "CREATE EXTENSION IF NOT EXISTS aiven_extras CASCADE",
    "SELECT aiven_extras.claim_public_schema_ownership()",
    `GRANT ALL PRIVILEGES ON DATABASE ${quoted(database)} TO ${quoted(user)}`,
    `GRANT ALL ON SCHEMA public TO ${quoted(user)}`,
  ];
}

export const GRANTS_RESOURCES = {
  requests: { cpu: "50m", memory: "64Mi" },
  limits: { cpu: "500m", memory: "128Mi" },
} as const;

/**
 * Children: `${name}-database-namespace`, `${name}-database-admin-credentials` (the admin's connection, a Secret),
 * the pull Secret, and `${name}-database-grants`, a Job `pulumi up` waits for (a failed grant fails the update).
 * No `ttlSecondsAfterFinished`: a Job the cluster deleted would be created again on the next `up`.
 */
export function applicationGrants(
  name: string,
  args: {
    readonly cluster: ClusterOutputs;
    readonly images: TargetImages;
    readonly database: DatabaseOutputs;
    /** The admin's password (secret). */
    readonly adminPassword: pulumi.Output<string>;
    readonly labels: Readonly<Record<string, string>>;
    readonly dependsOn: pulumi.Resource[];
  },
  parent: pulumi.Resource,
): k8s.batch.v1.Job {
  const opts: pulumi.CustomResourceOptions = { parent, provider: args.cluster.provider };
  const labels = { ...args.labels };
  const namespace = new k8s.core.v1.Namespace(
    `${name}-database-namespace`,
    { metadata: { name: DATABASE_NAMESPACE, labels } },
    opts,
  );
  const meta = (objectName: string) => ({
    name: objectName,
    namespace: namespace.metadata.name,
    labels,
  });
  const db = args.database;
  const credentials = new k8s.core.v1.Secret(
    `${name}-database-admin-credentials`,
    {
      metadata: meta("database-admin"),
      type: "Opaque",
      stringData: databaseSecretData({
        host: db.host,
        port: db.port,
        database: db.database,
        user: OVH_ADMIN_USER,
        password: args.adminPassword,
        sslMode: db.sslMode,
      }),
    },
    opts,
  );
  const pullSecrets = pullSecretsIn(
    `${name}-database`,
    namespace.metadata.name,
    args.images,
    labels,
    opts,
  );
  const statements = pulumi
    .all([db.database, db.user])
    .apply(([database, user]) => grantStatements(database, user));
  return new k8s.batch.v1.Job(
    `${name}-database-grants`,
    {
      metadata: meta("database-grants"),
      spec: {
        backoffLimit: 4,
        activeDeadlineSeconds: 600,
        template: jobPodTemplate({
          labels,
          imagePullSecrets: pullSecrets,
          containers: [
            hardened({
              name: "psql",
              image: args.images.mirror.endpoint.apply((m) =>
                mirroredImage(m, "cloudNativePgPostgres"),
              ),
              command: statements.apply((sql) => [
                "psql",
                "--no-psqlrc",
                "--set=ON_ERROR_STOP=1",
                ...sql.flatMap((statement) => ["--command", statement]),
              ]),
              env: [
                ...DATABASE_KEYS.map((key) => ({
                  name: key,
                  valueFrom: { secretKeyRef: { name: credentials.metadata.name, key } },
                })),
                { name: "PGSSLMODE", value: db.sslMode },
              ],
              resources: GRANTS_RESOURCES,
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            }),
          ],
        }),
      },
    },
    pulumi.mergeOptions(opts, { dependsOn: args.dependsOn }),
  );
}
