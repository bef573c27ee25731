/**
 * The copy job of a target: regclient's `regsync` as a CronJob on the target's own cluster, copying the workloads'
 * images from the build registry into the target's registry, and the third-party images and OCI charts from their
 * upstream registries into the target's mirror when that mirror is the target's own registry. Why regsync and a
 * CronJob: docs/fleet.md ("Images").
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ImagesConfig } from "../../config/images";
import {
  MIRRORED_CHARTS,
  MIRRORED_IMAGES,
  mirroredImage,
  type MirroredChart,
  type MirroredImage,
} from "../../config/catalog/mirrored";
import type { RegistryOutputs, TargetImages } from "../contract/types";
import { cronJobSpec, hardened } from "../fleet/jobs";
import { copiedImage, pullSecretsIn } from "../contract/images";

/** One copy: a source reference and where it goes. */
export interface SyncPair {
  readonly source: string;
  readonly target: string;
}

/** Environment variables of the job's Secret, read by the config through regsync's `env` template function. */
export const SYNC_ENV = {
  targetUsername: "TARGET_USERNAME",
  targetPassword: "TARGET_PASSWORD",
  sourceUsername: "SOURCE_USERNAME",
  sourcePassword: "SOURCE_PASSWORD",
} as const;

export const SYNC_RESOURCES = {
  requests: { cpu: "100m", memory: "128Mi" },
  limits: { cpu: "1", memory: "512Mi" },
} as const;

const CONFIG_FILE = { volume: "config", mountPath: "/config", key: "regsync.yaml" } as const;

/** The third-party images and OCI charts, from upstream into `mirror`. Charts without an OCI upstream are not copied. */
export function mirrorPairs(mirror: string): SyncPair[] {
  const images = Object.values(MIRRORED_IMAGES).map((i: MirroredImage) => ({
    source: `${i.upstream}:${i.tag}`,
    target: `${mirror}/${i.path}:${i.tag}`,
  }));
  const charts = Object.values(MIRRORED_CHARTS).flatMap((c: MirroredChart) =>
    c.upstream === undefined
      ? []
      : [{ source: `${c.upstream}:${c.version}`, target: `${mirror}/${c.path}:${c.version}` }],
  );
  return [...images, ...charts];
}

/** Every copy the job makes: workload images into `registry`, third-party ones when `mirrorIsOwn`. Pure. */
export function syncPairs(args: {
  readonly workloadImages: readonly string[];
  readonly registry: string;
  readonly mirrorIsOwn: boolean;
}): SyncPair[] {
  const workloads = [...new Set(args.workloadImages)].map((image) => ({
    source: image,
    target: copiedImage(image, args.registry),
  }));
  return [...workloads, ...(args.mirrorIsOwn ? mirrorPairs(args.registry) : [])];
}

const hostOf = (reference: string) => reference.split("/")[0] ?? reference;
const fromEnv = (name: string) => `{{ env "${name}" }}`;

/**
 * The regsync config (JSON, which YAML parsers read): credentials of the target's registry and of the build
 * registry come from the job's environment, never from the ConfigMap. Pure.
 */
export function regsyncConfig(args: {
  readonly pairs: readonly SyncPair[];
  readonly registry: string;
  readonly source?: string;
  readonly registryHasCredential: boolean;
}): string {
  const creds = [
    ...(args.registryHasCredential
      ? [
          {
            registry: hostOf(args.registry),
            user: fromEnv(SYNC_ENV.targetUsername),
            pass: fromEnv(SYNC_ENV.targetPassword),
          },
        ]
      : []),
    ...(args.source
      ? [
          {
            registry: hostOf(args.source),
            user: fromEnv(SYNC_ENV.sourceUsername),
            pass: fromEnv(SYNC_ENV.sourcePassword),
          },
        ]
      : []),
  ];
  return JSON.stringify(
    {
      version: 1,
      creds,
      defaults: { parallel: 2, skipDockerConfig: true },
      sync: args.pairs.map((p) => ({ source: p.source, target: p.target, type: "image" })),
    },
    null,
    2,
  );
}

