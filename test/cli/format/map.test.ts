import { describe, expect, test } from "vitest";
import type { CheckReport, PlannedResource } from "../../../cli/engine/report";
import { fleetMap, mermaidText } from "../../../cli/format/map";
import { render as renderMarkdown } from "../../../cli/format/markdown";
import { FLEET_SECTION } from "../../../cli/report/fleet";
import { mermaidBlocks, parseMermaid } from "../../helpers/mermaid";
import { sampleReport } from "./sample-report";

const BASE = "urn:pulumi:eu-fleet::p::";

/** A Deployment of `workload` with `replicas` at a target, placed at vendor/region/country. */
const deployment = (
  target: string,
  vendor: string,
  region: string,
  country: string,
  workload = "shop",
  replicas = 2,
): PlannedResource => ({
  urn: `${BASE}kubernetes:apps/v1:Deployment::${target}-${workload}`,
  type: "kubernetes:apps/v1:Deployment",
  name: `${target}-${workload}`,
  vendor,
  region,
  country,
  parent: null,
  protect: false,
  retainOnDelete: false,
  target,
  workload,
  replicas,
});

const copy = (source: string, sourceVendor: string, destination: string, kind: string) => ({
  urn: `${BASE}kubernetes:batch/v1:CronJob::${source}-${kind}`,
  kind,
  source,
  sourceVendor,
  destination,
  destinationVendor: "x",
  suspended: false,
});

function fleet(resources: PlannedResource[], copies: ReturnType<typeof copy>[]): CheckReport {
  return sampleReport({
    resources,
    sections: {
      [FLEET_SECTION]: {
        fleets: [{ urn: "f", name: "fleet", workloads: [], copies, uncopied: [] }],
      },
    },
  });
}

