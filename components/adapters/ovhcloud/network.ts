/**
 * OVHcloud network: a vRack private network in the target's OpenStack region only (without `regions` OVH creates it
 * in every region of the project) and one DHCP subnet without a gateway: nodes keep their public default route.
 */
import * as ovh from "@ovhcloud/pulumi-ovh";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkOutputs } from "../../contract/types";
import { required } from "../common";
import { ovhName, ovhOffering, ovhOptions, type OvhContext } from "./provider";

/** The OVH network outputs: `id` is the network's OpenStack id in the target's region, plus the subnet. */
export interface OvhNetworkOutputs extends NetworkOutputs {
  readonly subnetId: pulumi.Output<string>;
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

/** Children: `${name}-private-network`, `${name}-subnet`. */
export function ovhNetwork(
  name: string,
  ctx: OvhContext,
  parent: pulumi.Resource,
): OvhNetworkOutputs {
  const { openstackRegion } = ovhOffering(ctx);
  const opts = ovhOptions(name, parent);
  const network = new ovh.cloudproject.NetworkPrivate(
    `${name}-private-network`,
    {
      serviceName: ctx.target.serviceName,
      name: ovhName(ctx, "private-network"),
      regions: [openstackRegion],
      vlanId: ctx.target.vlanId,
    },
    opts,
  );
  const subnet = new ovh.cloudproject.NetworkPrivateSubnet(
    `${name}-subnet`,
    {
      serviceName: ctx.target.serviceName,
      networkId: network.id,
      region: openstackRegion,
      ...dhcpRange(ctx.target.subnetCidr),
      dhcp: true,
      noGateway: true,
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
  return { id: regionalId, cidr: ctx.target.subnetCidr, subnetId: subnet.id };
}
