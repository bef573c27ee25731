/**
 * stacks/state-backend: the EU bucket that holds the project's state, run offline through every pack. It must stay
 * private, versioned, encrypted, protected and in Scaleway fr-par, and its own state local (issue 13 item 5).
 */
import * as path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { loadPackSource } from "../../cli/engine/packs";
import type { CheckReport } from "../../cli/engine/report";
import { checkJson, ROOT } from "../acceptance/helpers";
import { spyPack } from "../cli/run-cli";

const DIR = path.join(ROOT, "stacks/state-backend");

describe("stacks/state-backend", () => {
  let code: number;
  let report: CheckReport;
  let seen: Map<string, ResourceValidationArgs>;
  beforeAll(async () => {
    // The four packs as served in prod, plus a spy that keeps each resource's inputs (reports carry none).
    const toolkit = loadPackSource("prod");
    const spy = spyPack();
    seen = spy.seen;
    const source = { ...toolkit, packs: { ...toolkit.packs, ...spy.source.packs } };
    ({ code, report } = await checkJson([DIR, "--stack", "fr-par"], source));
  }, 60_000);

  test("passes every pack with no violation of any level", () => {
    expect([code, report.violations]).toEqual([0, []]);
    expect([...new Set(report.policies.map((p) => p.pack))]).toEqual([
      "eu-sovereignty",
      "workload-baseline",
      "data-protection",
      "diversification",
      "spy",
    ]);
  });

  test("creates one private, versioned, encrypted, protected bucket in Scaleway fr-par", () => {
    expect(
      report.resources
        .filter((r) => r.type.startsWith("scaleway:object/"))
        .map((r) => [r.type, r.name, r.vendor, r.region, r.protect, r.retainOnDelete])
        .sort(),
    ).toEqual([
      ["scaleway:object/bucket:Bucket", "state", "scaleway", "fr-par", true, true],
      ["scaleway:object/bucketAcl:BucketAcl", "state-acl", "scaleway", "fr-par", false, false],
      [
        "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "state-encryption",
        "scaleway",
        "fr-par",
        false,
        false,
      ],
    ]);
    expect(seen.get("state")?.props.versioning).toEqual({ enabled: true });
    expect(seen.get("state-acl")?.props.acl).toBe("private");
    expect(seen.get("state-encryption")?.props.rules).toEqual([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
    ]);
  });

  test("keeps its own state in local files and its secrets by passphrase", () => {
    expect(report.toolchain?.map((d) => [d.kind, d.vendor, d.endpoint, d.source])).toEqual([
      ["state-backend", "local", "file://~", "Pulumi.yaml backend.url"],
      ["secrets-provider", "local", "passphrase", "default of an object-storage or local stack"],
    ]);
  });

  test("the bucket it creates is the backend the main project's Pulumi.yaml names", async () => {
    const { report: main } = await checkJson([
      ROOT,
      "--stack",
      "eu-fleet",
      "--assume-config",
      "--pack",
      "eu-sovereignty",
    ]);
    expect(main.toolchain?.[0]).toMatchObject({
      endpoint: "s3://sovereign-deploy-state?endpoint=s3.fr-par.scw.cloud&region=fr-par",
      vendor: "scaleway",
      country: "FR",
      region: "fr-par",
    });
  }, 60_000);
});
