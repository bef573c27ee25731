/** The fleet layer: DNS failover over the targets' ingresses and cross-vendor copies of their data. */
import type * as pulumi from "@pulumi/pulumi";
import { Fleet } from "./fleet";
import type { FleetArgs } from "./plan";

export { Fleet, createFleet, type FleetOutputs } from "./fleet";
export {
  checkedFleet,
  nextOtherVendor,
  planCopies,
  ringSitesOf,
  rulesOf,
  type FleetArgs,
  type PlannedCopy,
  type PlatformEntry,
  type RingSite,
} from "./plan";
export {
  addressNeedOf,
  dnsPlanOf,
  recordDataOf,
  recordTypeOf,
  relativeName,
  sharedAddress,
  sharedEndpoints,
  sharedHostOf,
  type FleetDnsPlan,
  type SharedNameContext,
} from "./dns";
export { COPY_ROLE, REPLICATION_APP, createReplication } from "./replication";
export * from "../../domain/fleet-facts";
export * from "./jobs";

/**
 * Deploys the fleet over `platforms` (one entry per target, built by the platform layer). Throws a `ConfigError`
 * before creating anything when `sovereign:fleet` is missing or names targets and workloads that do not exist.
 */
export function deployFleet(
  name: string,
  args: FleetArgs,
  opts?: pulumi.ComponentResourceOptions,
): Fleet {
  return new Fleet(name, args, opts);
}
