/**
 * An existing cluster (STACKIT SKE, IONOS, Proximus, POST, on-premises) reached through the kubeconfig in the
 * target's secret config key. Nothing is created at the vendor: only the `k8s.Provider`.
 */
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { kubeconfigKeyOf } from "../../../config/schema";
import type { ClusterOutputs, NetworkOutputs } from "../../contract/types";
import { requiredSecret } from "../common";
import type { KubernetesContext } from "./context";

/** Child: `${name}-kubernetes` (the k8s provider). */
export function kubernetesCluster(
  name: string,
  ctx: KubernetesContext,
  _network: NetworkOutputs | undefined,
  parent: pulumi.Resource,
): ClusterOutputs {
  const kubeconfig = requiredSecret(
    ctx,
    kubeconfigKeyOf(ctx.target),
    `the kubeconfig of the ${ctx.placement.vendor} cluster`,
    parent,
    '"$(cat kubeconfig.yaml)"',
  );
  const provider = new k8s.Provider(
    `${name}-kubernetes`,
    { kubeconfig, context: ctx.target.context, enableServerSideApply: true },
    { parent },
  );
  return { kubeconfig, provider, ingressClass: ctx.target.ingressClass };
}
