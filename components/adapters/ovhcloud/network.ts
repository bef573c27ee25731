/**
 * OVHcloud network: the project's vRack attachment (when config names the vRack), a vRack private network in the
 * target's OpenStack region only (without `regions` OVH creates it in every region of the project), one DHCP subnet
 * whose first address is reserved for its gateway, and that gateway: MKS's public load balancers need one on their
 * subnet (docs/provider-preconditions.md). Nodes keep their public default route.
 */
import * as ovh from "@ovhcloud/pulumi-ovh";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkOutputs } from "../../contract/types";
import { required } from "../common";
import { ovhName, ovhOffering, ovhOptions, type OvhContext } from "./provider";

/** The OVH network outputs: `id` is the network's OpenStack id in the target's region, plus the subnet. */
export interface OvhNetworkOutputs extends NetworkOutputs {
  readonly subnetId: pulumi.Output<string>;
  /** The subnet's gateway, which MKS's public load balancers route through: the cluster waits for it. */
  readonly gateway: pulumi.Resource;
}

/** True when `network` came from this adapter (it carries the subnet MKS and the database attach to). */
export function isOvhNetwork(network: NetworkOutputs | undefined): network is OvhNetworkOutputs {
  return network !== undefined && "subnetId" in network;
}

/** DHCP range of a subnet: from the third address (the first two are the network and its router) to the last host. */
export function dhcpRange(cidr: string): { network: string; start: string; end: string } {
  const [address = "", prefixText = ""] = cidr.split("/");
  const prefix = Number(prefixText);
  const octets = address.split(".").map(Number);
  if (
    octets.length !== 4 ||
    octets.some((o) => !(o >= 0 && o <= 255)) ||
    !(prefix >= 8 && prefix <= 29)
  ) {
    throw new Error(
      `subnet ${cidr} must be an IPv4 CIDR with a prefix from /8 to /29, such as 10.20.0.0/24`,
    );
  }
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  const first = base - (base % size);
  const text = (n: number) =>
    [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
  return {
    network: `${text(first)}/${prefix}`,
    start: text(first + 2),
    end: text(first + size - 2),
  };
}

/**
 * Size of the gateway: `s`, the model OVHcloud creates by itself for a first public load balancer (ovh/docs
 * managed_kubernetes/expose_your_applications_using_a_load_balancer) and terraform-provider-ovh's examples use.
 */
export const GATEWAY_MODEL = "s";

/** Import id of a project's vRack attachment: `<vRack>/<project>` (vrack/cloudProject.d.ts, "Import"). */
export const vrackAttachmentId = (vrack: string, project: string) => `${vrack}/${project}`;

/**
 * `${name}-vrack` when config names the vRack: attaches the project, or adopts an existing attachment (`import`).
 * Never detached on destroy: the attachment is the project's, and a detach takes every private network of the
 * project (other stacks', the console's) off the vRack.
 */
function vrackAttachment(
  name: string,
  ctx: OvhContext,
  opts: pulumi.CustomResourceOptions,
): ovh.vrack.CloudProject | undefined {
  const vrack = ctx.target.vrack;
  if (vrack === undefined) return undefined;
  const project = ctx.target.serviceName;
  return new ovh.vrack.CloudProject(
    `${name}-vrack`,
    { serviceName: vrack.serviceName, projectId: project },
    pulumi.mergeOptions(opts, {
      retainOnDelete: true,
      ...(vrack.attached ? { import: vrackAttachmentId(vrack.serviceName, project) } : {}),
    }),
  );
}

/** Children: `${name}-vrack` (with `vrack` in config), `${name}-private-network`, `${name}-subnet`, `${name}-gateway`. */
export function ovhNetwork(
  name: string,
  ctx: OvhContext,
  parent: pulumi.Resource,
): OvhNetworkOutputs {
  const { openstackRegion } = ovhOffering(ctx);
  const opts = ovhOptions(name, parent);
  const attachment = vrackAttachment(name, ctx, opts);
  const network = new ovh.cloudproject.NetworkPrivate(
    `${name}-private-network`,
    {
      serviceName: ctx.target.serviceName,
      name: ovhName(ctx, "private-network"),
      regions: [openstackRegion],
      vlanId: ctx.target.vlanId,
    },
    attachment ? pulumi.mergeOptions(opts, { dependsOn: [attachment] }) : opts,
  );
  const subnet = new ovh.cloudproject.NetworkPrivateSubnet(
    `${name}-subnet`,
    {
      serviceName: ctx.target.serviceName,
      networkId: network.id,
      region: openstackRegion,
      ...dhcpRange(ctx.target.subnetCidr),
      dhcp: true,
      // The gateway takes the first host address; DHCP hands out from the next one on (dhcpRange).
      noGateway: false,
    },
    opts,
  );
  const regionalId = network.regionsAttributes.apply(
    (attributes) =>
      required(
        attributes.find((a) => a.region === openstackRegion),
        `regionsAttributes[${openstackRegion}] of the private network`,
      ).openstackid,
  );
  const gateway = new ovh.cloudproject.Gateway(
    `${name}-gateway`,
    {
      serviceName: ctx.target.serviceName,
      name: ovhName(ctx, "gateway"),
      model: GATEWAY_MODEL,
      region: openstackRegion,
      networkId: regionalId,
      subnetId: subnet.id,
    },
    opts,
  );
  return { id: regionalId, cidr: ctx.target.subnetCidr, subnetId: subnet.id, gateway };
}
