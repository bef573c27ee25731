/**
 * Scaleway Kubernetes: a Kapsule cluster on the target's private network, one autoscaled node pool in the target's
 * zone, and a `k8s.Provider` on the cluster's kubeconfig that waits for the pool.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { VERSIONS } from "../../../config/catalog/offerings";
import { DEFAULT_INGRESS_CLASS } from "../../../config/schema";
import { SIZES } from "../../../config/catalog/sizes";
import type { ClusterOutputs, NetworkOutputs } from "../../contract/types";
import { tagList } from "../../contract/labels";
import { required } from "../common";
import { scalewayLocation, scalewayName, scalewayOptions, type ScalewayContext } from "./provider";

/** Kapsule settings we do not expose: a managed control plane, Cilium, patch upgrades on Sunday night. */
export const KAPSULE = {
  type: "kapsule",
  cni: "cilium",
  autoUpgrade: { enable: true, maintenanceWindowDay: "sunday", maintenanceWindowStartHour: 3 },
  ingressClass: DEFAULT_INGRESS_CLASS,
} as const;

/** Children: `${name}-cluster`, `${name}-node-pool`, `${name}-kubernetes` (the k8s provider). */
export function scalewayCluster(
  name: string,
  ctx: ScalewayContext,
  network: NetworkOutputs | undefined,
  parent: pulumi.Resource,
): ClusterOutputs {
  if (network === undefined) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name}: a Kapsule cluster needs the target's private network, and none was created`,
      parent,
    );
  }
  const { region, zone } = scalewayLocation(ctx);
  const opts = scalewayOptions(name, ctx, parent);
  const tags = tagList(ctx.labels);
  // The API's own answer: a minor Kapsule does not offer in the region fails the preview, not the `up`.
  const version = scaleway.kubernetes.getVersionOutput(
    { name: VERSIONS.kubernetes, region },
    { parent, provider: opts.provider },
  );
  const cluster = new scaleway.kubernetes.Cluster(
    `${name}-cluster`,
    {
      name: scalewayName(ctx, "cluster"),
      type: KAPSULE.type,
      version: version.majorMinorOnly,
      cni: KAPSULE.cni,
      region,
      projectId: ctx.target.projectId,
      privateNetworkId: network.id,
      // Load balancers and volumes the cluster created stay when it is deleted: they may hold data.
      deleteAdditionalResources: false,
      autoUpgrade: { ...KAPSULE.autoUpgrade },
      tags,
    },
    opts,
  );
  const pool = new scaleway.kubernetes.Pool(
    `${name}-node-pool`,
    {
      name: scalewayName(ctx, "pool"),
      clusterId: cluster.id,
      nodeType: SIZES.scaleway[ctx.target.size].node,
      size: ctx.target.nodes.min,
      minSize: ctx.target.nodes.min,
      maxSize: ctx.target.nodes.max,
      autoscaling: true,
      autohealing: true,
      region,
      zone,
      tags,
    },
    // The autoscaler owns the current size once the pool exists.
    pulumi.mergeOptions(opts, { ignoreChanges: ["size"] }),
  );
  const kubeconfig = pulumi.secret(
    cluster.kubeconfigs.apply(
      (configs) => required(configs[0], "kubeconfigs[0] of the Kapsule cluster").configFile,
    ),
  );
  const provider = new k8s.Provider(
    `${name}-kubernetes`,
    { kubeconfig, enableServerSideApply: true },
    { parent, dependsOn: [pool] },
  );
  return { kubeconfig, provider, ingressClass: KAPSULE.ingressClass };
}
