/**
 * The fleet's traffic: per workload, one record per target at the workload's own host there (it reaches that
 * vendor alone), and the shared name `<host>.<domain>` answered by every target that runs it, routed by the
 * configured DNS service (health-checked, weighted or round-robin). A drained target (0 replicas) gets no record.
 */
import type * as pulumi from "@pulumi/pulumi";
import { dnsRoutingOf, dnsZoneOf, type DnsRouting, type FleetConfig } from "../../config/fleet";
import type { StackConfig } from "../../config/schema";
import { DNS_ADAPTERS, type DnsAdapter, type DnsRoutedArgs } from "../adapters/dns-registry";
import type { PlatformEntry } from "./plan";

/** `shop.apps.example.eu` in zone `example.eu` → `shop.apps`; the zone itself → `""`. */
export function relativeName(host: string, zone: string): string {
  if (host === zone) return "";
  if (host.endsWith(`.${zone}`)) return host.slice(0, -(zone.length + 1));
  throw new Error(
    `host ${host} is not under the DNS zone ${zone}; set sovereign:fleet.dns.zone to a parent of ${host}`,
  );
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The record type that points a name at `address`: A for IPv4, AAAA for IPv6, CNAME for a host name. */
export function recordTypeOf(address: string): "A" | "AAAA" | "CNAME" {
  if (IPV4.test(address)) return "A";
  return address.includes(":") ? "AAAA" : "CNAME";
}

/** The record's value: the address, with the trailing dot a CNAME target needs. */
export function recordDataOf(address: string): string {
  return recordTypeOf(address) === "CNAME" && !address.endsWith(".") ? `${address}.` : address;
}

/** The shared host of a workload: `<host ?? name>.<domain>`. */
export function sharedHostOf(
  workload: { readonly name: string; readonly host?: string },
  domain: string,
): string {
  return `${workload.host ?? workload.name}.${domain}`;
}

type SharedRecords = (
  adapter: DnsAdapter,
  name: string,
  args: DnsRoutedArgs,
  opts: pulumi.CustomResourceOptions,
) => pulumi.CustomResource[];

const routedBy =
  (routing: Exclude<DnsRouting, "round-robin">): SharedRecords =>
  (adapter, name, args, opts) => {
    const make = adapter.routed[routing];
    if (!make)
      throw new Error(
        `${adapter.service} DNS offers no ${routing} records; set sovereign:fleet.dns.routing to round-robin`,
      );
    return [make(name, args, opts)];
  };

/** How the shared name is written, per routing. */
const SHARED_RECORDS: Readonly<Record<DnsRouting, SharedRecords>> = {
  "health-checked": routedBy("health-checked"),
  weighted: routedBy("weighted"),
  "round-robin": (adapter, name, args, opts) =>
    args.endpoints.map((e) =>
      adapter.record(
        `${name}-${e.target}`,
        {
          zone: args.zone,
          name: args.name,
          type: typeOf(e.address),
          data: dataOf(e.address),
          ttl: args.ttl,
        },
        opts,
      ),
    ),
};

const typeOf = (address: pulumi.Input<string>) => lift(address, recordTypeOf);
const dataOf = (address: pulumi.Input<string>) => lift(address, recordDataOf);
function lift<T>(value: pulumi.Input<string>, f: (v: string) => T): pulumi.Input<T> {
  return typeof value === "string" ? f(value) : (value as pulumi.Output<string>).apply(f);
}

export interface FleetDns {
  /** Shared host per workload, for workloads that run somewhere. */
  readonly hosts: Record<string, string>;
  readonly records: pulumi.CustomResource[];
}

/** Creates every workload's record set in the configured DNS service. */
export function createDns(
  name: string,
  parent: pulumi.Resource,
  config: StackConfig,
  fleet: FleetConfig,
  platforms: readonly PlatformEntry[],
): FleetDns {
  const adapter = DNS_ADAPTERS[fleet.dns.provider];
  const zone = dnsZoneOf(fleet.dns, config.domain);
  const opts: pulumi.CustomResourceOptions = { parent };
  const hosts: Record<string, string> = {};
  const records = config.workloads.flatMap((w) => {
    const serving = platforms.flatMap((p) =>
      p.workloads.filter((x) => x.name === w.name && x.replicas > 0).map((x) => ({ p, x })),
    );
    if (serving.length === 0) return [];
    const fqdn = sharedHostOf(w, config.domain);
    hosts[w.name] = fqdn;
    const own = serving.map(({ p, x }) =>
      adapter.record(
        `${name}-${w.name}-${p.target.name}-host`,
        {
          zone,
          name: x.host.apply((h) => relativeName(h, zone)),
          type: p.contract.ingressAddress.apply(recordTypeOf),
          data: p.contract.ingressAddress.apply(recordDataOf),
          ttl: fleet.dns.ttl,
        },
        opts,
      ),
    );
    const shared = SHARED_RECORDS[dnsRoutingOf(fleet.dns)](
      adapter,
      `${name}-${w.name}-shared`,
      {
        zone,
        name: relativeName(fqdn, zone),
        fqdn,
        ttl: fleet.dns.ttl,
        healthPath: w.healthPath,
        mustContain: fleet.dns.mustContain,
        endpoints: serving.map(({ p, x }) => ({
          target: p.target.name,
          address: p.contract.ingressAddress,
          weight: x.replicas,
        })),
      },
      opts,
    );
    return [...own, ...shared];
  });
  return { hosts, records };
}
