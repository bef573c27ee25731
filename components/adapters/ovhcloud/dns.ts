/**
 * OVHcloud DNS: plain zone records only. It has no health checks or weights, so a shared name is round-robin:
 * clients try the next address when one fails, and draining a vendor (weight 0) removes its record.
 */
import * as ovh from "@ovhcloud/pulumi-ovh";
import type { DnsAdapter } from "../dns-registry";

export const ovhcloudDns: DnsAdapter = {
  service: "ovhcloud",
  recordType: "ovh:Domain/zoneRecord:ZoneRecord",
  record: (name, args, opts) =>
    new ovh.domain.ZoneRecord(
      name,
      {
        zone: args.zone,
        subdomain: args.name,
        fieldtype: args.type,
        target: args.data,
        ttl: args.ttl,
      },
      opts,
    ),
  routed: {},
};
