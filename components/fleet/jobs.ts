/**
 * The replication CronJobs, pure: config and connection outputs in, Kubernetes specs out. Every pod meets the
 * workload baseline (non-root, read-only root with an emptyDir /tmp, no privilege escalation, no capabilities,
 * RuntimeDefault seccomp, requests and limits, pinned images from config) and reads credentials only from Secrets.
 */
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { FleetConfig } from "../../config/fleet";
import type { ObjectStoreOutputs } from "../contract/types";
import type { CopyKind } from "../../domain/fleet-facts";

type EnvVar = k8s.types.input.core.v1.EnvVar;
type Container = k8s.types.input.core.v1.Container;
type CronJobSpec = k8s.types.input.batch.v1.CronJobSpec;
type Replication = FleetConfig["replication"];

/** UID/GID of every job container: non-zero and above image system users, as the workload's. */
export const JOB_USER = 10001;

/** rclone's S3 `provider` per vendor; rclone's generic `Other` speaks plain S3 for the rest. */
export const RCLONE_S3_PROVIDERS: Readonly<Record<string, string>> = {
  scaleway: "Scaleway",
  ionos: "IONOS",
};
const rcloneProviderOf = (vendor: string) => RCLONE_S3_PROVIDERS[vendor] ?? "Other";

/** Prefixes in the destination bucket: copies never overwrite the destination's own objects. */
export const COPY_PREFIX: Readonly<Record<CopyKind, string>> = {
  objects: "fleet-replicas",
  database: "fleet-backups",
};

export const JOB_RESOURCES = {
  rclone: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
  pgDump: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
} as const;

const TMP = { name: "tmp", mountPath: "/tmp", sizeLimit: "64Mi" } as const;
const WORK = { name: "work", mountPath: "/work" } as const;

export const JOB_SECURITY_CONTEXT: k8s.types.input.core.v1.SecurityContext = {
  runAsNonRoot: true,
  runAsUser: JOB_USER,
  runAsGroup: JOB_USER,
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};

const POD_SECURITY_CONTEXT: k8s.types.input.core.v1.PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: JOB_USER,
  runAsGroup: JOB_USER,
  fsGroup: JOB_USER,
  seccompProfile: { type: "RuntimeDefault" },
};

/** rclone needs a writable home and cache: both go to the emptyDir /tmp. */
const RCLONE_HOME: EnvVar[] = [
  { name: "HOME", value: TMP.mountPath },
  { name: "XDG_CACHE_HOME", value: `${TMP.mountPath}/cache` },
];

export type RemoteName = "SRC" | "DST";

/** Keys of the job's Secret holding one remote's S3 credentials. */
export const remoteKeys = (remote: RemoteName) => ({
  accessKeyId: `${remote}_ACCESS_KEY_ID`,
  secretAccessKey: `${remote}_SECRET_ACCESS_KEY`,
});

/** An rclone S3 remote configured through `RCLONE_CONFIG_<NAME>_*`: keys from the Secret, never plain values. */
export function remoteEnv(
  remote: RemoteName,
  vendor: string,
  store: ObjectStoreOutputs,
  secretName: pulumi.Input<string>,
): EnvVar[] {
  const prefix = `RCLONE_CONFIG_${remote}`;
  const keys = remoteKeys(remote);
  const fromSecret = (key: string) => ({ secretKeyRef: { name: secretName, key } });
  return [
    { name: `${prefix}_TYPE`, value: "s3" },
    { name: `${prefix}_PROVIDER`, value: rcloneProviderOf(vendor) },
    { name: `${prefix}_ENDPOINT`, value: store.endpoint },
    { name: `${prefix}_REGION`, value: store.s3Region },
    // The job's key may write objects but not create buckets.
    { name: `${prefix}_NO_CHECK_BUCKET`, value: "true" },
    { name: `${prefix}_ACCESS_KEY_ID`, valueFrom: fromSecret(keys.accessKeyId) },
    { name: `${prefix}_SECRET_ACCESS_KEY`, valueFrom: fromSecret(keys.secretAccessKey) },
    { name: `${remote}_BUCKET`, value: store.bucket },
  ];
}

/** A job container with the baseline's security context and pull policy. */
export const hardened = (container: Container): Container => ({
  imagePullPolicy: "IfNotPresent",
  securityContext: JOB_SECURITY_CONTEXT,
  ...container,
});

export interface CronJobFrame {
  readonly schedule: string;
  readonly containers: Container[];
  readonly initContainers?: Container[];
  readonly extraVolumes?: k8s.types.input.core.v1.Volume[];
  readonly labels: Readonly<Record<string, string>>;
  /** Pull Secrets of the pod (components/platform/images.ts). @default [] */
  readonly imagePullSecrets?: k8s.types.input.core.v1.LocalObjectReference[];
}

/** The pod of a job: never restarted in place, no API token, the baseline's security context, an emptyDir /tmp. */
export function jobPodTemplate(
  frame: Omit<CronJobFrame, "schedule">,
): k8s.types.input.core.v1.PodTemplateSpec {
  return {
    metadata: { labels: { ...frame.labels } },
    spec: {
      restartPolicy: "Never",
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: POD_SECURITY_CONTEXT,
      ...(frame.imagePullSecrets?.length ? { imagePullSecrets: frame.imagePullSecrets } : {}),
      ...(frame.initContainers ? { initContainers: frame.initContainers } : {}),
      containers: frame.containers,
      volumes: [
        { name: TMP.name, emptyDir: { sizeLimit: TMP.sizeLimit } },
        ...(frame.extraVolumes ?? []),
      ],
    },
  };
}

