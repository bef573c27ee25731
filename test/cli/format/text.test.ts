import { describe, expect, test } from "vitest";
import type { CheckReport } from "../../../cli/engine/report";
import { renderJson } from "../../../cli/format/json";
import { FULL_LISTING_MAX, renderText, VIOLATIONS_SHOWN } from "../../../cli/format/text";

const u = (rest: string) => `urn:pulumi:prod::shop::${rest}`;
const resource = (
  type: string,
  name: string,
  vendor: string,
  region: string | null,
  country: string | null,
  protect = false,
) => ({
  urn: u(`${type}::${name}`),
  type,
  name,
  vendor,
  region,
  country,
  parent: null,
  protect,
  retainOnDelete: false,
});

const REPORT: CheckReport = {
  project: "shop",
  stack: "prod",
  resources: [
    resource("pulumi:pulumi:Stack", "shop-prod", "neutral", null, null),
    resource("ovh:CloudProject/kube:Kube", "kube", "ovhcloud", "BHS", "CA"),
    resource("scaleway:object/bucket:Bucket", "assets", "scaleway", "fr-par", "FR", true),
    resource("ovh:CloudProject/kubeNodePool:KubeNodePool", "pool", "ovhcloud", null, "FR"),
    resource("acme:index:Thing", "thing", "unknown", null, null),
  ],
  violations: [
    {
      pack: "eu-sovereignty",
      policy: "region-resource-enforce-eu-location",
      enforcementLevel: "mandatory",
      urn: u("ovh:CloudProject/kube:Kube::kube"),
      message: "region 'BHS5' is Beauharnois, CA\nUse GRA.",
      severity: "critical",
    },
    {
      pack: "diversification",
      policy: "fleet-workload-enforce-min-vendors",
      enforcementLevel: "advisory",
      urn: null,
      message: "1 vendor",
      severity: "high",
    },
  ],
  summary: { resources: 5, mandatory: 1, advisory: 1 },
  policies: [
    {
      pack: "eu-sovereignty",
      policy: "region-resource-enforce-eu-location",
      description: "d",
      enforcementLevel: "mandatory",
    },
    {
      pack: "diversification",
      policy: "fleet-workload-enforce-min-vendors",
      description: "d",
      enforcementLevel: "advisory",
    },
  ],
  exemptions: [
    {
      policy: "p",
      resource: "thing",
      owner: "team-a",
      reason: "migrating",
      expires: "2026-01-31",
      expired: false,
      matched: [u("acme:index:Thing::thing")],
    },
  ],
  assumedConfig: ["shop:token"],
  unansweredInvokes: ["acme:index:getThing"],
  notes: ["a note with password hunter2-secret"],
};

