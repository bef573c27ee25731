/**
 * PostgreSQL of a kubernetes target, by `database.mode`: `in-cluster` (CloudNativePG), `external` (a managed
 * service named in config, password from secret config) or `none`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DatabaseDeps, DatabaseOutputs } from "../../contract/types";
import { requiredSecret } from "../common";
import { cloudNativePgDatabase } from "./cloudnative-pg";
import type { DatabaseMode, DatabaseOf, KubernetesContext } from "./context";
import { kubernetesObjectStore } from "./object-store";

type DatabaseFactory<M extends DatabaseMode> = (
  name: string,
  ctx: KubernetesContext,
  settings: DatabaseOf<M>,
  deps: DatabaseDeps,
  parent: pulumi.Resource,
) => DatabaseOutputs | undefined;

const DATABASES: { readonly [M in DatabaseMode]: DatabaseFactory<M> } = {
  none: () => undefined,
  external: (_name, ctx, settings, _deps, parent) => ({
    host: pulumi.output(settings.host),
    port: pulumi.output(settings.port),
    database: pulumi.output(settings.database),
    user: pulumi.output(settings.user),
    password: requiredSecret(ctx, settings.passwordSecret, "the PostgreSQL password", parent),
    sslMode: "require",
  }),
  "in-cluster": (name, ctx, settings, deps, parent) =>
    cloudNativePgDatabase(
      name,
      ctx,
      settings,
      // The backups go to the target's external bucket, read from config like the object store itself.
      {
        cluster: deps.cluster,
        images: deps.images,
        objectStore: kubernetesObjectStore(name, ctx, parent),
      },
      parent,
    ),
};

/** The target's database connection, or undefined for `database.mode: none`. */
export function kubernetesDatabase(
  name: string,
  ctx: KubernetesContext,
  deps: DatabaseDeps,
  parent: pulumi.Resource,
): DatabaseOutputs | undefined {
  const settings = ctx.target.database;
  const factory = DATABASES[settings.mode] as DatabaseFactory<DatabaseMode>;
  return factory(name, ctx, settings as DatabaseOf<DatabaseMode>, deps, parent);
}