/** The CronJob around a pod: one run at a time, bounded retries and runtime, finished jobs cleaned up. */
export function cronJobSpec(frame: CronJobFrame): CronJobSpec {
  return {
    schedule: frame.schedule,
    timeZone: "Etc/UTC",
    concurrencyPolicy: "Forbid",
    startingDeadlineSeconds: 300,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 3,
    jobTemplate: {
      metadata: { labels: { ...frame.labels } },
      spec: {
        backoffLimit: 2,
        activeDeadlineSeconds: 6 * 3600,
        ttlSecondsAfterFinished: 24 * 3600,
        template: jobPodTemplate(frame),
      },
    },
  };
}

/** The job's images, from the source target's mirror unless config names others, and their pull Secrets. */
export interface JobImages {
  readonly rclone: pulumi.Input<string>;
  readonly postgres: pulumi.Input<string>;
  readonly pullSecrets: readonly { name: pulumi.Input<string> }[];
}

export interface CopyArgs {
  readonly source: { readonly target: string; readonly vendor: string };
  readonly images: JobImages;
  readonly destination: { readonly vendor: string; readonly store: ObjectStoreOutputs };
  readonly secretName: pulumi.Input<string>;
  readonly replication: Replication;
  readonly labels: Readonly<Record<string, string>>;
}

/** `rclone sync` of the source bucket into `fleet-replicas/<source>/` of the destination bucket. */
export function objectSyncSpec(
  args: CopyArgs & { readonly sourceStore: ObjectStoreOutputs },
): CronJobSpec {
  const into = `dst:$(DST_BUCKET)/${COPY_PREFIX.objects}/${args.source.target}`;
  return cronJobSpec({
    schedule: args.replication.objectSchedule,
    labels: args.labels,
    imagePullSecrets: [...args.images.pullSecrets],
    containers: [
      hardened({
        name: "rclone",
        image: args.images.rclone,
        // Copies this bucket holds for other targets stay out: the ring must not copy copies.
        args: [
          "sync",
          "src:$(SRC_BUCKET)",
          into,
          "--exclude",
          `/${COPY_PREFIX.objects}/**`,
          "--exclude",
          `/${COPY_PREFIX.database}/**`,
          "--fast-list",
        ],
        env: [
          ...RCLONE_HOME,
          ...remoteEnv("SRC", args.source.vendor, args.sourceStore, args.secretName),
          ...remoteEnv("DST", args.destination.vendor, args.destination.store, args.secretName),
        ],
        resources: JOB_RESOURCES.rclone,
        volumeMounts: [{ name: TMP.name, mountPath: TMP.mountPath }],
      }),
    ],
  });
}

export interface DatabaseConnection {
  readonly host: pulumi.Input<string>;
  readonly port: pulumi.Input<number>;
  readonly database: pulumi.Input<string>;
  readonly user: pulumi.Input<string>;
  readonly sslMode: string;
}

/** Keys of the job's Secret holding the PostgreSQL connection (libpq's variables); only sslmode stays plain. */
export const DATABASE_KEYS = ["PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD"] as const;

/** The job Secret's PostgreSQL entries: connection details travel with the password, not in the pod spec. */
export function databaseSecretData(
  db: DatabaseConnection & { readonly password: pulumi.Input<string> },
): Record<(typeof DATABASE_KEYS)[number], pulumi.Input<string>> {
  return {
    PGHOST: db.host,
    PGPORT: portText(db.port),
    PGDATABASE: db.database,
    PGUSER: db.user,
    PGPASSWORD: pulumi.secret(db.password),
  };
}

/**
 * `pg_dump` (custom format) into an emptyDir, then `rclone copy` of the dump into `fleet-backups/<source>/` of the
 * destination bucket and removal of dumps older than the retention. Two containers because no standard image holds
 * both tools; the emptyDir between them is bounded by `replication.dumpSizeLimit`.
 */
export function databaseBackupSpec(
  args: CopyArgs & { readonly db: DatabaseConnection },
): CronJobSpec {
  const into = `dst:$DST_BUCKET/${COPY_PREFIX.database}/${args.source.target}`;
  const work = { name: WORK.name, mountPath: WORK.mountPath };
  const tmp = { name: TMP.name, mountPath: TMP.mountPath };
  return cronJobSpec({
    schedule: args.replication.databaseSchedule,
    labels: args.labels,
    imagePullSecrets: [...args.images.pullSecrets],
    initContainers: [
      hardened({
        name: "pg-dump",
        image: args.images.postgres,
        command: [
          "/bin/sh",
          "-c",
          `pg_dump --format=custom --no-owner --no-privileges --file=${WORK.mountPath}/$(date -u +%Y%m%dT%H%M%SZ).dump`,
        ],
        env: [
          ...DATABASE_KEYS.map((key) => ({
            name: key,
            valueFrom: { secretKeyRef: { name: args.secretName, key } },
          })),
          { name: "PGSSLMODE", value: args.db.sslMode },
        ],
        resources: JOB_RESOURCES.pgDump,
        volumeMounts: [work, tmp],
      }),
    ],
    containers: [
      hardened({
        name: "rclone",
        image: args.images.rclone,
        command: [
          "/bin/sh",
          "-c",
          `rclone copy ${WORK.mountPath} "${into}" && rclone delete --min-age ${args.replication.backupRetentionDays}d "${into}"`,
        ],
        env: [
          ...RCLONE_HOME,
          ...remoteEnv("DST", args.destination.vendor, args.destination.store, args.secretName),
        ],
        resources: JOB_RESOURCES.rclone,
        volumeMounts: [work, tmp],
      }),
    ],
    extraVolumes: [{ name: WORK.name, emptyDir: { sizeLimit: args.replication.dumpSizeLimit } }],
  });
}

/** Env values are strings; the port may still be an Output. */
function portText(port: pulumi.Input<number>): pulumi.Input<string> {
  return pulumi.output(port).apply((p) => String(p));
}
