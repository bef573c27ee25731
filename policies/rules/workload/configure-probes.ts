/**
 * Without a readiness probe a Service routes to pods that are not ready; without a liveness probe a hung process
 * is never restarted. Only long-running pods need them: Jobs, CronJobs and pods that do not restart run to
 * completion, and init or ephemeral containers take no probes.
 */
import { definePolicy } from "../../lib/define";
import {
  containerLabel,
  containersIn,
  objectAt,
  validatePod,
  type PodWithSpec,
} from "./lib/containers";

const PROBES = ["readinessProbe", "livenessProbe", "startupProbe"] as const;

interface Config {
  readonly requiredProbes: readonly string[];
}

const DEFAULTS: Config = { requiredProbes: ["readinessProbe", "livenessProbe"] };

/** Kinds whose pods are meant to keep running; a bare Pod is long-running when it restarts always (the default). */
const LONG_RUNNING: Readonly<Record<string, (spec: PodWithSpec["spec"]) => boolean>> = {
  Deployment: () => true,
  StatefulSet: () => true,
  DaemonSet: () => true,
  ReplicaSet: () => true,
  ReplicationController: () => true,
  Pod: (spec) => (spec.restartPolicy ?? "Always") === "Always",
};

export const workloadContainerConfigureProbes = definePolicy({
  name: "workload-container-configure-probes",
  description:
    "Every regular container of a long-running Kubernetes workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, restarting Pod) declares the required probes.",
  configSchema: {
    properties: {
      requiredProbes: {
        type: "array",
        items: { type: "string", enum: [...PROBES] },
        uniqueItems: true,
        default: [...DEFAULTS.requiredProbes],
        description: "Probes every regular container of a long-running workload must declare.",
      },
    },
  },
  enforcementLevel: "advisory",
  validateResource: validatePod((pod, args) => {
    // A patch states only what it changes: absent probes there are no evidence of missing ones.
    const longRunning = LONG_RUNNING[pod.kind];
    if (pod.partial || longRunning === undefined || !longRunning(pod.spec)) return [];
    const cfg = { ...DEFAULTS, ...args.getConfig<Partial<Config>>() };
    return containersIn(pod.spec, ["containers"]).flatMap((ref) =>
      cfg.requiredProbes
        .filter((probe) => objectAt(ref.container, probe) === undefined)
        .map((probe) => `${containerLabel(ref)} has no ${probe}`),
    );
  }),
  severity: "low",
  tags: ["kubernetes", "availability"],
  remediationSteps:
    "Add the probes to the container; the Sovereign Deploy workload derives them from `healthPath` in `sovereign:workloads[]` (components/workload/container.ts probesOf). Change the required set with this policy's `requiredProbes`.",
  url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/",
  pack: "workload-baseline",
  area: "workload",
});
