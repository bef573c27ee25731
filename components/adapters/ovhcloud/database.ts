/**
 * OVHcloud managed PostgreSQL: a cluster on the target's private subnet, reachable from that subnet only, backed
 * up daily into its own region only, with the application database, its user (OVH generates the password) and the
 * grants that let that user create in its database (database-grants.ts).
 */
import * as ovh from "@ovhcloud/pulumi-ovh";
import * as pulumi from "@pulumi/pulumi";
import { VERSIONS } from "../../../config/catalog/offerings";
import type { DatabaseDeps, DatabaseOutputs } from "../../contract/types";
import { APP_DATABASE, required, statefulOptions } from "../common";
import { applicationGrants, OVH_ADMIN_USER } from "./database-grants";
import { isOvhNetwork } from "./network";
import { OVH_MAX_BACKUP_RETENTION_DAYS, ovhDatabasePlan } from "./plans";
import { ovhName, ovhOffering, ovhOptions, type OvhContext } from "./provider";

export const OVH_POSTGRES = {
  engine: "postgresql",
  /** Daily backup time (UTC). */
  backupTime: "03:00:00",
  /** The endpoint component clients connect to (the primary). */
  endpointComponent: "postgresql",
} as const;

/**
 * Children: `${name}-database` (cluster), `${name}-database-db`, `${name}-database-user`, `${name}-database-admin`
 * (the `avnadmin` mapping, whose password the grants Job uses), and the grants (database-grants.ts). Undefined when
 * `database.enabled` is false.
 */
export function ovhDatabase(
  name: string,
  ctx: OvhContext,
  deps: DatabaseDeps,
  parent: pulumi.Resource,
): DatabaseOutputs | undefined {
  const settings = ctx.target.database;
  if (!settings.enabled) return undefined;
  const network = deps.network;
  if (!isOvhNetwork(network)) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name}: the managed database is reachable on the private subnet only, and none was created`,
      parent,
    );
  }
  const choice = ovhDatabasePlan({
    size: settings.size ?? ctx.target.size,
    highAvailability: settings.highAvailability,
    backupRetentionDays: settings.backupRetentionDays,
  });
  if (choice === undefined) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name}: database.backupRetentionDays is ${settings.backupRetentionDays}, but OVHcloud ` +
        `plans keep backups at most ${OVH_MAX_BACKUP_RETENTION_DAYS} days; set ` +
        `sovereign:targets[].database.backupRetentionDays to ${OVH_MAX_BACKUP_RETENTION_DAYS} or less`,
      parent,
    );
  }
  const { serviceRegion } = ovhOffering(ctx);
  const opts = ovhOptions(name, parent);
  const stateful = pulumi.mergeOptions(opts, statefulOptions(ctx));
  const serviceName = ctx.target.serviceName;
  const node = { region: serviceRegion, networkId: network.id, subnetId: network.subnetId };
  const cluster = new ovh.cloudproject.Database(
    `${name}-database`,
    {
      serviceName,
      description: ovhName(ctx, "postgres"),
      engine: OVH_POSTGRES.engine,
      version: VERSIONS.ovhPostgres,
      plan: choice.plan,
      flavor: choice.flavor,
      nodes: Array.from({ length: choice.nodes }, () => ({ ...node })),
      ipRestrictions: [
        { ip: network.cidr, description: `private subnet of target ${ctx.target.name}` },
      ],
      backupTime: OVH_POSTGRES.backupTime,
      backupRegions: [serviceRegion],
      deletionProtection: ctx.protect,
    },
    stateful,
  );
  const database = new ovh.cloudprojectdatabase.DatabaseInstance(
    `${name}-database-db`,
    { serviceName, clusterId: cluster.id, engine: OVH_POSTGRES.engine, name: APP_DATABASE.name },
    stateful,
  );
  const user = new ovh.cloudprojectdatabase.PostgresSqlUser(
    `${name}-database-user`,
    {
      serviceName,
      clusterId: cluster.id,
      name: APP_DATABASE.user,
      // OVHcloud draws the password; a new value here makes it draw another.
      passwordReset: settings.passwordRotation,
    },
    opts,
  );
  // Maps to the service's existing admin and resets its password (postgresSqlUser.d.ts); the admin is never deleted.
  const admin = new ovh.cloudprojectdatabase.PostgresSqlUser(
    `${name}-database-admin`,
    {
      serviceName,
      clusterId: cluster.id,
      name: OVH_ADMIN_USER,
      passwordReset: settings.passwordRotation,
    },
    pulumi.mergeOptions(opts, { retainOnDelete: true }),
  );
  const endpoint = cluster.endpoints.apply((endpoints) =>
    required(
      endpoints.find((e) => e.component === OVH_POSTGRES.endpointComponent),
      `the ${OVH_POSTGRES.endpointComponent} endpoint of the database cluster`,
    ),
  );
  const outputs: DatabaseOutputs = {
    host: endpoint.apply((e) => e.domain),
    port: endpoint.apply((e) => e.port),
    database: database.name,
    user: user.name,
    password: pulumi.secret(user.password),
    sslMode: "require",
  };
  applicationGrants(
    name,
    {
      cluster: deps.cluster,
      images: deps.images,
      database: outputs,
      adminPassword: pulumi.secret(admin.password),
      labels: ctx.labels,
      dependsOn: [database, user, admin],
    },
    parent,
  );
  return outputs;
}
