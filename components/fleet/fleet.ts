/**
 * The fleet: one service over several vendors. It registers the rules the `diversification` pack judges, writes
 * the DNS records that spread and fail over traffic, and schedules the cross-vendor copies of every target's data.
 * Its children: DNS records (default provider of the configured DNS service) and, on each source target's cluster,
 * a namespace, Secrets and CronJobs.
 */
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { dnsPlanOf } from "./dns";
import { FLEET_TYPE, type FleetRules } from "../../domain/fleet-facts";
import { checkedFleet, rulesOf, type FleetArgs } from "./plan";
import { createReplication } from "./replication";

export interface FleetOutputs {
  readonly rules: FleetRules;
  /** Shared host per workload (`shop.apps.example.eu`). */
  readonly hosts: Record<string, string>;
  /** Every DNS record, once declared: at once, or with `args.pace` one workload's records per pace. */
  readonly records: Promise<pulumi.CustomResource[]>;
  readonly copyJobs: k8s.batch.v1.CronJob[];
}

/** Several targets serving the same workloads, with DNS failover and cross-vendor copies of their data. */
export class Fleet extends pulumi.ComponentResource {
  /** The registered rules: thresholds, required replicas per workload, the data services to copy. */
  public readonly rules: pulumi.Output<FleetRules>;
  public readonly hosts: pulumi.Output<Record<string, string>>;
  /** Settles when every DNS record is declared: at once, or with `args.pace`, one workload's records per pace. */
  public readonly declared: Promise<void>;

  constructor(name: string, args: FleetArgs, opts?: pulumi.ComponentResourceOptions) {
    const fleet = checkedFleet(args);
    const rules = rulesOf(args.config, fleet, args.platforms);
    super(FLEET_TYPE, name, { fleet: rules }, opts);
    const outputs = createFleet(name, this, args);
    this.declared = outputs.records.then(() => undefined);
    this.rules = pulumi.output(outputs.rules);
    this.hosts = pulumi.output(outputs.hosts);
    this.registerOutputs({ fleet: outputs.rules, hosts: outputs.hosts });
  }
}

/**
 * Declares the record sets: all of them now without `pace` (a mistake throws from the constructor), else one
 * set and then `pace`, in turn.
 */
function declareRecords(
  sets: readonly (() => pulumi.CustomResource[])[],
  pace: (() => Promise<void>) | undefined,
): Promise<pulumi.CustomResource[]> {
  if (!pace) return Promise.resolve(sets.flatMap((declare) => declare()));
  return (async () => {
    const records: pulumi.CustomResource[] = [];
    for (const declare of sets) {
      records.push(...declare());
      await pace();
    }
    return records;
  })();
}

/** Creates the fleet's children under `self`. Child names start with `name`. */
export function createFleet(
  name: string,
  self: pulumi.ComponentResource,
  args: FleetArgs,
): FleetOutputs {
  const fleet = checkedFleet(args);
  const rules = rulesOf(args.config, fleet, args.platforms);
  const dns = dnsPlanOf(name, self, args.config, fleet, args.platforms);
  const records = declareRecords(dns.recordSets, args.pace);
  const copyJobs = createReplication(name, self, fleet, args.platforms);
  return { rules, hosts: dns.hosts, records, copyJobs };
}
