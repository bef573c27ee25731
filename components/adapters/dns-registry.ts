/**
 * The DNS-record capability of the EU DNS services the fleet writes to, one adapter per service in a typed
 * record (no switch). Shared code names the capability; only `scaleway/dns.ts` and `ovhcloud/dns.ts` name SDKs.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { DnsRouting, DnsServiceId } from "../../config/fleet";
import { scalewayDns } from "./scaleway/dns";
import { ovhcloudDns } from "./ovhcloud/dns";

/** One plain record: `name` is relative to `zone` (`""` for the zone apex). */
export interface DnsRecordArgs {
  readonly zone: string;
  readonly name: pulumi.Input<string>;
  /** `A`, `AAAA` or `CNAME`. */
  readonly type: pulumi.Input<string>;
  readonly data: pulumi.Input<string>;
  readonly ttl: number;
}

/** One target behind a shared name. */
export interface DnsEndpoint {
  readonly target: string;
  /** IPv4 address of the target's ingress. */
  readonly address: pulumi.Input<string>;
  /** Replicas of the workload there: the record's weight. */
  readonly weight: number;
}

/** A shared name answered by several targets, with a provider feature deciding which address a client gets. */
export interface DnsRoutedArgs {
  readonly zone: string;
  readonly name: string;
  /** Fully qualified shared name, for the health check's URL. */
  readonly fqdn: string;
  readonly ttl: number;
  /** Path the health check requests on every address. */
  readonly healthPath: string;
  /** Text the health check expects in the response body. */
  readonly mustContain: string;
  /** At least one. */
  readonly endpoints: readonly DnsEndpoint[];
}

export type RoutedRecord = (
  name: string,
  args: DnsRoutedArgs,
  opts: pulumi.CustomResourceOptions,
) => pulumi.CustomResource;

export interface DnsAdapter {
  readonly service: DnsServiceId;
  /** Type token of the record resource, as the engine and the policies see it. */
  readonly recordType: string;
  /** Creates one plain record. */
  record(
    name: string,
    args: DnsRecordArgs,
    opts: pulumi.CustomResourceOptions,
  ): pulumi.CustomResource;
  /** Routings that need a provider feature, each one record; round-robin is plain records and needs none. */
  readonly routed: Readonly<Partial<Record<Exclude<DnsRouting, "round-robin">, RoutedRecord>>>;
}

export const DNS_ADAPTERS: Readonly<Record<DnsServiceId, DnsAdapter>> = {
  scaleway: scalewayDns,
  ovhcloud: ovhcloudDns,
};
