import { copyJobsOf, forEachFleet, type CopyJob } from "../../../domain/fleet-facts";
import { definePolicy, PackName, PolicyArea } from "../../lib/define";
import { DORA, FLEET_TAGS } from "./shared";

const SERVICE_WORDS = { objects: "bucket", database: "database" } as const;

/** Why a job is not a cross-vendor copy of `vendor`'s data, or undefined when it is one. */
function flaw(job: CopyJob, vendor: string): string | undefined {
  if (job.suspended) return "its CronJob is suspended";
  if (job.destinationVendor === undefined)
    return "its CronJob names no destination vendor (sovereign.eu/copy-to-vendor)";
  if (job.destinationVendor === vendor)
    return `its CronJob copies to ${job.destination ?? "a target"} at the same vendor`;
  return undefined;
}

/** Every stateful service of a fleet (bucket, database) is copied to another vendor by a running CronJob. */
export const fleetDataMissingCrossVendorCopy = definePolicy({
  name: "fleet-data-missing-cross-vendor-copy",
  description:
    "Every bucket and database of a fleet's targets is copied on a schedule to a bucket at another vendor by a replication CronJob that is not suspended.",
  enforcementLevel: "mandatory",
  validateStack: (args, report) => {
    const jobs = copyJobsOf(args.resources);
    forEachFleet(
      args.resources,
      ({ urn, rules }) => {
        for (const svc of rules.stateful) {
          const mine = jobs.filter((j) => j.kind === svc.kind && j.source === svc.target);
          if (mine.some((j) => flaw(j, svc.vendor) === undefined)) continue;
          const what = `the ${SERVICE_WORDS[svc.kind]} of target ${svc.target} (${svc.vendor}) has no copy at another vendor`;
          const job = mine[0];
          if (job)
            report(
              `${what}: ${flaw(job, svc.vendor) ?? "no job qualifies"}; let the fleet's replication schedule it, unsuspended`,
              job.urn,
            );
          else
            report(
              `${what}: no replication CronJob ships it to a bucket of a different vendor; add a target of another vendor with an object store, so the fleet's ring pairs it`,
              urn,
            );
        }
      },
      report,
    );
  },
  severity: "high",
  framework: DORA,
  tags: FLEET_TAGS,
  remediationSteps:
    "Give the fleet a target of another vendor with an object store in sovereign:targets (objectStore enabled or external), so deployFleet schedules the copy; never suspend the fleet-replication CronJobs.",
  pack: PackName.diversification,
  area: PolicyArea.fleet,
});