describe("fleetMap", () => {
  test("groups places by vendor and country, one node per target with its replicas, and draws data copies", () => {
    const map = fleetMap(
      fleet(
        [
          deployment("par", "scaleway", "fr-par", "FR"),
          deployment("gra", "ovhcloud", "GRA", "FR", "shop", 3),
          { ...deployment("ske", "stackit", "eu01", "DE"), declared: true },
        ],
        [copy("par", "scaleway", "gra", "objects"), copy("par", "scaleway", "gra", "database")],
      ),
    );
    expect(map.split("\n")).toEqual([
      "flowchart LR",
      '  subgraph v0["OVHcloud"]',
      '    subgraph v0c0["FR"]',
      '      s0["<b>gra</b> · GRA<br/>1 resource<br/>shop ×3"]',
      "    end",
      "  end",
      '  subgraph v1["Scaleway"]',
      '    subgraph v1c0["FR"]',
      '      s1["<b>par</b> · fr-par<br/>1 resource<br/>shop ×2"]',
      "    end",
      "  end",
      '  subgraph v2["STACKIT"]',
      '    subgraph v2c0["DE"]',
      '      s2["<b>ske</b> · eu01<br/>1 resource (declared)<br/>shop ×2"]',
      "    end",
      "  end",
      '  s1 -->|"bucket copy, database backup"| s0',
      "  classDef unplaced fill:#fde8e8,stroke:#c00,color:#600",
      "  classDef external fill:#fff8c5,stroke:#bf8700,color:#6b4b00",
      "",
    ]);
  });

  test("keeps twenty targets on four vendors to one node each, summarising many workloads", async () => {
    const vendors = [
      ["scaleway", "fr-par", "FR"],
      ["ovhcloud", "GRA", "FR"],
      ["stackit", "eu01", "DE"],
      ["ionos", "es/vit", "ES"],
    ] as const;
    const resources = Array.from({ length: 20 }, (_, t) => {
      const [vendor, region, country] = vendors[t % 4] ?? vendors[0];
      return Array.from({ length: 6 }, (_, w) =>
        deployment(`t${t}`, vendor, `${region}-${t}`, country, `w${w}`),
      );
    }).flat();
    const map = fleetMap(fleet(resources, []));
    expect(map.match(/^ {6}s\d+\[/gm)).toHaveLength(20);
    expect(map.match(/subgraph v\d+\[/g)).toHaveLength(4);
    expect(map).toContain("<b>t0</b> · fr-par-0<br/>6 resources<br/>6 workloads, 12 replicas");
    await expect(parseMermaid(map)).resolves.toBe("flowchart-v2");
  });

  test("puts resources no catalog places in a group marked unplaced, and leaves out components and neutral ones", () => {
    const report = sampleReport();
    const unknown: PlannedResource = {
      ...deployment("x", "unknown", "", ""),
      region: null,
      country: null,
    };
    const map = fleetMap({ ...report, resources: [...report.resources, unknown] });
    expect(map).toMatch(/subgraph v\d+\["Amazon Web Services"\]/);
    expect(map).toMatch(
      /subgraph (v\d+)\["unknown vendor"\][\s\S]*<b>x<\/b> · not placed[\s\S]*class \1 unplaced/,
    );
    expect(map).not.toContain("sovereign-deploy-eu-fleet");
    expect(map).not.toContain("db-admin");
    expect(fleetMap(sampleReport({ resources: [] }))).toBe("");
  });

  test("escapes quotes and markup in names so a label cannot break the diagram", async () => {
    expect(mermaidText('a"b<script>&')).toBe("a#quot;b#lt;script#gt;#amp;");
    const map = fleetMap(fleet([deployment('x"];click s0 evil', "scaleway", "fr-par", "FR")], []));
    expect(map).toContain("<b>x#quot;];click s0 evil</b>");
    await expect(parseMermaid(map)).resolves.toBe("flowchart-v2");
  });
});

describe("fleetMap dependencies", () => {
  const dependency = (
    target: string,
    kind: string,
    endpoint: string,
    vendor: string,
    country: string,
  ) => ({
    target,
    kind,
    endpoint,
    vendor,
    country,
    urn: `${BASE}kubernetes:apps/v1:Deployment::${target}-shop`,
    resource: `Deployment ${target}-shop`,
  });

  test("draws a dotted warning arrow per target and serving vendor for run-time dependencies that cross vendors", async () => {
    const report = {
      ...fleet(
        [deployment("par", "scaleway", "fr-par", "FR"), deployment("gra", "ovhcloud", "GRA", "FR")],
        [],
      ),
      dependencies: [
        dependency("gra", "image", "rg.fr-par.scw.cloud/acme/shop:1", "scaleway", "FR"),
        dependency("gra", "dns", "apps.example.eu", "scaleway", "FR"),
        // A zone both vendors serve survives either loss: no arrow for it.
        dependency("par", "dns", "shop.example.eu", "scaleway", "FR"),
        dependency("par", "dns", "shop.example.eu", "ovhcloud", "FR"),
        dependency(
          "gra",
          "certificate-issuer",
          "https://acme-v02.api.letsencrypt.org/directory",
          "letsencrypt",
          "US",
        ),
        dependency("par", "image", "rg.fr-par.scw.cloud/acme/shop:1", "scaleway", "FR"),
        dependency("par", "backup", "https://s3.gra.io.cloud.ovh.net", "ovhcloud", "FR"),
      ],
    } as unknown as CheckReport;
    const edges = fleetMap(report)
      .split("\n")
      .filter((l) => l.includes("-.->") || l.includes(":::external"));
    expect(edges).toEqual([
      '  s0 -.->|"⚠ image, dns"| v1',
      '  x0["letsencrypt (US)"]:::external',
      '  s0 -.->|"⚠ certificate-issuer"| x0',
    ]);
    await expect(parseMermaid(fleetMap(report))).resolves.toBe("flowchart-v2");
  });
});

describe("markdown fleet map", () => {
  test("the comment carries the map as a Mermaid block that Mermaid's parser accepts", async () => {
    const [block, ...more] = mermaidBlocks(renderMarkdown(sampleReport()));
    expect(more).toEqual([]);
    expect(block).toBe(fleetMap(sampleReport()));
    await expect(parseMermaid(block ?? "")).resolves.toBe("flowchart-v2");
  });

  test("Mermaid's parser rejects a broken diagram (the check can fail)", async () => {
    await expect(parseMermaid("flowchart LR\n  a -- > ")).rejects.toThrow(/Parse error/);
  });
});
