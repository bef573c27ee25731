/**
 * The neutral ingress controller every target gets: Traefik Proxy from its Helm chart and image mirrored into an EU
 * registry, serving the standard `networking.k8s.io/v1` Ingress of the workloads. The chart's own Service is off and
 * our LoadBalancer Service fronts the controller pods, so the public address comes from one object whatever the
 * provider (its `status.loadBalancer.ingress[0]`). Why Traefik: docs/stacks.md ("Ingress controller").
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MIRRORED_CHARTS, MIRRORED_IMAGES } from "../../config/catalog/mirrored";
import { INGRESS_NAMESPACE } from "../workload";
import { required } from "../adapters/common";
import type { TargetImages } from "../contract/types";
import { pullSecretsIn } from "../contract/images";
import { chartRepositoryOpts } from "./images";

/** The release, its pods and our Service; chart and image versions live in config/catalog/mirrored.ts. */
export const INGRESS_CONTROLLER = {
  chart: MIRRORED_CHARTS.traefik,
  image: MIRRORED_IMAGES.traefik,
  /** Helm release name: the chart labels the controller pods with it. */
  release: "traefik",
  /** Our LoadBalancer Service. */
  service: "sovereign-ingress",
  /** Two pods on different nodes where the pool has them, and at most one out at a time (the PDB). */
  replicas: 2,
  /** The chart sets none; ingress-nginx's chart requested 100m and 90Mi. A memory limit also sets GOMEMLIMIT. */
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
  /** Container ports of the chart's `web` and `websecure` entry points (values.yaml `ports`). */
  ports: { http: "web", https: "websecure" },
} as const;

/**
 * The HTTP to HTTPS redirect every workload's Ingress gets, as ingress-nginx gave Ingresses with TLS by default: a
 * Traefik `Middleware` (`redirectScheme`, CRD `traefik.io/v1alpha1` of chart 41.3.0) in the controller's namespace,
 * named on the Ingress as `<namespace>-<name>@kubernetescrd`. It is per Ingress, not per entry point, so
 * cert-manager's HTTP-01 solver Ingress (a longer, hence preferred, rule on the same host) still answers on HTTP.
 */
export const HTTPS_REDIRECT = {
  middleware: "redirect-https",
  annotation: "traefik.ingress.kubernetes.io/router.middlewares",
} as const;

/** The annotations the workloads' Ingresses carry for the controller. */
export function ingressAnnotations(): Record<string, string> {
  return {
    [HTTPS_REDIRECT.annotation]: `${INGRESS_NAMESPACE}-${HTTPS_REDIRECT.middleware}@kubernetescrd`,
  };
}

export interface IngressControllerArgs {
  readonly provider: k8s.Provider;
  /** IngressClass the controller serves (the workloads' `ingressClassName`). */
  readonly ingressClass: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The target's registries: the chart and image come from its mirror, with its pull credentials. */
  readonly images: TargetImages;
}

export interface IngressController {
  readonly release: k8s.helm.v3.Release;
  /** The Middleware `ingressAnnotations()` names: Ingresses wait for it. */
  readonly redirect: k8s.apiextensions.CustomResource;
  readonly service: k8s.core.v1.Service;
  /** Public IP (or hostname) of the LoadBalancer Service. */
  readonly address: pulumi.Output<string>;
}

/**
 * The chart's `commonLabels`: our labels without the `app.kubernetes.io/*` keys the chart writes itself (its
 * `traefik.labels` helper emits name, instance and managed-by, then `toYaml .Values.commonLabels`:
 * traefik/traefik-helm-chart traefik/templates/_helpers.tpl at v41.3.0), so no object gets a key twice.
 */
export function chartCommonLabels(
  labels: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).filter(([key]) => !key.startsWith("app.kubernetes.io/")),
  );
}

/**
 * Selector of the chart's controller pods: its `traefik.labelselector` helper, whose instance label is
 * `<release>-<namespace>` (`traefik.instance-name`, _helpers.tpl at v41.3.0).
 */
export function controllerSelector(release: string, namespace: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": "traefik",
    "app.kubernetes.io/instance": `${release}-${namespace}`,
  };
}

/**
 * Helm values (chart 41.3.0 values.yaml): the mirrored image, our IngressClass (not the cluster default), no chart
 * Service, Ingress status from ours, two spread replicas with a PDB, no call home.
 */
export function ingressValues(
  ingressClass: string,
  mirror: pulumi.Input<string>,
  imagePullSecrets: readonly { name: pulumi.Input<string> }[] = [],
): Record<string, unknown> {
  const c = INGRESS_CONTROLLER;
  return {
    image: { registry: mirror, repository: c.image.path, tag: c.image.tag },
    deployment: { replicas: c.replicas, imagePullSecrets: [...imagePullSecrets] },
    podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: "kubernetes.io/hostname",
        // A one-node pool still runs both pods.
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector: { matchLabels: controllerSelector(c.release, INGRESS_NAMESPACE) },
      },
    ],
    resources: c.resources,
    // Another controller on an existing cluster may own the default class; our Ingresses name theirs.
    ingressClass: { enabled: true, isDefaultClass: false, name: ingressClass },
    providers: {
      kubernetesIngress: {
        enabled: true,
        // Ingress objects report our Service's address, which Pulumi waits for.
        publishedService: { enabled: true, pathOverride: `${INGRESS_NAMESPACE}/${c.service}` },
      },
    },
    service: { enabled: false },
    global: { checkNewVersion: false, sendAnonymousUsage: false },
  };
}

/**
 * Children: `${name}-ingress-namespace`, `${name}-ingress-pull-secret` (private mirror), `${name}-ingress` (the Helm
 * release), `${name}-ingress-load-balancer`, `${name}-ingress-https-redirect`.
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
      chart: pulumi.interpolate`oci://${mirror}/${c.chart.path}`,
      version: c.chart.version,
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
        selector: controllerSelector(c.release, INGRESS_NAMESPACE),
        ports: [
          { name: "http", port: 80, targetPort: c.ports.http, protocol: "TCP" },
          { name: "https", port: 443, targetPort: c.ports.https, protocol: "TCP" },
        ],
      },
    },
    pulumi.mergeOptions(opts, { dependsOn: [release] }),
  );
  const redirect = new k8s.apiextensions.CustomResource(
    `${name}-ingress-https-redirect`,
    {
      apiVersion: "traefik.io/v1alpha1",
      kind: "Middleware",
      metadata: { name: HTTPS_REDIRECT.middleware, namespace: namespace.metadata.name, labels },
      spec: { redirectScheme: { scheme: "https", permanent: true } },
    },
    // The Middleware kind exists once the chart has installed its CRDs.
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
  return { release, redirect, service, address };
}
