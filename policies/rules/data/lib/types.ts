/**
 * Type tokens of the stateful and data-bearing resources the data-protection rules read. Scaleway's deprecated
 * `scaleway:index/*` aliases still register under their old token (PROVIDERS.md §1.2), so each entry lists both.
 */
export const DATA_TYPES = {
  scalewayBucket: ["scaleway:object/bucket:Bucket", "scaleway:index/objectBucket:ObjectBucket"],
  scalewayBucketAcl: [
    "scaleway:object/bucketAcl:BucketAcl",
    "scaleway:index/objectBucketAcl:ObjectBucketAcl",
  ],
  scalewayBucketPolicy: [
    "scaleway:object/bucketPolicy:BucketPolicy",
    "scaleway:index/objectBucketPolicy:ObjectBucketPolicy",
  ],
  scalewayBucketEncryption: [
    "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  ],
  scalewayDatabaseInstance: [
    "scaleway:databases/instance:Instance",
    "scaleway:index/databaseInstance:DatabaseInstance",
  ],
  scalewayDatabase: ["scaleway:databases/database:Database", "scaleway:index/database:Database"],
  scalewayDatabaseAcl: ["scaleway:databases/acl:Acl", "scaleway:index/databaseAcl:DatabaseAcl"],
  scalewayDatabaseUser: [
    "scaleway:databases/user:User",
    "scaleway:index/databaseUser:DatabaseUser",
  ],
  scalewaySecretVersion: [
    "scaleway:secrets/version:Version",
    "scaleway:index/secretVersion:SecretVersion",
  ],
  ovhStorage: ["ovh:CloudProject/storage:Storage"],
  ovhDatabase: ["ovh:CloudProject/database:Database"],
  ovhLogicalDatabase: ["ovh:CloudProjectDatabase/databaseInstance:DatabaseInstance"],
  /** CloudNativePG, registered through `k8s.apiextensions.CustomResource` as `kubernetes:<apiVersion>:<kind>`. */
  cnpgCluster: ["kubernetes:postgresql.cnpg.io/v1:Cluster"],
  /** The Barman Cloud plugin's object store, where plugin-based CloudNativePG backups keep their retention. */
  barmanObjectStore: ["kubernetes:barmancloud.cnpg.io/v1:ObjectStore"],
  persistentVolumeClaim: ["kubernetes:core/v1:PersistentVolumeClaim"],
  statefulSet: ["kubernetes:apps/v1:StatefulSet"],
} as const satisfies Record<string, readonly string[]>;

export type DataKind = keyof typeof DATA_TYPES;

/** Type token → the kinds listing it, so a look-up reads one map instead of scanning every kind's tokens. */
const KINDS_OF_TYPE: ReadonlyMap<string, readonly DataKind[]> = (() => {
  const index = new Map<string, DataKind[]>();
  for (const [kind, types] of Object.entries(DATA_TYPES) as [DataKind, readonly string[]][])
    for (const type of types) index.set(type, [...(index.get(type) ?? []), kind]);
  return index;
})();

/** A type test for `scopedValidation`: true for the tokens of `kinds`. */
export const ofKinds =
  (kinds: readonly DataKind[]) =>
  (type: string): boolean =>
    kindOf(type, kinds) !== undefined;

/** The kind whose tokens include `type`, among `kinds`; undefined when none does. */
export function kindOf<K extends DataKind>(type: string, kinds: readonly K[]): K | undefined {
  const listing = KINDS_OF_TYPE.get(type);
  return listing === undefined ? undefined : kinds.find((k) => listing.includes(k));
}

type Json = Record<string, unknown>;

/** The object at `key` of `obj`, or undefined when absent or not an object. */
export function objectAt(obj: Json | undefined, key: string): Json | undefined {
  const v = obj?.[key];
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
}

/** The array at `key` of `obj`, or undefined when absent or not an array. */
export function arrayAt(obj: Json | undefined, key: string): unknown[] | undefined {
  const v = obj?.[key];
  return Array.isArray(v) ? v : undefined;
}
