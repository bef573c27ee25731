/**
 * Object storage a target reaches: S3 endpoints in containers' environment (`S3_ENDPOINT`, `AWS_ENDPOINT_URL`,
 * rclone's `RCLONE_CONFIG_<REMOTE>_ENDPOINT`), and backup destinations of CloudNativePG (in-tree Barman Cloud
 * `spec.backup.barmanObjectStore`, the Barman Cloud plugin's `ObjectStore`). Scheduled jobs copy data, so what
 * they reach is a backup destination; long-running pods read and write their object store.
 */
import { OBJECT_STORAGE_ENDPOINTS } from "../../config/catalog/hosts";
import { barmanDefaultHost } from "../destinations";
import { containersOf, podSpecOf } from "../pods";
import { attributeHost, hostAndPath } from "./attribute";
import type { Found } from "./found";
import { DependencyKind } from "./model";
import { at, isRecord, knownString, type Json } from "./resources";

/** Environment variables that name an S3 endpoint. */
const ENDPOINT_VARIABLE =
  /^(?:AWS_ENDPOINT_URL(?:_S3)?|(?:[A-Z0-9]+_)*(?:S3|MINIO|BUCKET|STORAGE|OBJECT_STORE|RCLONE_CONFIG_[A-Z0-9]+)_ENDPOINT(?:_URL)?)$/;

/** Pod kinds that run on a schedule or to completion: they copy data. */
export const JOB_TYPES = /^kubernetes:batch\/v1(?:beta1)?:(?:CronJob|Job)$/;

/** Where operators' custom resources name an object store, and the default host of each URL scheme. */
const BACKUP_FIELDS: readonly { readonly types: RegExp; readonly path: readonly string[] }[] = [
  {
    types: /^kubernetes:postgresql\.cnpg\.io\/v1:Cluster$/,
    path: ["spec", "backup", "barmanObjectStore"],
  },
  { types: /^kubernetes:barmancloud\.cnpg\.io\/v1:ObjectStore$/, path: ["spec", "configuration"] },
];

function storeDependency(kind: DependencyKind, endpoint: string, host: string): Found {
  return { kind, endpoint, ...attributeHost(OBJECT_STORAGE_ENDPOINTS, host) };
}

function environmentEndpoints(type: string, props: Json): Found[] {
  const spec = podSpecOf(type, props);
  if (!spec) return [];
  const kind = JOB_TYPES.test(type) ? DependencyKind.backup : DependencyKind.objectStore;
  return containersOf(spec).flatMap(({ container }) => {
    const env = Array.isArray(container.env) ? container.env.filter(isRecord) : [];
    return env.flatMap((variable) => {
      const name = knownString(variable.name);
      const url = knownString(variable.value);
      if (!name || !url || !ENDPOINT_VARIABLE.test(name)) return [];
      return [storeDependency(kind, url, hostAndPath(url).host)];
    });
  });
}

function backupDestinations(type: string, props: Json): Found[] {
  return BACKUP_FIELDS.filter((f) => f.types.test(type)).flatMap((field) => {
    const store = at(props, field.path);
    if (!isRecord(store)) return [];
    const endpoint = knownString(store.endpointURL);
    if (endpoint)
      return [storeDependency(DependencyKind.backup, endpoint, hostAndPath(endpoint).host)];
    const destination = knownString(store.destinationPath);
    if (!destination) return [];
    const host = barmanDefaultHost(destination) ?? hostAndPath(destination).host;
    return [storeDependency(DependencyKind.backup, destination, host)];
  });
}

export function storesOf(type: string, props: Json): Found[] {
  return [...environmentEndpoints(type, props), ...backupDestinations(type, props)];
}
