/** Scaleway network: a VPC and one regional private network the cluster and the database attach to. */
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import type { NetworkOutputs } from "../../contract/types";
import { tagList } from "../../contract/labels";
import { scalewayLocation, scalewayName, scalewayOptions, type ScalewayContext } from "./provider";

/** Children: `${name}-vpc`, `${name}-private-network`. */
export function scalewayNetwork(
  name: string,
  ctx: ScalewayContext,
  parent: pulumi.Resource,
): NetworkOutputs {
  const { region } = scalewayLocation(ctx);
  const opts = scalewayOptions(name, ctx, parent);
  const tags = tagList(ctx.labels);
  const vpc = new scaleway.network.Vpc(
    `${name}-vpc`,
    { name: scalewayName(ctx, "vpc"), region, projectId: ctx.target.projectId, tags },
    opts,
  );
  const privateNetwork = new scaleway.network.PrivateNetwork(
    `${name}-private-network`,
    {
      name: scalewayName(ctx, "private-network"),
      region,
      projectId: ctx.target.projectId,
      vpcId: vpc.id,
      ipv4Subnet: { subnet: ctx.target.privateNetworkCidr },
      tags,
    },
    opts,
  );
  return { id: privateNetwork.id, cidr: ctx.target.privateNetworkCidr };
}
