import type { PolicyResource } from "@pulumi/policy";
import { beforeEach, describe, expect, test } from "vitest";
import type { RecordedResource, Recording } from "../../../../cli/engine/recorder";
import { fleetPolicies } from "../../../../policies/rules/fleet";
import { recordingMocks } from "../../../helpers/mocks";
import { fleetStack } from "../../../components/fleet/stack";
import type { FleetFixture } from "../../../components/fleet/fixtures";
import { violations } from "./fixtures";

let recording: Recording;
beforeEach(() => {
  recording = recordingMocks({ stack: "eu-fleet" });
});

/** Props as the mock runtime gives them to stack policies: outputs, which are the inputs plus canned outputs. */
const asPolicyResources = (resources: readonly RecordedResource[]): PolicyResource[] =>
  resources.map(
    (r) =>
      ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: { ...r.inputs, ...r.outputs },
      }) as unknown as PolicyResource,
  );

async function judge(f: FleetFixture = {}): Promise<string[]> {
  const resources = asPolicyResources(await fleetStack(recording, f));
  const found = await Promise.all(
    fleetPolicies.map(async (p) =>
      (await violations(p, resources)).map((v) => `${p.name}: ${v.message}`),
    ),
  );
  return found.flat();
}

describe("diversification pack on a deployed fleet", () => {
  test("passes the four-vendor fleet with 8 replicas of shop", async () => {
    expect(await judge()).toEqual([]);
  });

  test("fails the fleet cut to two targets and says why", async () => {
    expect(await judge({ targets: ["par", "gra"] })).toEqual([
      "fleet-workload-enforce-min-vendors: workload shop runs on 2 vendors (ovhcloud, scaleway); the fleet requires at least 3: add targets of other EU vendors to sovereign:targets (and give them weight), or lower sovereign:fleet.minVendors",
      "fleet-workload-enforce-min-jurisdictions: workload shop runs in 1 country (FR); the fleet requires at least 2: add a target in another country to sovereign:targets (and give it weight), or lower sovereign:fleet.minJurisdictions",
      "fleet-workload-enforce-vendor-loss-tolerance: losing ovhcloud leaves workload shop with 4 of the 5 replicas it requires (1 missing, 4 were on ovhcloud): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.shop",
      "fleet-workload-enforce-vendor-loss-tolerance: losing scaleway leaves workload shop with 4 of the 5 replicas it requires (1 missing, 4 were on scaleway): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.shop",
    ]);
  });

  test("fails the fleet cut to one target, whose data has no copy anywhere else", async () => {
    expect(await judge({ targets: ["par"] })).toEqual([
      "fleet-workload-enforce-min-vendors: workload shop runs on 1 vendor (scaleway); the fleet requires at least 3: add targets of other EU vendors to sovereign:targets (and give them weight), or lower sovereign:fleet.minVendors",
      "fleet-workload-enforce-min-jurisdictions: workload shop runs in 1 country (FR); the fleet requires at least 2: add a target in another country to sovereign:targets (and give it weight), or lower sovereign:fleet.minJurisdictions",
      "fleet-workload-enforce-max-vendor-share: scaleway carries 100 % of workload shop (8 of 8 replicas), above the 50 % one vendor may carry: move capacity to other vendors with sovereign:fleet.weights or sovereign:fleet.replicas, or raise sovereign:fleet.maxVendorSharePercent",
      "fleet-workload-enforce-vendor-loss-tolerance: losing scaleway leaves workload shop with 0 of the 5 replicas it requires (5 missing, 8 were on scaleway): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.shop",
      "fleet-data-missing-cross-vendor-copy: the bucket of target par (scaleway) has no copy at another vendor: no replication CronJob ships it to a bucket of a different vendor; add a target of another vendor with an object store, so the fleet's ring pairs it",
      "fleet-data-missing-cross-vendor-copy: the database of target par (scaleway) has no copy at another vendor: no replication CronJob ships it to a bucket of a different vendor; add a target of another vendor with an object store, so the fleet's ring pairs it",
    ]);
  });

  test("fails the fleet with 70 % of its capacity on one vendor", async () => {
    expect(
      await judge({
        fleet: { dns: { provider: "scaleway" }, weights: { par: 70, gra: 10, ske: 10, ionos: 10 } },
        replicas: 10,
      }),
    ).toEqual([
      "fleet-workload-enforce-max-vendor-share: scaleway carries 70 % of workload shop (7 of 10 replicas), above the 50 % one vendor may carry: move capacity to other vendors with sovereign:fleet.weights or sovereign:fleet.replicas, or raise sovereign:fleet.maxVendorSharePercent",
      "fleet-workload-enforce-vendor-loss-tolerance: losing scaleway leaves workload shop with 3 of the 7 replicas it requires (4 missing, 7 were on scaleway): spread replicas more evenly with sovereign:fleet.weights, add replicas or targets of other vendors, or lower sovereign:fleet.required.shop",
    ]);
  });
});