describe("renderText", () => {
  test("prints the verdict, one line per place, the violations, what was assumed, then every resource of a short plan", () => {
    expect(renderText(REPORT, { secrets: ["hunter2-secret"] })).toBe(
      [
        "sovereign check · project shop · stack prod",
        "Result: FAIL — 1 mandatory violation, 1 advisory",
        "5 resources · packs: eu-sovereignty, diversification",
        "",
        "  Where                   resources  replicas",
        "  ovhcloud (FR)                   1",
        "  ovhcloud · BHS (CA)             1",
        "  scaleway · fr-par (FR)          1",
        "  unknown                         1",
        "  neutral                         1",
        "",
        "Violations (1 mandatory, 1 advisory)",
        "  ✗ mandatory eu-sovereignty / region-resource-enforce-eu-location · ovh:CloudProject/kube:Kube kube",
        "      region 'BHS5' is Beauharnois, CA",
        "      Use GRA.",
        "  ! advisory  diversification / fleet-workload-enforce-min-vendors · stack",
        "      1 vendor",
        "",
        "Exemptions in use",
        "  - p on thing: migrating (owner team-a, expires 2026-01-31)",
        "",
        "Config assumed (--assume-config), filled with placeholders: shop:token",
        "",
        "Invokes without a canned answer (their results were empty)",
        "  - acme:index:getThing",
        "",
        "Notes",
        "  - a note with password [secret]",
        "",
        "Plan (by vendor and region)",
        "  ovhcloud (FR) — 1 resource",
        "    ovh:CloudProject/kubeNodePool:KubeNodePool  pool",
        "  ovhcloud · BHS (CA) — 1 resource",
        "    ovh:CloudProject/kube:Kube                  kube",
        "  scaleway · fr-par (FR) — 1 resource",
        "    scaleway:object/bucket:Bucket               assets  [protected]",
        "  unknown — 1 resource",
        "    acme:index:Thing                            thing",
        "  neutral — 1 resource",
        "    pulumi:pulumi:Stack                         shop-prod",
        "",
        "Result: FAIL — 1 mandatory violation, 1 advisory",
        "",
      ].join("\n"),
    );
  });

  /** A fleet of `sites` places with `perSite` resources each: a Deployment, then Secrets. */
  function largeReport(sites: number, perSite: number, violations: number): CheckReport {
    const resources = Array.from({ length: sites * perSite }, (_, i) => {
      const site = Math.floor(i / perSite);
      const first = i % perSite === 0;
      return {
        ...resource(
          first ? "kubernetes:apps/v1:Deployment" : "kubernetes:core/v1:Secret",
          `r${i}`,
          "stackit",
          `eu0${site}`,
          "DE",
        ),
        declared: true as const,
        ...(first ? { workload: `w${site % 5}`, replicas: 2 } : {}),
      };
    });
    return {
      ...REPORT,
      resources,
      violations: Array.from({ length: violations }, (_, i) => ({
        pack: "workload-baseline",
        policy:
          i % 2 === 0 ? "workload-container-configure-probes" : "workload-pod-enforce-non-root",
        enforcementLevel: "mandatory" as const,
        urn: resources[i]?.urn ?? null,
        message: `violation ${i}`,
      })),
      summary: { resources: resources.length, mandatory: violations, advisory: 0 },
      exemptions: [],
      assumedConfig: [],
      unansweredInvokes: [],
      notes: [],
    };
  }

  test("summarises a long plan by package and kind, and counts the violations past the first ones per policy", () => {
    const text = renderText(largeReport(20, 3_000, VIOLATIONS_SHOWN + 10));
    const lines = text.split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}stackit · eu00 \(DE\) +3000 {2}declared {2}w0 ×2$/),
    );
    expect(lines).toContain("Resources by package (--verbose lists each one)");
    expect(lines).toContain("  kubernetes   60000  Secret 59980 · Deployment 20");
    expect(lines).toContain("  … and 10 more violations (--verbose lists them all):");
    expect(lines).toContain(
      "      10 × mandatory workload-baseline / workload-pod-enforce-non-root",
    );
    expect(lines.filter((l) => l.startsWith("  ✗ mandatory"))).toHaveLength(VIOLATIONS_SHOWN);
    expect(lines.length).toBeLessThan(120);
  });

  test("lists every resource and violation with verbose", () => {
    const lines = renderText(largeReport(2, FULL_LISTING_MAX, VIOLATIONS_SHOWN + 1), {
      verbose: true,
    }).split("\n");
    expect(lines).toContain("Plan (by vendor and region)");
    expect(lines.filter((l) => l.startsWith("    kubernetes:"))).toHaveLength(2 * FULL_LISTING_MAX);
    expect(lines.filter((l) => l.startsWith("  ✗ mandatory"))).toHaveLength(VIOLATIONS_SHOWN + 1);
  });

  test("marks places that only labels declared, and sums a place's replicas per workload", () => {
    const lines = renderText(largeReport(1, 4, 0)).split("\n");
    expect(lines).toContain("  stackit · eu00 (DE)          4  declared  w0 ×2");
    expect(lines).toContain(
      "  (declared: placed by the sovereign.eu/* labels the program sets, not by an observed region or API server)",
    );
  });
});

describe("renderJson", () => {
  test("prints the report as JSON, secrets redacted", () => {
    const parsed = JSON.parse(renderJson(REPORT, { secrets: ["hunter2-secret"] })) as CheckReport;
    expect(parsed).toEqual({ ...REPORT, notes: ["a note with password [secret]"] });
  });
});