export interface ImageSyncArgs {
  readonly provider: k8s.Provider;
  readonly images: TargetImages;
  readonly config: ImagesConfig;
  /** The build registry's credential (`sovereign:images.source`), for the job only. */
  readonly source?: RegistryOutputs;
  /** The workloads' images as configured (in the build registry). */
  readonly workloadImages: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Children: `${name}-image-sync-namespace`, `${name}-image-sync-pull-secret` (when the mirror is private),
 * `${name}-image-sync-config`, `${name}-image-sync-credentials`, `${name}-image-sync`. Undefined when the target
 * has no registry of its own: nothing to copy into.
 */
export function createImageSync(
  name: string,
  args: ImageSyncArgs,
  parent: pulumi.Resource,
): k8s.batch.v1.CronJob | undefined {
  const registry = args.images.registry;
  if (registry === undefined) return undefined;
  const opts: pulumi.CustomResourceOptions = { parent, provider: args.provider };
  const labels = { ...args.labels, "app.kubernetes.io/name": "image-sync" };
  const namespace = new k8s.core.v1.Namespace(
    `${name}-image-sync-namespace`,
    { metadata: { name: args.config.sync.namespace, labels } },
    opts,
  );
  const ns = namespace.metadata.name;
  const meta = (objectName: string) => ({ name: objectName, namespace: ns, labels });
  const mirrorIsOwn = args.images.mirror === registry;
  const configMap = new k8s.core.v1.ConfigMap(
    `${name}-image-sync-config`,
    {
      metadata: meta("regsync"),
      data: {
        [CONFIG_FILE.key]: pulumi
          .all([registry.endpoint, args.source?.endpoint])
          .apply(([endpoint, source]) =>
            regsyncConfig({
              pairs: syncPairs({
                workloadImages: args.workloadImages,
                registry: endpoint,
                mirrorIsOwn,
              }),
              registry: endpoint,
              source: args.source?.credential ? source : undefined,
              registryHasCredential: registry.credential !== undefined,
            }),
          ),
      },
    },
    opts,
  );
  const credentials = new k8s.core.v1.Secret(
    `${name}-image-sync-credentials`,
    {
      metadata: meta("regsync-credentials"),
      type: "Opaque",
      stringData: {
        ...(registry.credential && {
          [SYNC_ENV.targetUsername]: registry.credential.username,
          [SYNC_ENV.targetPassword]: registry.credential.password,
        }),
        ...(args.source?.credential && {
          [SYNC_ENV.sourceUsername]: args.source.credential.username,
          [SYNC_ENV.sourcePassword]: args.source.credential.password,
        }),
      },
    },
    opts,
  );
  const fromSecret = (key: string) => ({
    name: key,
    valueFrom: { secretKeyRef: { name: credentials.metadata.name, key } },
  });
  const envKeys = [
    ...(registry.credential ? [SYNC_ENV.targetUsername, SYNC_ENV.targetPassword] : []),
    ...(args.source?.credential ? [SYNC_ENV.sourceUsername, SYNC_ENV.sourcePassword] : []),
  ];
  return new k8s.batch.v1.CronJob(
    `${name}-image-sync`,
    {
      metadata: meta("regsync"),
      spec: cronJobSpec({
        schedule: args.config.sync.schedule,
        labels,
        imagePullSecrets: pullSecretsIn(`${name}-image-sync`, ns, args.images, labels, opts),
        containers: [
          hardened({
            name: "regsync",
            image: args.images.mirror.endpoint.apply((m) => mirroredImage(m, "regsync")),
            args: ["once", "-c", `${CONFIG_FILE.mountPath}/${CONFIG_FILE.key}`],
            env: [{ name: "HOME", value: "/tmp" }, ...envKeys.map(fromSecret)],
            resources: SYNC_RESOURCES,
            volumeMounts: [
              { name: "tmp", mountPath: "/tmp" },
              { name: CONFIG_FILE.volume, mountPath: CONFIG_FILE.mountPath, readOnly: true },
            ],
          }),
        ],
        extraVolumes: [{ name: CONFIG_FILE.volume, configMap: { name: configMap.metadata.name } }],
      }),
    },
    opts,
  );
}
