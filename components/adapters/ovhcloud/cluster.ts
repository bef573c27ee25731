/**
 * OVHcloud Managed Kubernetes (MKS): a cluster in the target's OpenStack region on the private subnet, one
 * autoscaled node pool, and a `k8s.Provider` on the cluster's kubeconfig that waits for the pool.
 */
import * as ovh from "@ovhcloud/pulumi-ovh";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { VERSIONS } from "../../../config/catalog/offerings";
import { DEFAULT_INGRESS_CLASS } from "../../../config/schema";
import { SIZES } from "../../../config/catalog/sizes";
import type { ClusterOutputs, NetworkOutputs } from "../../contract/types";
import { isOvhNetwork } from "./network";
import { ovhName, ovhOffering, ovhOptions, type OvhContext } from "./provider";

export const MKS = {
  ingressClass: DEFAULT_INGRESS_CLASS,
  /** Nodes reach the internet through their public interface, not through a vRack gateway. */
  privateNetworkConfiguration: { defaultVrackGateway: "", privateNetworkRoutingAsDefault: false },
} as const;

/**
 * The node pool's availability zone in a 3-AZ region (the target's `zone`, else the region's first), as the one-item
 * list MKS takes ("mandatory for multi-zone", one zone per pool: cloudproject/kubeNodePool.d.ts); none elsewhere.
 */
export function nodePoolZones(ctx: OvhContext): string[] | undefined {
  const zones = ovhOffering(ctx).zones;
  const zone = ctx.target.zone?.toLowerCase() ?? zones[0];
  return zones.length > 0 && zone !== undefined ? [zone] : undefined;
}

/** Children: `${name}-cluster`, `${name}-node-pool`, `${name}-kubernetes` (the k8s provider). */
export function ovhCluster(
  name: string,
  ctx: OvhContext,
  network: NetworkOutputs | undefined,
  parent: pulumi.Resource,
): ClusterOutputs {
  if (!isOvhNetwork(network)) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name}: an MKS cluster needs the target's private network and subnet, and none was created`,
      parent,
    );
  }
  const offering = ovhOffering(ctx);
  const opts = ovhOptions(name, parent);
  const kube = new ovh.cloudproject.Kube(
    `${name}-cluster`,
    {
      serviceName: ctx.target.serviceName,
      name: ovhName(ctx, "cluster"),
      region: offering.openstackRegion,
      version: VERSIONS.kubernetes,
      plan: offering.kubePlan,
      privateNetworkId: network.id,
      nodesSubnetId: network.subnetId,
      privateNetworkConfiguration: { ...MKS.privateNetworkConfiguration },
    },
    // Public load balancers need the subnet's gateway, a multi-zone cluster too (cloud_project_kube.md examples).
    pulumi.mergeOptions(opts, { dependsOn: [network.gateway] }),
  );
  const pool = new ovh.cloudproject.KubeNodePool(
    `${name}-node-pool`,
    {
      serviceName: ctx.target.serviceName,
      kubeId: kube.id,
      name: ovhName(ctx, "pool"),
      flavorName: SIZES.ovhcloud[ctx.target.size].node,
      desiredNodes: ctx.target.nodes.min,
      minNodes: ctx.target.nodes.min,
      maxNodes: ctx.target.nodes.max,
      autoscale: true,
      availabilityZones: nodePoolZones(ctx),
    },
    // The autoscaler owns the current node count once the pool exists.
    pulumi.mergeOptions(opts, { ignoreChanges: ["desiredNodes"] }),
  );
  const kubeconfig = pulumi.secret(kube.kubeconfig);
  const provider = new k8s.Provider(
    `${name}-kubernetes`,
    { kubeconfig, enableServerSideApply: true },
    { parent, dependsOn: [pool] },
  );
  return { kubeconfig, provider, ingressClass: MKS.ingressClass };
}
