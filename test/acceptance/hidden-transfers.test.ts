/**
 * Issue "judged right" (points 3, 4 and 6): programs of the kinds users write, run through `sovereign check`. An
 * ordinary EU program in each vendor's own shapes passes; data or control sent outside the EU through Helm values,
 * custom resources, operators' backups, ExternalName Services, a kubeconfig around a secret token, a CDN's regions
 * or a vendor's documented default is blocked, each by the policy named after its case.
 */
import { describe, expect, test } from "vitest";
import { checkJson, fixture, mandatoryPolicies, nameOf } from "./helpers";

const check = (name: string) =>
  checkJson([fixture(name), "--stack", "dev", "--pack", "eu-sovereignty"]);

describe("Issue judged right: EU vendors' own shapes and hidden transfers", () => {
  test("passes an ordinary EU program in each vendor's own shapes", async () => {
    const run = await check("eu-vendor-shapes");
    expect(run.report.violations.map((v) => `${v.policy} ${v.urn ?? ""}`)).toEqual([]);
    expect(run.code).toBe(0);
  });

  test("blocks every hidden transfer, each by the policy of its case", async () => {
    const run = await check("hidden-transfers");
    const byName = Object.fromEntries(
      [...mandatoryPolicies(run.report)].map(([urn, policies]) => [nameOf(urn), policies.sort()]),
    );
    expect(byName).toEqual({
      "kubeconfig-secret-token-eks": ["endpoint-kubeconfig-enforce-eu-server"],
      "chart-never-rendered": ["image-manifests-missing-rendered-objects"],
      "release-values-docker-hub": ["image-container-enforce-eu-registry"],
      "rollout-docker-hub": ["image-container-enforce-eu-registry"],
      "flux-source-ghcr": ["image-helm-enforce-eu-chart-source"],
      "cnpg-backup-amazon-s3": ["endpoint-destination-enforce-eu-host"],
      "velero-aws": ["endpoint-destination-enforce-eu-host"],
      "external-name-rds": ["endpoint-destination-enforce-eu-host"],
      "cdn-serves-us": ["region-resource-enforce-eu-location"],
      "database-default-backups-outside-eu": ["region-resource-enforce-eu-location"],
    });
    expect(run.code).toBe(1);
  });

  test("never prints the secret token's ciphertext", async () => {
    const run = await check("hidden-transfers");
    expect(run.stdout).not.toContain("AAABAJ0cSk1dVbCgHUsWlxd0TgT6oZ5wYhPqT8rJw2J3Xs0=");
  });
});
