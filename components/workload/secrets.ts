/**
 * The connections a platform can hand a workload (PostgreSQL, S3 object storage) as one table: which environment
 * variables each one fills, from which platform outputs, and which egress port it opens. Credentials reach the
 * container only through a Kubernetes Secret and `secretKeyRef`, never as plain env values.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PlatformContract } from "../contract/types";
import type { Workload as WorkloadConfig } from "../../config/schema";

/** The capabilities a workload can be wired to; the names match both `Workload` and `PlatformContract` fields. */
export const ConnectionName = { database: "database", objectStore: "objectStore" } as const;
export type ConnectionName = (typeof ConnectionName)[keyof typeof ConnectionName];
export const CONNECTION_NAMES = Object.values(ConnectionName);

/** HTTPS port an S3 endpoint URL implies when it names none. */
const HTTPS_PORT = 443;

interface Connection {
  /** Kebab-case role: the child names `${name}-<role>` and the Secret `<workload>-<role>` use it. */
  readonly role: string;
  /** Environment variables (= Secret keys) the container gets, in this order. */
  readonly keys: readonly string[];
  /** The Secret's values per key; undefined when the platform does not offer the capability. */
  readonly data: (platform: PlatformContract) => Record<string, pulumi.Input<string>> | undefined;
  /** TCP port the workload's egress must reach; undefined when the platform does not offer the capability. */
  readonly egressPort: (platform: PlatformContract) => pulumi.Output<number> | undefined;
}

/** `https://s3.fr-par.scw.cloud` → 443; `https://minio.example.eu:9000` → 9000. */
export function portOfUrl(url: string): number {
  const port = new URL(url).port;
  return port === "" ? HTTPS_PORT : Number(port);
}

/**
 * Per connection, what it wires. The database keys are the variables libpq reads by itself, so most PostgreSQL
 * clients connect without code; the S3 keys are the ones AWS SDKs and most S3 clients read.
 */
export const CONNECTIONS: Readonly<Record<ConnectionName, Connection>> = {
  database: {
    role: "database",
    keys: ["PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSSLMODE"],
    data: ({ database: db }) =>
      db && {
        PGHOST: db.host,
        PGPORT: db.port.apply(String),
        PGDATABASE: db.database,
        PGUSER: db.user,
        PGPASSWORD: db.password,
        PGSSLMODE: db.sslMode,
      },
    egressPort: ({ database: db }) => db?.port,
  },
  objectStore: {
    role: "object-store",
    keys: ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
    data: ({ objectStore: s3 }) =>
      s3 && {
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        S3_REGION: s3.s3Region,
        AWS_ACCESS_KEY_ID: s3.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      },
    egressPort: ({ objectStore: s3 }) => s3?.endpoint.apply(portOfUrl),
  },
};

/**
 * The connections wired for this workload on this platform, in table order: those the workload asks for
 * (`database`, `objectStore`, both default true) and the platform offers. A target without the capability simply
 * leaves it out, so one workload declaration runs on every target.
 */
export function wiredConnections(
  workload: Pick<WorkloadConfig, ConnectionName>,
  platform: Pick<PlatformContract, ConnectionName>,
): ConnectionName[] {
  return CONNECTION_NAMES.filter((c) => workload[c] && platform[c] !== undefined);
}

/** Kubernetes name of a connection's Secret in the workload's namespace: `shop-database`, `shop-object-store`. */
export function connectionSecretName(workloadName: string, connection: ConnectionName): string {
  return `${workloadName}-${CONNECTIONS[connection].role}`;
}

/**
 * The Secret's `stringData`, as one secret Output: every value, not only the password, is marked secret so no
 * piece of a connection string shows in plain text in state or previews. Throws when the platform lacks the
 * capability (call it only for `wiredConnections`).
 */
export function connectionSecretData(
  connection: ConnectionName,
  platform: PlatformContract,
): pulumi.Output<Record<string, string>> {
  const data = CONNECTIONS[connection].data(platform);
  if (data === undefined) {
    throw new Error(
      `the platform of target ${platform.targetName} offers no ${connection}; wire only wiredConnections()`,
    );
  }
  return pulumi.secret(pulumi.all(data));
}
