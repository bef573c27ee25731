/**
 * The neutral ingress controller every target gets: ingress-nginx from a Helm chart and images mirrored into an EU
 * registry, with the chart's own Service turned off and our LoadBalancer Service in front of the controller pods,
 * so the public address comes from one object whatever the provider (its `status.loadBalancer.ingress[0]`).
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { INGRESS_NAMESPACE } from "../workload";
import { required } from "../adapters/common";
import type { TargetImages } from "../contract/types";
import { pullSecretsIn } from "../contract/images";
import { chartRepositoryOpts } from "./images";

/** Chart and image versions; the target's mirror holds copies of them. */
export const INGRESS_CONTROLLER = {
  chart: "ingress-nginx",
  chartVersion: "4.12.1",
  controllerImage: "ingress-nginx/controller",
  controllerTag: "v1.12.1",
  webhookImage: "ingress-nginx/kube-webhook-certgen",
  webhookTag: "v1.5.2",
  /** Helm release name: the chart labels the controller pods with it. */
  release: "ingress-nginx",
  /** Our LoadBalancer Service. */
  service: "sovereign-ingress",
  replicas: 2,
} as const;

export interface IngressControllerArgs {
  readonly provider: k8s.Provider;
  /** IngressClass the controller serves (the workloads' `ingressClassName`). */
  readonly ingressClass: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The target's registries: the chart and images come from its mirror, with its pull credentials. */
  readonly images: TargetImages;
}

export interface IngressController {
  readonly release: k8s.helm.v3.Release;
  readonly service: k8s.core.v1.Service;
  /** Public IP (or hostname) of the LoadBalancer Service. */
  readonly address: pulumi.Output<string>;
}

/**
 * The chart's `commonLabels`: our labels without the `app.kubernetes.io/*` keys the chart writes itself (its
 * `ingress-nginx.labels` helper emits part-of and managed-by, then `toYaml .Values.commonLabels`: kubernetes/ingress-nginx
 * charts/ingress-nginx/templates/_helpers.tpl), so no object gets a key twice or loses the chart's own values.
 */
export function chartCommonLabels(
  labels: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).filter(([key]) => !key.startsWith("app.kubernetes.io/")),
  );
}

/** Selector of the chart's controller pods. */
export function controllerSelector(release: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": "ingress-nginx",
    "app.kubernetes.io/instance": release,
    "app.kubernetes.io/component": "controller",
  };
}

/** Helm values: mirrored images (no upstream digests), our IngressClass, no chart Service, status from ours. */
export function ingressValues(
  ingressClass: string,
  mirror: pulumi.Input<string>,
  imagePullSecrets: readonly { name: pulumi.Input<string> }[] = [],
): Record<string, unknown> {
  const c = INGRESS_CONTROLLER;
  return {
    controller: {
      replicaCount: c.replicas,
      image: {
        registry: mirror,
        image: c.controllerImage,
        tag: c.controllerTag,
        digest: "",
        digestChroot: "",
      },
      ingressClass,
      ingressClassResource: { name: ingressClass, enabled: true, default: false },
      service: { enabled: false },
      // Ingress objects report our Service's address, which Pulumi waits for.
      publishService: { enabled: true, pathOverride: `${INGRESS_NAMESPACE}/${c.service}` },
      admissionWebhooks: {
        patch: {
          image: { registry: mirror, image: c.webhookImage, tag: c.webhookTag, digest: "" },
        },
      },
    },
    defaultBackend: { enabled: false },
    imagePullSecrets: [...imagePullSecrets],
  };
}

/**
 * Children: `${name}-ingress-namespace`, `${name}-ingress-pull-secret` (private mirror), `${name}-ingress` (the Helm
 * release), `${name}-ingress-load-balancer`.
 */
export function createIngressController(
  name: string,
  args: IngressControllerArgs,
  parent: pulumi.Resource,
): IngressController {
  const c = INGRESS_CONTROLLER;
  const mirror = args.images.mirror.endpoint;
  const opts: pulumi.CustomResourceOptions = { parent, provider: args.provider };
  const labels = { ...args.labels };
  const namespace = new k8s.core.v1.Namespace(
    `${name}-ingress-namespace`,
    { metadata: { name: INGRESS_NAMESPACE, labels } },
    opts,
  );
  const release = new k8s.helm.v3.Release(
    `${name}-ingress`,
    {
      name: c.release,
      namespace: namespace.metadata.name,
      chart: pulumi.interpolate`oci://${mirror}/charts/${c.chart}`,
      version: c.chartVersion,
      repositoryOpts: chartRepositoryOpts(args.images),
      values: {
        ...ingressValues(
          args.ingressClass,
          mirror,
          pullSecretsIn(`${name}-ingress`, namespace.metadata.name, args.images, labels, opts),
        ),
        commonLabels: chartCommonLabels(labels),
      },
    },
    opts,
  );
  const service = new k8s.core.v1.Service(
    `${name}-ingress-load-balancer`,
    {
      metadata: { name: c.service, namespace: namespace.metadata.name, labels },
      spec: {
        type: "LoadBalancer",
        // Keeps the client's source address visible to the controller.
        externalTrafficPolicy: "Local",
        selector: controllerSelector(c.release),
        ports: [
          { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
          { name: "https", port: 443, targetPort: "https", protocol: "TCP" },
        ],
      },
    },
    pulumi.mergeOptions(opts, { dependsOn: [release] }),
  );
  const address = service.status.apply((status) => {
    const first = required(
      status.loadBalancer?.ingress?.[0],
      "status.loadBalancer.ingress[0] of the ingress Service",
    );
    return required(
      first.ip ?? first.hostname,
      "the ip or hostname of the ingress Service's load balancer",
    );
  });
  return { release, service, address };
}
