import { describe, expect, test } from "vitest";
import {
  MAX_COMMENT_LENGTH,
  MAX_TABLE_ROWS,
  cell,
  code,
  commentMarker,
  render,
} from "../../../cli/format/markdown";
import { FLEET_SECTION, fleetReportMarkdown, type FleetReport } from "../../../cli/report/fleet";
import { RESOURCES, URN, cleanReport, sampleReport } from "./sample-report";

const lines = (text: string) => text.split("\n");
/** The lines of the section headed `### title`, up to the next blank line after its table. */
function section(text: string, title: string): string[] {
  const all = lines(text);
  const start = all.indexOf(`### ${title}`);
  const end = all.findIndex((l, i) => i > start + 1 && l === "");
  return start < 0 ? [] : all.slice(start, end < 0 ? undefined : end);
}

describe("markdown render", () => {
  test("renders the whole pull-request comment for the fleet report", () => {
    expect(render(sampleReport())).toMatchSnapshot();
  });

  test("opens with the hidden marker a CI job updates its comment by, then the verdict", () => {
    expect(lines(render(sampleReport())).slice(0, 4)).toEqual([
      "<!-- sovereign-check:sovereign-deploy/eu-fleet -->",
      "## ❌ Sovereign check failed: 3 mandatory violations (`sovereign-deploy` / `eu-fleet`)",
      "",
      "**8** resources · **3** mandatory · **1** advisory · 5 policies ran",
    ]);
  });

  test.each([
    [
      "fails with one mandatory violation",
      { mandatory: 1, advisory: 0 },
      "## ❌ Sovereign check failed: 1 mandatory violation (`sovereign-deploy` / `eu-fleet`)",
    ],
    [
      "passes with advisories",
      { mandatory: 0, advisory: 2 },
      "## ⚠️ Sovereign check passed with 2 advisory findings (`sovereign-deploy` / `eu-fleet`)",
    ],
    [
      "passes clean",
      { mandatory: 0, advisory: 0 },
      "## ✅ Sovereign check passed (`sovereign-deploy` / `eu-fleet`)",
    ],
  ])("states the verdict when it %s", (_what, counts, verdict) => {
    const report = sampleReport({ summary: { resources: RESOURCES.length, ...counts } });
    expect(lines(render(report))[1]).toBe(verdict);
  });

  test("lists violations mandatory first, with the declaring line when known and stack-level ones as (stack)", () => {
    expect(section(render(sampleReport()), "Violations")).toEqual([
      "### Violations",
      "",
      "| Level | Policy | Resource | Message |",
      "|---|---|---|---|",
      "| 🛑 mandatory | `diversification/fleet-vendors-enforce-minimum` | `(stack)` pulumi:pulumi:Stack | The fleet uses 3 vendors; at least 4 are required. |",
      '| 🛑 mandatory | `eu-sovereignty/region-resource-disallow-non-eu` | `backups` aws:s3/bucket:Bucket<br>`stacks/deploy.ts:88` | Region "us-east-1" is in US (THIRD), outside the eu group.<br>Move it to an EU region. |',
      '| 🛑 mandatory | `eu-sovereignty/vendor-resource-disallow-non-eu` | `backups` aws:s3/bucket:Bucket<br>`stacks/deploy.ts:88` | Package "aws" belongs to Amazon Web Services (US, CLOUD Act). |',
      "| ⚠️ advisory | `workload-baseline/workload-deployment-missing-probes` | `ske-web` kubernetes:apps/v1:Deployment | Container `web` has no readinessProbe \\| add one &lt;b&gt;now&lt;/b&gt; &#64;platform-team |",
    ]);
  });

  test("says None when there are no violations", () => {
    expect(section(render(cleanReport()), "Violations")).toEqual(["### Violations", "", "None."]);
  });

  test("sums the plan per vendor, most resources first, with regions, countries and jurisdictions", () => {
    expect(section(render(sampleReport()), "Plan per vendor")).toEqual([
      "### Plan per vendor",
      "",
      "| Vendor | Resources | Regions |",
      "|---|--:|---|",
      "| not placed (neutral) | 2 | — |",
      "| OVHcloud | 2 | gra · FR (EU) ×2 |",
      "| Scaleway | 2 | fr-par · FR (EU) ×2 |",
      "| Amazon Web Services | 1 | us-east-1 · US (THIRD) ×1 |",
      "| STACKIT | 1 | eu01 · DE (EU) ×1 |",
    ]);
  });

  test.each([
    ["unknown", "| **unknown vendor** | 1 | — |"],
    ["component", "| components (placed by their children) | 1 | — |"],
    ["neutral", "| not placed (neutral) | 1 | — |"],
    ["hetzner", "| Hetzner Online | 1 | — |"],
    ["acme-cloud", "| acme-cloud | 1 | — |"],
  ])("labels the plan group of vendor %s", (vendor, row) => {
    const box = {
      urn: URN.usBucket,
      type: "acme:index:Box",
      name: "box",
      vendor,
      region: null,
      country: null,
      parent: null,
      protect: false,
      retainOnDelete: false,
    };
    expect(section(render(sampleReport({ resources: [box] })), "Plan per vendor").slice(4)).toEqual(
      [row],
    );
  });

  test("lists the exemptions in use, expired ones as counted violations", () => {
    expect(section(render(sampleReport()), "Exemptions in use")).toEqual([
      "### Exemptions in use",
      "",
      "| Policy | Resource | Owner | Reason | Expires | Matched |",
      "|---|---|---|---|---|--:|",
      "| `workload-deployment-missing-probes` | `ske-worker` | &#64;platform-team | Batch worker \\| no HTTP port | 2031-06-30 | 1 |",
      "| `region-resource-disallow-non-eu` | `backups` | security&#64;example.eu | Migration to Scaleway Glacier | ⛔ expired 2024-12-31 — counted as a violation | 1 |",
    ]);
  });

  test("says what the offline run assumed, and leaves the section out when nothing was", () => {
    expect(section(render(sampleReport()), "What this offline run assumed")).toEqual([
      "### What this offline run assumed",
      "",
      "- Config filled with placeholders (`--assume-config`): `sovereign:targets[2].kubeconfig`",
      "- Invokes with no canned answer (their results were empty): `ovh:CloudProject/getKubeVersion:getKubeVersion`",
    ]);
    expect(section(render(cleanReport()), "What this offline run assumed")).toEqual([]);
    expect(section(render(cleanReport()), "Exemptions in use")).toEqual([]);
  });

  test("adds the fleet exit report, rendered by its own module, when the report carries one", () => {
    const fleet: FleetReport = {
      fleets: [
        {
          urn: `${URN.stack}$sovereign:fleet:Fleet::eu-fleet`,
          name: "eu-fleet",
          rules: { minVendors: 3, minJurisdictions: 2, maxVendorSharePercent: 50 },
          workloads: [],
          copies: [],
          uncopied: [],
        },
      ],
    };
    const text = render(sampleReport({ sections: { [FLEET_SECTION]: fleet } }));
    expect(text).toContain(`\n\n${fleetReportMarkdown(fleet).trimEnd()}\n\n<sub>`);
    expect(fleetReportMarkdown(fleet)).toContain("Fleet exit report");
    expect(render(sampleReport())).not.toContain("Fleet exit report");
  });

  test("leaves out sections it has no renderer for", () => {
    expect(render(sampleReport({ sections: { other: { a: 1 } } }))).toBe(render(sampleReport()));
  });

  test("lists the engine's notes with what it assumed", () => {
    const notes = section(
      render(sampleReport({ notes: ["Helm chart `ingress-nginx` was not rendered."] })),
      "What this offline run assumed",
    );
    expect(notes.slice(2)).toEqual([
      "- Config filled with placeholders (`--assume-config`): `sovereign:targets[2].kubeconfig`",
      "- Helm chart `ingress-nginx` was not rendered.",
      "- Invokes with no canned answer (their results were empty): `ovh:CloudProject/getKubeVersion:getKubeVersion`",
    ]);
  });

  test("cuts a table after MAX_TABLE_ROWS rows and says how many were left out", () => {
    const many = Array.from({ length: MAX_TABLE_ROWS + 7 }, (_, i) => ({
      pack: "eu-sovereignty",
      policy: "region-resource-disallow-non-eu",
      enforcementLevel: "mandatory" as const,
      urn: `${URN.usBucket}-${String(i).padStart(3, "0")}`,
      message: "Region is outside the EU.",
    }));
    const text = render(sampleReport({ violations: many }));
    const rows = section(text, "Violations").filter((l) => l.startsWith("| 🛑"));
    expect(rows).toHaveLength(MAX_TABLE_ROWS);
    expect(text).toContain(
      "\n… and 7 more violations (the SARIF, JUnit and JSON reports list them all).\n",
    );
  });
});

