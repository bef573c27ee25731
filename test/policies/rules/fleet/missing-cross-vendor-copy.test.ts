import { describe, expect, test } from "vitest";
import { fleetDataMissingCrossVendorCopy as policy } from "../../../../policies/rules/fleet";
import {
  COPIES,
  compliant,
  copyJob,
  deployment,
  fleetResource,
  FLEET_URN,
  SITES,
  violations,
} from "./fixtures";

const [parObjects, parDatabase, skeDatabase] = COPIES as [
  (typeof COPIES)[0],
  (typeof COPIES)[0],
  (typeof COPIES)[0],
];
const others = SITES.map((s) => deployment(s));

describe("fleet-data-missing-cross-vendor-copy", () => {
  test("passes when every bucket and database is copied to another vendor", async () => {
    expect(await violations(policy, compliant())).toEqual([]);
  });

  test("fails when a database has no replication job", async () => {
    expect(
      await violations(policy, [
        fleetResource(),
        ...others,
        copyJob(parObjects),
        copyJob(parDatabase),
      ]),
    ).toEqual([
      {
        message:
          "the database of target ske (stackit) has no copy at another vendor: no replication CronJob ships it to a bucket of a different vendor; add a target of another vendor with an object store, so the fleet's ring pairs it",
        urn: FLEET_URN,
      },
    ]);
  });

  test.each([
    [
      "copies to the same vendor",
      { ...parObjects, destination: "ams", destinationVendor: "scaleway" },
      "its CronJob copies to ams at the same vendor",
    ],
    ["is suspended", { ...parObjects, suspend: true }, "its CronJob is suspended"],
    [
      "names no destination vendor",
      { ...parObjects, destinationVendor: "" },
      "its CronJob names no destination vendor (sovereign.eu/copy-to-vendor)",
    ],
  ])("fails when the bucket's job %s", async (_case, flawed, why) => {
    const job = copyJob(flawed);
    expect(
      await violations(policy, [
        fleetResource(),
        ...others,
        job,
        copyJob(parDatabase),
        copyJob(skeDatabase),
      ]),
    ).toEqual([
      {
        message: `the bucket of target par (scaleway) has no copy at another vendor: ${why}; let the fleet's replication schedule it, unsuspended`,
        urn: job.urn,
      },
    ]);
  });

  test("passes a data service with one flawed and one sound job", async () => {
    const sameVendor = copyJob({
      ...parObjects,
      destination: "ams",
      destinationVendor: "scaleway",
    });
    expect(await violations(policy, [...compliant(), sameVendor])).toEqual([]);
  });
});
