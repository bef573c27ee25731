/**
 * cert-manager on every target, from the target's mirror (chart and images), and the ClusterIssuer the workloads'
 * Ingresses ask for certificates: the ACME CA of `sovereign:certificates` (Let's Encrypt, or an EU CA such as
 * HARICA or Actalis with external account binding), solving HTTP-01 through the target's ingress controller.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { CertificatesConfig } from "../../config/certificates";
import {
  MIRRORED_CHARTS,
  MIRRORED_IMAGES,
  type MirroredImageId,
} from "../../config/catalog/mirrored";
import type { TargetContext, TargetImages } from "../contract/types";
import { requiredSecret } from "../adapters/common";
import { PULL_SECRET, pullSecretsIn } from "../contract/images";
import { chartRepositoryOpts } from "./images";

export const CERT_MANAGER = {
  namespace: "cert-manager",
  release: "cert-manager",
  /** The ClusterIssuer every Ingress names (`cert-manager.io/cluster-issuer`). */
  clusterIssuer: "sovereign-acme",
  /** Secret holding the ACME account's private key (cert-manager creates it). */
  accountKeySecret: "sovereign-acme-account",
  /** Secret holding the EAB HMAC key, in cert-manager's namespace (its cluster resource namespace). */
  eabSecret: "sovereign-acme-eab",
  eabKey: "hmac",
} as const;

const repositoryOf = (mirror: pulumi.Input<string>, id: MirroredImageId) =>
  pulumi.interpolate`${mirror}/${MIRRORED_IMAGES[id].path}`;
const imageValues = (mirror: pulumi.Input<string>, id: MirroredImageId) => ({
  repository: repositoryOf(mirror, id),
  tag: MIRRORED_IMAGES[id].tag,
});

/** Helm values: every image from the mirror, CRDs installed and kept when the release goes. */
export function certManagerValues(
  mirror: pulumi.Input<string>,
  imagePullSecrets: readonly { name: pulumi.Input<string> }[],
): Record<string, unknown> {
  return {
    crds: { enabled: true, keep: true },
    global: { imagePullSecrets: [...imagePullSecrets] },
    image: imageValues(mirror, "certManagerController"),
    webhook: { image: imageValues(mirror, "certManagerWebhook") },
    cainjector: { image: imageValues(mirror, "certManagerCainjector") },
    acmesolver: { image: imageValues(mirror, "certManagerAcmeSolver") },
    startupapicheck: { image: imageValues(mirror, "certManagerStartupCheck") },
  };
}

/** The ClusterIssuer's `spec.acme`. `pullSecret`: the solver pods pull from a private mirror. */
export function acmeSpec(args: {
  readonly certificates: CertificatesConfig;
  readonly ingressClass: string;
  readonly pullSecret: boolean;
}): Record<string, unknown> {
  const { certificates } = args;
  const eab = certificates.externalAccount;
  return {
    server: certificates.server,
    ...(certificates.email ? { email: certificates.email } : {}),
    privateKeySecretRef: { name: CERT_MANAGER.accountKeySecret },
    ...(eab
      ? {
          externalAccountBinding: {
            keyID: eab.keyId,
            keySecretRef: { name: CERT_MANAGER.eabSecret, key: CERT_MANAGER.eabKey },
          },
        }
      : {}),
    solvers: [
      {
        http01: {
          ingress: {
            ingressClassName: args.ingressClass,
            // The solver pod runs in the Ingress's namespace, where the workload keeps its pull Secret.
            ...(args.pullSecret
              ? { podTemplate: { spec: { imagePullSecrets: [{ name: PULL_SECRET }] } } }
              : {}),
          },
        },
      },
    ],
  };
}

export interface CertManagerArgs {
  readonly provider: k8s.Provider;
  readonly ingressClass: string;
  readonly images: TargetImages;
  readonly certificates: CertificatesConfig;
  readonly labels: Readonly<Record<string, string>>;
  readonly ctx: Pick<TargetContext, "secrets" | "stack" | "target">;
}

export interface CertManager {
  readonly release: k8s.helm.v3.Release;
  readonly issuer: k8s.apiextensions.CustomResource;
}

/**
 * Children: `${name}-cert-manager-namespace`, `${name}-cert-manager-pull-secret` (private mirror),
 * `${name}-cert-manager` (the Helm release), `${name}-acme-eab` (with external account binding),
 * `${name}-cluster-issuer`.
 */
export function createCertManager(
  name: string,
  args: CertManagerArgs,
  parent: pulumi.Resource,
): CertManager {
  const c = CERT_MANAGER;
  const chart = MIRRORED_CHARTS.certManager;
  const mirror = args.images.mirror.endpoint;
  const opts: pulumi.CustomResourceOptions = { parent, provider: args.provider };
  const labels = { ...args.labels };
  const namespace = new k8s.core.v1.Namespace(
    `${name}-cert-manager-namespace`,
    { metadata: { name: c.namespace, labels } },
    opts,
  );
  const release = new k8s.helm.v3.Release(
    `${name}-cert-manager`,
    {
      name: c.release,
      namespace: namespace.metadata.name,
      chart: pulumi.interpolate`oci://${mirror}/${chart.path}`,
      version: chart.version,
      repositoryOpts: chartRepositoryOpts(args.images),
      values: certManagerValues(
        mirror,
        pullSecretsIn(`${name}-cert-manager`, namespace.metadata.name, args.images, labels, opts),
      ),
    },
    opts,
  );
  const eab = args.certificates.externalAccount;
  const eabSecret =
    eab &&
    new k8s.core.v1.Secret(
      `${name}-acme-eab`,
      {
        metadata: { name: c.eabSecret, namespace: namespace.metadata.name, labels },
        type: "Opaque",
        stringData: {
          [c.eabKey]: requiredSecret(
            args.ctx,
            eab.hmacKeySecret,
            "the HMAC key of the ACME external account binding",
            parent,
          ),
        },
      },
      opts,
    );
  const issuer = new k8s.apiextensions.CustomResource(
    `${name}-cluster-issuer`,
    {
      apiVersion: "cert-manager.io/v1",
      kind: "ClusterIssuer",
      metadata: { name: c.clusterIssuer, labels },
      spec: {
        acme: acmeSpec({
          certificates: args.certificates,
          ingressClass: args.ingressClass,
          pullSecret: args.images.pullCredentials.length > 0,
        }),
      },
    },
    // The ClusterIssuer kind exists once the chart has installed its CRDs.
    pulumi.mergeOptions(opts, { dependsOn: [release, ...(eabSecret ? [eabSecret] : [])] }),
  );
  return { release, issuer };
}
