/**
 * The provider-neutral workload: a hardened Deployment with its Namespace, ServiceAccount, connection Secrets,
 * Service, TLS Ingress, autoscaler, disruption budget and NetworkPolicies, on whatever cluster the platform's
 * `k8s.Provider` points at. It imports no cloud SDK: that is what makes a workload equivalent on every target.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { WORKLOAD_TYPE } from "../../domain/tokens";
import { workloadLabels } from "../contract/labels";
import { resolveWorkloadArgs, workloadProblems, type WorkloadArgs } from "./args";
import { HTTP_PORT_NAME, podSpec } from "./container";
import { containerEnv } from "./env";
import { networkPolicies } from "./network-policies";
import { CONNECTIONS, connectionSecretData, connectionSecretName } from "./secrets";
import { pullSecretsIn, workloadImage } from "../contract/images";

export { resolveWorkloadArgs, workloadHost, workloadProblems } from "./args";
export type { ResolvedWorkloadArgs, WorkloadArgs } from "./args";

/** Component type token (frozen: changing it replaces every workload), kept where pure logic reads it. */
export { WORKLOAD_TYPE };

/** Port the Service exposes inside the cluster; it forwards to the container's named port. */
export const SERVICE_PORT = 80;

/**
 * Pod Security Admission labels of the workload's namespace: the API server rejects any pod that is not
 * `restricted`, so a hardening mistake fails at admission instead of running.
 */
export const POD_SECURITY_LABELS = {
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/enforce-version": "latest",
} as const;

export interface WorkloadOutputs {
  readonly namespace: pulumi.Output<string>;
  readonly host: pulumi.Output<string>;
  readonly url: pulumi.Output<string>;
  readonly replicas: pulumi.Output<number>;
}

/** One workload on one target. */
export class Workload extends pulumi.ComponentResource {
  public readonly namespace: pulumi.Output<string>;
  public readonly host: pulumi.Output<string>;
  public readonly url: pulumi.Output<string>;
  public readonly replicas: pulumi.Output<number>;

  constructor(name: string, args: WorkloadArgs, opts?: pulumi.ComponentResourceOptions) {
    super(WORKLOAD_TYPE, name, resolveWorkloadArgs(args), opts);
    const outputs = createWorkload(name, this, args);
    this.namespace = outputs.namespace;
    this.host = outputs.host;
    this.url = outputs.url;
    this.replicas = outputs.replicas;
    this.registerOutputs({ ...outputs });
  }
}

/**
 * Creates the workload's children under `self`, each with the platform's Kubernetes provider. Child names:
 * the Deployment is `name`, every other child `${name}-<role>`. Kubernetes object names come from the workload's
 * name, so they are the same on every target.
 */
