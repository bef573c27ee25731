import { beforeEach, describe, expect, test } from "vitest";
import type { Recording } from "../../../cli/engine/recorder";
import { fleetReport, fleetReportMarkdown, fleetSectionMarkdown } from "../../../cli/report/fleet";
import { recordingMocks } from "../../helpers/mocks";
import { fleetStack } from "../../components/fleet/stack";

let recording: Recording;
beforeEach(() => {
  recording = recordingMocks({ stack: "eu-fleet" });
});

const FLEET_URN = "urn:pulumi:eu-fleet::sovereign-deploy::sovereign:fleet:Fleet::eu-fleet";
const UNEVEN = {
  fleet: { dns: { provider: "scaleway" }, weights: { par: 3, gra: 2, ske: 2, ionos: 1 } },
} as const;

const copy = (
  kind: "objects" | "database",
  source: string,
  sourceVendor: string,
  destination: string,
  destinationVendor: string,
) =>
  expect.objectContaining({
    kind,
    source,
    sourceVendor,
    destination,
    destinationVendor,
    suspended: false,
  });

describe("fleetReport", () => {
  test("gives per workload the capacity per vendor and what remains after losing each one", async () => {
    const report = fleetReport(await fleetStack(recording, UNEVEN));
    expect(report.fleets).toHaveLength(1);
    const [fleet] = report.fleets;
    expect(fleet?.workloads).toEqual([
      {
        workload: "shop",
        replicas: 8,
        required: 6,
        countries: ["DE", "ES", "FR"],
        vendors: [
          { vendor: "scaleway", countries: ["FR"], replicas: 3, sharePercent: 37.5 },
          { vendor: "ovhcloud", countries: ["FR"], replicas: 2, sharePercent: 25 },
          { vendor: "stackit", countries: ["DE"], replicas: 2, sharePercent: 25 },
          { vendor: "ionos", countries: ["ES"], replicas: 1, sharePercent: 12.5 },
        ],
        afterLoss: [
          { vendor: "scaleway", lost: 3, remaining: 5, required: 6, missing: 1 },
          { vendor: "ovhcloud", lost: 2, remaining: 6, required: 6, missing: 0 },
          { vendor: "stackit", lost: 2, remaining: 6, required: 6, missing: 0 },
          { vendor: "ionos", lost: 1, remaining: 7, required: 6, missing: 0 },
        ],
        unplacedReplicas: 0,
      },
    ]);
    expect(fleet?.rules).toEqual({ minVendors: 3, minJurisdictions: 2, maxVendorSharePercent: 50 });
    expect(fleet?.uncopied).toEqual([]);
    expect(fleet?.copies).toHaveLength(6);
    expect(fleet?.copies).toEqual(
      expect.arrayContaining([
        copy("objects", "par", "scaleway", "gra", "ovhcloud"),
        copy("database", "ionos", "ionos", "par", "scaleway"),
      ]),
    );
  });

  test("lists the data services left without a copy in a single-vendor fleet", async () => {
    const [fleet] = fleetReport(await fleetStack(recording, { targets: ["par"] })).fleets;
    expect(fleet?.uncopied).toEqual(["objects of par (scaleway)", "database of par (scaleway)"]);
  });

  test("reports nothing for a stack without a fleet", () => {
    expect(
      fleetReport([{ type: "kubernetes:apps/v1:Deployment", urn: "urn:d", inputs: {} }]),
    ).toEqual({ fleets: [] });
    expect(fleetReportMarkdown({ fleets: [] })).toBe("");
  });

  test("says why a fleet's rules could not be read", () => {
    const report = fleetReport([
      { type: "sovereign:fleet:Fleet", urn: FLEET_URN, name: "eu-fleet", inputs: {} },
    ]);
    expect(report.fleets).toEqual([
      {
        urn: FLEET_URN,
        name: "eu-fleet",
        copies: [],
        problem:
          "sovereign:fleet:Fleet eu-fleet registers no readable rules (fleet: Invalid input: expected object, received undefined)",
        workloads: [],
        uncopied: [],
      },
    ]);
    expect(fleetReportMarkdown(report)).toBe(
      "## Fleet exit report: `eu-fleet`\n\nThe fleet's rules could not be read: sovereign:fleet:Fleet eu-fleet registers no readable rules (fleet: Invalid input: expected object, received undefined).\n",
    );
  });
});

describe("fleetReportMarkdown", () => {
  test("renders a table a security officer can read", async () => {
    const markdown = fleetReportMarkdown(fleetReport(await fleetStack(recording, UNEVEN)));
    const tables = markdown.split("### Data copies")[0];
    expect(tables).toBe(
      [
        "## Fleet exit report: `eu-fleet`",
        "",
        "Rules: each workload on at least 3 vendors and 2 countries, no vendor above 50 % of a workload, and its required replicas kept after losing any one vendor.",
        "",
        "### Workload `shop`",
        "",
        "8 replicas on 4 vendors in 3 countries (DE, ES, FR); it must keep 6 after losing any one vendor.",
        "",
        "| Vendor | Countries | Replicas | Share | If this vendor is lost | Verdict |",
        "|---|---|---:|---:|---:|---|",
        "| scaleway | FR | 3 | 37.5 % | 5 of 6 remain | **short by 1** |",
        "| ovhcloud | FR | 2 | 25 % | 6 of 6 remain | still serves |",
        "| stackit | DE | 2 | 25 % | 6 of 6 remain | still serves |",
        "| ionos | ES | 1 | 12.5 % | 7 of 6 remain | still serves |",
        "",
        "",
      ].join("\n"),
    );
    expect(markdown).toContain("| bucket | par (scaleway) | gra (ovhcloud) | scheduled |");
    expect(markdown).toContain(
      "| database (pg_dump) | ske (stackit) | par (scaleway) | scheduled |",
    );
  });

  test("marks a vendor above the cap and the data left without a copy", async () => {
    const markdown = fleetReportMarkdown(
      fleetReport(await fleetStack(recording, { targets: ["par"] })),
    );
    expect(markdown).toContain(
      "| scaleway | FR | 8 | 100 % | 0 of 5 remain | **short by 5**; **above 50 % cap** |",
    );
    expect(markdown).toContain("No replication CronJob in this stack.");
    expect(markdown).toContain(
      "**Without a copy at another vendor:** objects of par (scaleway); database of par (scaleway).",
    );
  });
});

describe("fleetSectionMarkdown", () => {
  test("renders the report a check report carries under sections.fleet, and nothing without one", async () => {
    const report = fleetReport(await fleetStack(recording, UNEVEN));
    expect(fleetSectionMarkdown({ sections: { fleet: report } })).toBe(fleetReportMarkdown(report));
    expect(fleetSectionMarkdown({ sections: {} })).toBe("");
    expect(fleetSectionMarkdown({})).toBe("");
  });
});
