/**
 * Object storage of a kubernetes target: the vendor's S3 service (STACKIT, IONOS...) named in config, with its
 * keys from secret config; or none. In-cluster object storage is not offered.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ObjectStoreOutputs } from "../../contract/types";
import { requiredSecret } from "../common";
import type { KubernetesContext, ObjectStoreMode, ObjectStoreOf } from "./context";

type ObjectStoreFactory<M extends ObjectStoreMode> = (
  ctx: KubernetesContext,
  settings: ObjectStoreOf<M>,
  parent: pulumi.Resource,
) => ObjectStoreOutputs | undefined;

const OBJECT_STORES: { readonly [M in ObjectStoreMode]: ObjectStoreFactory<M> } = {
  none: () => undefined,
  external: (ctx, settings, parent) => ({
    bucket: pulumi.output(settings.bucket),
    endpoint: pulumi.output(settings.endpoint),
    s3Region: settings.s3Region ?? ctx.target.region,
    accessKeyId: requiredSecret(ctx, settings.accessKeySecret, "the S3 access key", parent),
    secretAccessKey: requiredSecret(ctx, settings.secretKeySecret, "the S3 secret key", parent),
  }),
};

/** The external bucket of the target with its credentials, or undefined for `objectStore.mode: none`. */
export function kubernetesObjectStore(
  _name: string,
  ctx: KubernetesContext,
  parent: pulumi.Resource,
): ObjectStoreOutputs | undefined {
  const settings = ctx.target.objectStore;
  const factory = OBJECT_STORES[settings.mode] as ObjectStoreFactory<ObjectStoreMode>;
  return factory(ctx, settings as ObjectStoreOf<ObjectStoreMode>, parent);
}
