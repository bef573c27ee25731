/**
 * The pod of a workload: one hardened container (non-root, read-only root filesystem, no capabilities,
 * RuntimeDefault seccomp), its probes, resources from the size catalog and a spread across zones. Pure: config in,
 * Kubernetes specs out, so the rules are tested without a Pulumi runtime.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { CONTAINER_SIZES } from "../../config/catalog/sizes";
import type { Workload as WorkloadConfig } from "../../config/schema";

type Container = k8s.types.input.core.v1.Container;
type PodSpec = k8s.types.input.core.v1.PodSpec;
type Probe = k8s.types.input.core.v1.Probe;
type EnvVar = k8s.types.input.core.v1.EnvVar;
type SecurityContext = k8s.types.input.core.v1.SecurityContext;
type PodSecurityContext = k8s.types.input.core.v1.PodSecurityContext;
type SpreadConstraint = k8s.types.input.core.v1.TopologySpreadConstraint;

/**
 * UID and GID the container runs as: non-zero, and above the ids distribution images give their system users, so
 * the process owns nothing in the image it could rewrite.
 */
export const CONTAINER_USER = 10001;

/** Name of the container port; the Service, the probes and the Ingress refer to the port by this name. */
export const HTTP_PORT_NAME = "http";

/** Scratch space: the only writable path the read-only root filesystem leaves (many runtimes need a /tmp). */
export const TMP_VOLUME = { name: "tmp", mountPath: "/tmp", sizeLimit: "64Mi" } as const;

/**
 * Timing per probe. The startup probe gives a slow start 30 × 5 s = 150 s before liveness may restart the
 * container; readiness checks often so a failing pod leaves the Service quickly.
 */
export const PROBE_TIMING = {
  startupProbe: { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 30 },
  livenessProbe: { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
  readinessProbe: { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
} as const;
export type ProbeKind = keyof typeof PROBE_TIMING;

/** Container-level hardening: what the Pod Security Standard `restricted` asks, plus a read-only root. */
export const CONTAINER_SECURITY_CONTEXT: SecurityContext = {
  runAsNonRoot: true,
  runAsUser: CONTAINER_USER,
  runAsGroup: CONTAINER_USER,
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};

/** Pod-level hardening; `fsGroup` makes mounted volumes writable by the non-root user. */
export const POD_SECURITY_CONTEXT: PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: CONTAINER_USER,
  runAsGroup: CONTAINER_USER,
  fsGroup: CONTAINER_USER,
  seccompProfile: { type: "RuntimeDefault" },
};

/**
 * Spread replicas across zones first, then nodes. `ScheduleAnyway` because single-zone clusters exist (and nodes
 * without the zone label would otherwise be excluded): the spread is a preference, never a reason not to run.
 */
export const SPREAD_TOPOLOGY_KEYS = [
  "topology.kubernetes.io/zone",
  "kubernetes.io/hostname",
] as const;

/** The three HTTP probes on `healthPath`, through the named container port. */
export function probesOf(healthPath: string): Record<ProbeKind, Probe> {
  const probe = (kind: ProbeKind): Probe => ({
    httpGet: { path: healthPath, port: HTTP_PORT_NAME, scheme: "HTTP" },
    ...PROBE_TIMING[kind],
  });
  return {
    startupProbe: probe("startupProbe"),
    livenessProbe: probe("livenessProbe"),
    readinessProbe: probe("readinessProbe"),
  };
}

/** Requests and limits of a size class, copied from the catalog (the catalog stays read-only). */
export function resourcesOf(size: WorkloadConfig["size"]): {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
} {
  const { requests, limits } = CONTAINER_SIZES[size];
  return { requests: { ...requests }, limits: { ...limits } };
}

/**
 * The workload's only container. `env` comes from `containerEnv` (env.ts); `image` is the copy the target pulls
 * (components/platform/images.ts), by default the image as configured.
 */
export function containerSpec(
  workload: WorkloadConfig,
  env: readonly EnvVar[],
  image: pulumi.Input<string> = workload.image,
): Container {
  return {
    name: workload.name,
    image,
    imagePullPolicy: "IfNotPresent",
    ports: [{ name: HTTP_PORT_NAME, containerPort: workload.port, protocol: "TCP" }],
    env: [...env],
    resources: resourcesOf(workload.size),
    securityContext: CONTAINER_SECURITY_CONTEXT,
    ...probesOf(workload.healthPath),
    volumeMounts: [{ name: TMP_VOLUME.name, mountPath: TMP_VOLUME.mountPath }],
  };
}

/** Topology spread constraints over the pods that `selector` matches. */
export function spreadConstraints(selector: Readonly<Record<string, string>>): SpreadConstraint[] {
  return SPREAD_TOPOLOGY_KEYS.map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: "ScheduleAnyway",
    labelSelector: { matchLabels: { ...selector } },
  }));
}

export interface PodSpecArgs {
  readonly workload: WorkloadConfig;
  /** The ServiceAccount the pod runs as. */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Labels selecting this workload's pods (labels.ts `workloadLabels(...).selector`). */
  readonly selector: Readonly<Record<string, string>>;
  readonly env: readonly EnvVar[];
  /** The image the target pulls. @default - the workload's configured image */
  readonly image?: pulumi.Input<string>;
  /** Pull Secrets of the pod. @default [] */
  readonly imagePullSecrets?: readonly { name: pulumi.Input<string> }[];
}

/**
 * The pod template's spec. No API token is mounted (the workload does not talk to the Kubernetes API) and no
 * service links are injected (they leak every Service of the namespace into the environment).
 */
export function podSpec(args: PodSpecArgs): PodSpec {
  return {
    serviceAccountName: args.serviceAccountName,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: POD_SECURITY_CONTEXT,
    ...(args.imagePullSecrets?.length ? { imagePullSecrets: [...args.imagePullSecrets] } : {}),
    containers: [containerSpec(args.workload, args.env, args.image)],
    volumes: [{ name: TMP_VOLUME.name, emptyDir: { sizeLimit: TMP_VOLUME.sizeLimit } }],
    topologySpreadConstraints: spreadConstraints(args.selector),
  };
}
