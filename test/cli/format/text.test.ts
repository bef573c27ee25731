import { describe, expect, test } from "vitest";
import type { CheckReport } from "../../../cli/engine/report";
import { renderJson } from "../../../cli/format/json";
import { renderText } from "../../../cli/format/text";

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
  test("prints the plan by vendor and region, the violations with their resource, what was assumed, and the result", () => {
    expect(renderText(REPORT, { secrets: ["hunter2-secret"] })).toBe(
      [
        "sovereign check · project shop · stack prod",
        "5 resources · packs: eu-sovereignty, diversification",
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
        "Violations (1 mandatory, 1 advisory)",
        "  ✗ mandatory eu-sovereignty / region-resource-enforce-eu-location",
        "      ovh:CloudProject/kube:Kube kube",
        "      region 'BHS5' is Beauharnois, CA",
        "      Use GRA.",
        "  ! advisory  diversification / fleet-workload-enforce-min-vendors",
        "      stack",
        "      1 vendor",
        "",
        "Exemptions in use",
        "  - p on thing: migrating (owner team-a, expires 2026-01-31)",
        "",
        "Config assumed (--assume-config)",
        "  - shop:token: filled with a placeholder",
        "",
        "Invokes without a canned answer (their results were empty)",
        "  - acme:index:getThing",
        "",
        "Notes",
        "  - a note with password [secret]",
        "",
        "Result: FAIL — 1 mandatory violation, 1 advisory",
        "",
      ].join("\n"),
    );
  });
});

describe("renderJson", () => {
  test("prints the report as JSON, secrets redacted", () => {
    const parsed = JSON.parse(renderJson(REPORT, { secrets: ["hunter2-secret"] })) as CheckReport;
    expect(parsed).toEqual({ ...REPORT, notes: ["a note with password [secret]"] });
  });
});
