/**
 * The Workload component's arguments, their resolved form (what the component registers and policies read) and
 * their validation. Pure.
 */
import type { PlatformContract } from "../contract/types";
import type { Workload as WorkloadConfig } from "../../config/schema";
import { CONTAINER_USER, resourcesOf } from "./container";
import { envCollisions } from "./env";
import { autoscalerBounds, disruptionBudget } from "./scaling";
import { CONNECTIONS, wiredConnections, type ConnectionName } from "./secrets";

export interface WorkloadArgs {
  /** The validated workload declaration (config/schema.ts `Workload`). */
  readonly workload: WorkloadConfig;
  /** What the target's platform hands every workload (components/contract/types.ts). */
  readonly platform: PlatformContract;
  /** Replicas of this workload on this target (the fleet spreads the declared total). */
  readonly replicas: number;
  /**
   * Further hosts the Ingress answers, such as the fleet's shared `<workload>.<domain>` that DNS spreads over every
   * target. @default []
   */
  readonly aliases?: readonly string[];
}

/**
 * What the component registers as its inputs, so policies and state see the decisions: placement, image,
 * replicas, hardening, and which connections are wired. Holds no secret and no connection value.
 */
export interface ResolvedWorkloadArgs {
  readonly name: string;
  readonly image: string;
  readonly replicas: number;
  readonly port: number;
  readonly size: WorkloadConfig["size"];
  readonly resources: ReturnType<typeof resourcesOf>;
  readonly healthPath: string;
  /** Kubernetes namespace (the workload's name). */
  readonly namespace: string;
  readonly host: string;
  /** Every host the Ingress and its certificate cover: `host`, then the aliases. */
  readonly hosts: readonly string[];
  readonly url: string;
  readonly ingressClass: string;
  readonly targetName: string;
  readonly provider: PlatformContract["provider"];
  readonly vendor: string;
  /** Data classification from config: policies judge the offerings it runs on by it. */
  readonly classification: WorkloadConfig["classification"];
  /** The region as written in config. */
  readonly region: string;
  /** Canonical catalog site of the region. */
  readonly site: string;
  readonly country: string;
  readonly jurisdiction: string;
  readonly autoscale: ReturnType<typeof autoscalerBounds>;
  readonly disruptionBudget: ReturnType<typeof disruptionBudget>;
  readonly runAsUser: number;
  readonly readOnlyRootFilesystem: true;
  /** Names of the plain environment variables (values stay out: they are the workload's business). */
  readonly envNames: readonly string[];
  /** Connections wired from the platform, e.g. `["database", "objectStore"]`. */
  readonly connections: readonly ConnectionName[];
}

/** Ingress host: `<workload.host ?? workload.name>.<target>.<domain>`, e.g. `shop.par.apps.example.eu`. */
export function workloadHost(
  workload: Pick<WorkloadConfig, "name" | "host">,
  platform: Pick<PlatformContract, "targetName" | "domain">,
): string {
  return `${workload.host ?? workload.name}.${platform.targetName}.${platform.domain}`;
}

/** Applies the rules that turn the declaration and the platform into what this target runs. */
export function resolveWorkloadArgs(args: WorkloadArgs): ResolvedWorkloadArgs {
  const { workload, platform, replicas } = args;
  const host = workloadHost(workload, platform);
  return {
    name: workload.name,
    image: workload.image,
    replicas,
    port: workload.port,
    size: workload.size,
    resources: resourcesOf(workload.size),
    healthPath: workload.healthPath,
    namespace: workload.name,
    host,
    hosts: [host, ...(args.aliases ?? []).filter((a) => a !== host)],
    url: `https://${host}`,
    ingressClass: platform.ingressClass,
    targetName: platform.targetName,
    provider: platform.provider,
    vendor: platform.placement.vendor,
    classification: workload.classification,
    region: platform.placement.region,
    site: platform.placement.site,
    country: platform.placement.country,
    jurisdiction: platform.placement.jurisdiction,
    autoscale: autoscalerBounds(replicas, workload.autoscale),
    disruptionBudget: disruptionBudget(replicas),
    runAsUser: CONTAINER_USER,
    readOnlyRootFilesystem: true,
    envNames: Object.keys(workload.env).sort(),
    connections: wiredConnections(workload, platform),
  };
}

/**
 * What is wrong with the arguments, one sentence each naming the value and the fix; empty when they are sound.
 * The component throws these before it creates anything.
 */
export function workloadProblems(args: WorkloadArgs): string[] {
  const { workload, platform, replicas } = args;
  const problems: string[] = [];
  if (!Number.isInteger(replicas) || replicas < 1) {
    problems.push(
      `replicas of workload ${workload.name} on target ${platform.targetName} must be a whole number of at ` +
        `least 1, got ${String(replicas)}; to run nothing there, leave the target out of the workload's targets`,
    );
  }
  for (const { name, connection } of envCollisions(
    workload.env,
    wiredConnections(workload, platform),
  )) {
    problems.push(
      `env ${name} of workload ${workload.name} is set by the ${CONNECTIONS[connection].role} ` +
        `connection; remove it from the workload's env, or set ${connection}: false to wire it yourself`,
    );
  }
  return problems;
}
