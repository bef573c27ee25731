/**
 * The fleet's traffic: per workload, one record per target at the workload's own host there (it reaches that
 * vendor alone), and the shared name `<host>.<domain>` answered by every target that runs it, routed by the
 * DNS service (health-checked, weighted or round-robin), in every DNS service that serves the zone. A drained target
 * (0 replicas) gets no record.
 */
import type * as pulumi from "@pulumi/pulumi";
import {
  DNS_SERVICES,
  dnsServicesOf,
  dnsZoneOf,
  type DnsRouting,
  type DnsServiceId,
  type FleetConfig,
} from "../../config/fleet";
import type { StackConfig } from "../../config/schema";
import {
  DNS_ADAPTERS,
  type DnsAdapter,
  type DnsEndpoint,
  type DnsRoutedArgs,
} from "../adapters/dns-registry";
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

/** Where a shared name's addresses come from and which key chose its routing, for the error that refuses one. */
export interface SharedNameContext {
  readonly fqdn: string;
  readonly service: DnsServiceId;
  readonly routing: DnsRouting;
  /** The config key that chose the routing: `sovereign:fleet.dns.routing` or `...alsoServedBy[i].routing`. */
  readonly key: string;
  /** Targets answering the shared name. */
  readonly endpoints: number;
}

/**
 * What a shared name needs of each address: routed records are Scaleway dynamic A records, whose pools hold IPs
 * (`RecordHTTPServiceConfig.IPs []net.IP`, `RecordWeightedConfigWeightedIP.IP net.IP`: scaleway-sdk-go
 * api/domain/v2beta1), so IPv4; several round-robin records at one name cannot be CNAMEs (RFC 1034 §3.6.2).
 */
export function addressNeedOf(ctx: SharedNameContext): "ipv4" | "ip" | undefined {
  if (ctx.routing !== "round-robin") return "ipv4";
  return ctx.endpoints > 1 ? "ip" : undefined;
}

/**
 * The address, when the shared name can take it; else an error naming the target, the address, the name and the
 * key. A host name is not resolved here: the addresses behind it change without a `pulumi up`.
 */
export function sharedAddress(address: string, target: string, ctx: SharedNameContext): string {
  const need = addressNeedOf(ctx);
  const type = recordTypeOf(address);
  if (need === undefined || type === "A" || (need === "ip" && type === "AAAA")) return address;
  const label = DNS_SERVICES[ctx.service].label;
  const what = type === "CNAME" ? "a host name" : "an IPv6 address";
  const why =
    need === "ipv4"
      ? `the ${ctx.routing} shared name ${ctx.fqdn} in ${label} is an A record whose pool takes IPv4 addresses only`
      : `the round-robin shared name ${ctx.fqdn} in ${label} has one record per target, and a CNAME cannot share its name with other records (RFC 1034 §3.6.2)`;
  throw new Error(
    `target ${target}: its ingress address ${address} is ${what}, but ${why} (routing set by ${ctx.key}); give ${target}'s ingress LoadBalancer an IPv4 address, or drain ${target} (sovereign:fleet.weights.${target}: 0)`,
  );
}

/** The targets behind a shared name, each address checked by `sharedAddress` once it is known (at `up`). */
export function sharedEndpoints(
  endpoints: readonly DnsEndpoint[],
  ctx: SharedNameContext,
): DnsEndpoint[] {
  return endpoints.map((e) => ({
    ...e,
    address: lift(e.address, (a) => sharedAddress(a, e.target, ctx)),
  }));
}

const typeOf = (address: pulumi.Input<string>) => lift(address, recordTypeOf);
const dataOf = (address: pulumi.Input<string>) => lift(address, recordDataOf);
function lift<T>(value: pulumi.Input<string>, f: (v: string) => T): pulumi.Input<T> {
  return typeof value === "string" ? f(value) : (value as pulumi.Output<string>).apply(f);
}

/** The fleet's DNS before any record exists: the shared hosts, and one declaration per workload that runs. */
export interface FleetDnsPlan {
  readonly hosts: Record<string, string>;
  /** Each declares one workload's records in every DNS service (in the order of `sovereign:workloads`). */
  readonly recordSets: readonly (() => pulumi.CustomResource[])[];
}

/**
 * Every workload's record set in each DNS service that serves the zone (`dns.provider`, then
 * `dns.alsoServedBy`): the same names and addresses everywhere, each shared name with its service's routing. The
 * first service's records keep their names; another service's carry its id as a suffix.
 */
export function dnsPlanOf(
  name: string,
  parent: pulumi.Resource,
  config: StackConfig,
  fleet: FleetConfig,
  platforms: readonly PlatformEntry[],
): FleetDnsPlan {
  const zone = dnsZoneOf(fleet.dns, config.domain);
  const opts: pulumi.CustomResourceOptions = { parent };
  const hosts: Record<string, string> = {};
  const services = dnsServicesOf(fleet.dns);
  const recordSets = config.workloads.flatMap((w) => {
    const serving = platforms.flatMap((p) =>
      p.workloads.filter((x) => x.name === w.name && x.replicas > 0).map((x) => ({ p, x })),
    );
    if (serving.length === 0) return [];
    const fqdn = sharedHostOf(w, config.domain);
    hosts[w.name] = fqdn;
    const sharedName = relativeName(fqdn, zone);
    const declare = () =>
      services.flatMap((service, i) => {
        const adapter = DNS_ADAPTERS[service.provider];
        const suffix = i === 0 ? "" : `-${service.provider}`;
        const own = serving.map(({ p, x }) =>
          adapter.record(
            `${name}-${w.name}-${p.target.name}-host${suffix}`,
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
        const ctx: SharedNameContext = {
          fqdn,
          service: service.provider,
          routing: service.routing,
          key:
            i === 0
              ? "sovereign:fleet.dns.routing"
              : `sovereign:fleet.dns.alsoServedBy[${i - 1}].routing`,
          endpoints: serving.length,
        };
        const shared = SHARED_RECORDS[service.routing](
          adapter,
          `${name}-${w.name}-shared${suffix}`,
          {
            zone,
            name: sharedName,
            fqdn,
            ttl: fleet.dns.ttl,
            healthPath: w.healthPath,
            mustContain: fleet.dns.mustContain,
            endpoints: sharedEndpoints(
              serving.map(({ p, x }) => ({
                target: p.target.name,
                address: p.contract.ingressAddress,
                weight: x.replicas,
              })),
              ctx,
            ),
          },
          opts,
        );
        return [...own, ...shared];
      });
    return [declare];
  });
  return { hosts, recordSets };
}