export function createWorkload(
  name: string,
  self: pulumi.ComponentResource,
  args: WorkloadArgs,
): WorkloadOutputs {
  const problems = workloadProblems(args);
  if (problems.length > 0) throw new pulumi.ResourceError(problems.join("\n"), self);

  const { workload, platform } = args;
  const resolved = resolveWorkloadArgs(args);
  const opts: pulumi.CustomResourceOptions = { parent: self, provider: platform.kubernetes };
  const labels = workloadLabels(workload.name, platform.labels);

  const namespace = new k8s.core.v1.Namespace(
    `${name}-namespace`,
    { metadata: { name: resolved.namespace, labels: { ...labels.all, ...POD_SECURITY_LABELS } } },
    opts,
  );
  // Every other object lives in the namespace; naming it through the Output orders them after it.
  const meta = (objectName: string) => ({
    name: objectName,
    namespace: namespace.metadata.name,
    labels: labels.all,
  });

  const serviceAccount = new k8s.core.v1.ServiceAccount(
    `${name}-service-account`,
    { metadata: meta(workload.name), automountServiceAccountToken: false },
    opts,
  );

  const secretRefs = resolved.connections.map((connection) => {
    const secret = new k8s.core.v1.Secret(
      `${name}-${CONNECTIONS[connection].role}`,
      {
        metadata: meta(connectionSecretName(workload.name, connection)),
        type: "Opaque",
        stringData: connectionSecretData(connection, platform),
      },
      opts,
    );
    return { connection, secretName: secret.metadata.name };
  });

  const imagePullSecrets = pullSecretsIn(
    name,
    namespace.metadata.name,
    platform.images,
    labels.all,
    opts,
  );
  const deployment = new k8s.apps.v1.Deployment(
    name,
    {
      metadata: meta(workload.name),
      spec: {
        replicas: args.replicas,
        selector: { matchLabels: labels.selector },
        // Surge before removing: a rollout never drops below the replicas the target is meant to serve.
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: {
          metadata: { labels: labels.all },
          spec: podSpec({
            workload,
            serviceAccountName: serviceAccount.metadata.name,
            selector: labels.selector,
            env: containerEnv(workload.env, secretRefs),
            image: workloadImage(workload.image, platform.images),
            imagePullSecrets,
          }),
        },
      },
    },
    // The autoscaler owns the live replica count; without this every `pulumi up` would scale back to the floor.
    pulumi.mergeOptions(opts, { ignoreChanges: ["spec.replicas"] }),
  );

  const service = new k8s.core.v1.Service(
    `${name}-service`,
    {
      metadata: meta(workload.name),
      spec: {
        type: "ClusterIP",
        selector: labels.selector,
        ports: [
          { name: HTTP_PORT_NAME, port: SERVICE_PORT, targetPort: HTTP_PORT_NAME, protocol: "TCP" },
        ],
      },
    },
    opts,
  );

  new k8s.networking.v1.Ingress(
    `${name}-ingress`,
    {
      metadata: {
        ...meta(workload.name),
        annotations: {
          ...platform.ingressAnnotations,
          "cert-manager.io/cluster-issuer": platform.clusterIssuer,
        },
      },
      spec: {
        ingressClassName: platform.ingressClass,
        tls: [{ hosts: [...resolved.hosts], secretName: `${workload.name}-tls` }],
        rules: resolved.hosts.map((host) => ({
          host,
          http: {
            paths: [
              {
                path: "/",
                pathType: "Prefix",
                backend: {
                  service: { name: service.metadata.name, port: { name: HTTP_PORT_NAME } },
                },
              },
            ],
          },
        })),
      },
    },
    opts,
  );

  new k8s.autoscaling.v2.HorizontalPodAutoscaler(
    `${name}-autoscaler`,
    {
      metadata: meta(workload.name),
      spec: {
        scaleTargetRef: {
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: deployment.metadata.name,
        },
        minReplicas: resolved.autoscale.minReplicas,
        maxReplicas: resolved.autoscale.maxReplicas,
        metrics: [
          {
            type: "Resource",
            resource: {
              name: "cpu",
              target: { type: "Utilization", averageUtilization: resolved.autoscale.cpuPercent },
            },
          },
        ],
      },
    },
    opts,
  );

  new k8s.policy.v1.PodDisruptionBudget(
    `${name}-disruption-budget`,
    {
      metadata: meta(workload.name),
      spec: {
        ...resolved.disruptionBudget,
        selector: { matchLabels: labels.selector },
        // Crash-looping pods never become healthy: evicting them must not wait for the budget.
        unhealthyPodEvictionPolicy: "AlwaysAllow",
      },
    },
    opts,
  );

  const egress = resolved.connections.flatMap((connection) => {
    const port = CONNECTIONS[connection].egressPort(platform);
    return port === undefined ? [] : [{ connection, port }];
  });
  for (const policy of networkPolicies({
    selector: labels.selector,
    port: workload.port,
    egress,
  })) {
    new k8s.networking.v1.NetworkPolicy(
      `${name}-${policy.role}`,
      { metadata: meta(policy.role), spec: policy.spec },
      opts,
    );
  }

  return {
    namespace: namespace.metadata.name,
    host: pulumi.output(resolved.host),
    url: pulumi.output(resolved.url),
    replicas: deployment.spec.replicas,
  };
}
