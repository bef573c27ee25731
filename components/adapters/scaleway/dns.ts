/**
 * Scaleway Domains and DNS: plain records, and dynamic records that health-check an address pool (`httpService`)
 * or answer by weight (`weighteds`). Only A records can be dynamic, so routed names need IPv4 ingress addresses.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import type { DnsAdapter, DnsRoutedArgs } from "../dns-registry";

/** User agent of Scaleway's health checks, so ingress logs tell them apart from users. */
export const HEALTH_CHECK_USER_AGENT = "sovereign-deploy-fleet-check";

/** The address answered when no check passes (and the record's static value). */
const fallbackOf = (args: DnsRoutedArgs): pulumi.Input<string> => {
  const first = args.endpoints[0];
  if (!first) throw new Error(`DNS record ${args.fqdn} needs at least one target`);
  return first.address;
};

export const scalewayDns: DnsAdapter = {
  service: "scaleway",
  recordType: "scaleway:domain/record:Record",
  record: (name, args, opts) =>
    new scaleway.domain.Record(
      name,
      { dnsZone: args.zone, name: args.name, type: args.type, data: args.data, ttl: args.ttl },
      opts,
    ),
  routed: {
    // `all` answers every address whose check passes: clients spread over the healthy vendors.
    "health-checked": (name, args, opts) =>
      new scaleway.domain.Record(
        name,
        {
          dnsZone: args.zone,
          name: args.name,
          type: "A",
          data: fallbackOf(args),
          ttl: args.ttl,
          httpService: {
            ips: args.endpoints.map((e) => e.address),
            mustContain: args.mustContain,
            url: `https://${args.fqdn}${args.healthPath}`,
            userAgent: HEALTH_CHECK_USER_AGENT,
            strategy: "all",
          },
        },
        opts,
      ),
    weighted: (name, args, opts) =>
      new scaleway.domain.Record(
        name,
        {
          dnsZone: args.zone,
          name: args.name,
          type: "A",
          data: fallbackOf(args),
          ttl: args.ttl,
          weighteds: args.endpoints.map((e) => ({ ip: e.address, weight: e.weight })),
        },
        opts,
      ),
  },
};