describe("markdown render of a huge report", () => {
  test("stays within GitHub's comment limit and says where the full reports are", () => {
    const long = Array.from({ length: MAX_TABLE_ROWS }, (_, i) => ({
      pack: "eu-sovereignty",
      policy: "region-resource-disallow-non-eu",
      enforcementLevel: "mandatory" as const,
      urn: `${URN.usBucket}-${i}`,
      message: "x".repeat(1_000),
    }));
    const text = render(sampleReport({ violations: long }));
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH + 200);
    expect(
      text.endsWith(
        `\n\n… cut at ${MAX_COMMENT_LENGTH} characters (GitHub's comment limit); the SARIF, JUnit and JSON reports are complete.\n`,
      ),
    ).toBe(true);
  });
});

describe("cell", () => {
  test.each([
    ["a | b", "a \\| b"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["ping @security-team", "ping &#64;security-team"],
    ["line one\nline two\r\nthree", "line one<br>line two<br>three"],
    ["AT&T", "AT&amp;T"],
  ])("makes %j safe in a table cell", (text, safe) => {
    expect(cell(text)).toBe(safe);
  });
});

describe("code", () => {
  test.each([
    ["plain", "`plain`"],
    ["has `tick`", "`` has `tick` ``"],
    ["a|b", "`a\\|b`"],
  ])("wraps %j as inline code", (text, wrapped) => {
    expect(code(text)).toBe(wrapped);
  });
});

describe("commentMarker", () => {
  test("names the project and the stack", () => {
    expect(commentMarker({ project: "p", stack: "s" })).toBe("<!-- sovereign-check:p/s -->");
  });
});
