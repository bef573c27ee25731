/**
 * Scaleway managed PostgreSQL: an encrypted instance on the target's private network only (no public endpoint),
 * daily backups kept `backupRetentionDays` in the instance's own region, the application database and its owner.
 */
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { VERSIONS } from "../../../config/catalog/offerings";
import { SIZES } from "../../../config/catalog/sizes";
import type { ClusterOutputs, DatabaseOutputs, NetworkOutputs } from "../../contract/types";
import { tagList } from "../../contract/labels";
import { APP_DATABASE, required, statefulOptions } from "../common";
import { databasePassword } from "../passwords";
import { scalewayLocation, scalewayName, scalewayOptions, type ScalewayContext } from "./provider";

/** The instance's first user, an administrator the workloads never see. */
export const ADMIN_USER = "sovereign_admin";
/**
 * Storage of the instance, pinned rather than left to the provider's default (`lssd`, local SSD sized by the node
 * type: terraform-provider-scaleway docs/resources/rdb_instance.md, internal/services/rdb/instance.go), so a change
 * of that default can never replace the instance. `volumeSizeInGb` must stay unset with `lssd`.
 */
export const VOLUME_TYPE = "lssd";
/** Hours between backups. */
const BACKUP_EVERY_HOURS = 24;

/**
 * Children: `${name}-database` (instance), `${name}-database-db`, `${name}-database-user`,
 * `${name}-database-privilege`, and the passwords `${name}-database-sovereign-admin-password`,
 * `${name}-database-app-password`. Undefined when `database.enabled` is false.
 */
export function scalewayDatabase(
  name: string,
  ctx: ScalewayContext,
  deps: { network: NetworkOutputs | undefined; cluster: ClusterOutputs },
  parent: pulumi.Resource,
): DatabaseOutputs | undefined {
  const settings = ctx.target.database;
  if (!settings.enabled) return undefined;
  if (deps.network === undefined) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name}: the managed database is reachable on the private network only, and none was created`,
      parent,
    );
  }
  const { region } = scalewayLocation(ctx);
  const opts = scalewayOptions(name, ctx, parent);
  const stateful = pulumi.mergeOptions(opts, statefulOptions(ctx));
  const passwordOf = (role: string) =>
    databasePassword(`${name}-database`, { role, rotation: settings.passwordRotation }, parent);
  const instance = new scaleway.databases.Instance(
    `${name}-database`,
    {
      name: scalewayName(ctx, "postgres"),
      region,
      projectId: ctx.target.projectId,
      engine: VERSIONS.scalewayPostgres,
      nodeType: SIZES.scaleway[settings.size ?? ctx.target.size].database,
      isHaCluster: settings.highAvailability,
      volumeType: VOLUME_TYPE,
      privateNetwork: { pnId: deps.network.id, enableIpam: true },
      disableBackup: false,
      backupScheduleFrequency: BACKUP_EVERY_HOURS,
      backupScheduleRetention: settings.backupRetentionDays,
      // Backups stay in the instance's region (the default copies them to another region).
      backupSameRegion: true,
      encryptionAtRest: true,
      userName: ADMIN_USER,
      password: passwordOf(ADMIN_USER),
      tags: tagList(ctx.labels),
    },
    stateful,
  );
  const database = new scaleway.databases.Database(
    `${name}-database-db`,
    { instanceId: instance.id, name: APP_DATABASE.name, region },
    stateful,
  );
  const password = passwordOf(APP_DATABASE.user);
  const user = new scaleway.databases.User(
    `${name}-database-user`,
    { instanceId: instance.id, name: APP_DATABASE.user, password, isAdmin: false, region },
    opts,
  );
  new scaleway.databases.Privilege(
    `${name}-database-privilege`,
    {
      instanceId: instance.id,
      databaseName: database.name,
      userName: user.name,
      permission: "all",
      region,
    },
    opts,
  );
  const endpoint = instance.privateNetwork.apply((pn) =>
    required(pn, "privateNetwork of the database instance"),
  );
  return {
    host: endpoint.apply((pn) => required(pn.ip, "privateNetwork.ip of the database instance")),
    port: endpoint.apply((pn) => required(pn.port, "privateNetwork.port of the database instance")),
    database: database.name,
    user: user.name,
    password,
    sslMode: "require",
  };
}
