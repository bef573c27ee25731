import { describe, expect, test } from "vitest";
import {
  dataDatabaseEnableBackups as policy,
  retentionDays,
} from "../../../../policies/rules/data/enable-backups";
import { UNKNOWN } from "../../fixtures/args";
import {
  barmanObjectStore,
  cnpgCluster,
  ovhDatabase,
  SCALEWAY_DATABASE_INSTANCE_ALIAS,
  scalewayDatabaseInstance,
} from "../../fixtures/databases";
import { violationsOf } from "./harness";

const inTree = (backup: Record<string, unknown>) =>
  cnpgCluster({
    plugins: undefined,
    backup: { barmanObjectStore: { destinationPath: "s3://shop-backups/" }, ...backup },
  });

describe("retentionDays", () => {
  test.each([
    ["7d", 7],
    ["2w", 14],
    ["1m", 30],
    ["0d", undefined],
    ["30", undefined],
    ["1y", undefined],
  ])("reads %s as %s days", (policy, days) => {
    expect(retentionDays(policy)).toBe(days);
  });
});

describe("dataDatabaseEnableBackups", () => {
  test.each([
    ["a Scaleway instance", scalewayDatabaseInstance()],
    [
      "a deprecated Scaleway DatabaseInstance",
      scalewayDatabaseInstance({}, SCALEWAY_DATABASE_INSTANCE_ALIAS),
    ],
    ["an OVHcloud business-plan database (14 days)", ovhDatabase()],
    ["an OVHcloud enterprise-plan database (30 days)", ovhDatabase({ plan: "enterprise" })],
    [
      "an OVHcloud Kafka service (no backups to keep)",
      ovhDatabase({ engine: "kafka", plan: "essential" }),
    ],
    ["a CloudNativePG cluster archiving through the Barman Cloud plugin", cnpgCluster()],
    [
      "a CloudNativePG cluster with in-tree archiving kept 30 days",
      inTree({ retentionPolicy: "30d" }),
    ],
    ["a Barman Cloud object store kept 2 weeks", barmanObjectStore()],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    [
      "a Scaleway instance disables backups",
      scalewayDatabaseInstance({ disableBackup: true }),
      "disables automated backups (disableBackup: true)",
    ],
    [
      "a Scaleway instance keeps backups 3 days",
      scalewayDatabaseInstance({ backupScheduleRetention: 3 }),
      "keeps backups 3 days (backupScheduleRetention), below the minimum of 7",
    ],
    [
      "a Scaleway instance states no retention",
      scalewayDatabaseInstance({ backupScheduleRetention: undefined }),
      "sets no backupScheduleRetention (the minimum is 7 days)",
    ],
    [
      "an OVHcloud essential plan keeps 2 days",
      ovhDatabase({ plan: "essential" }),
      'plan "essential" keeps backups 2 days, below the minimum of 7',
    ],
    [
      "an OVHcloud plan is not in the table",
      ovhDatabase({ plan: "discovery" }),
      'plan "discovery" has no known backup retention: add it to this policy\'s ovhPlanRetentionDays',
    ],
    [
      "an OVHcloud database sets no plan",
      ovhDatabase({ plan: undefined }),
      "sets no plan, so its backup retention is unknown",
    ],
    [
      "a CloudNativePG cluster declares no backup",
      cnpgCluster({ plugins: undefined }),
      "declares no backup: no spec.backup.barmanObjectStore and no Barman Cloud plugin WAL archiver",
    ],
    [
      "a CloudNativePG plugin is not the WAL archiver",
      cnpgCluster({ plugins: [{ name: "barman-cloud.cloudnative-pg.io", isWALArchiver: false }] }),
      "declares no backup: no spec.backup.barmanObjectStore and no Barman Cloud plugin WAL archiver",
    ],
    [
      "a CloudNativePG cluster backs up only to snapshots",
      cnpgCluster({ plugins: undefined, backup: { volumeSnapshot: { className: "csi" } } }),
      "backs up only to volume snapshots, which keep no retention window and stay on the cluster's storage",
    ],
    [
      "in-tree archiving states no retention",
      inTree({}),
      "sets no spec.backup.retentionPolicy, so backups are never pruned to a stated window",
    ],
    [
      "in-tree archiving keeps 3 days",
      inTree({ retentionPolicy: "3d" }),
      'spec.backup.retentionPolicy "3d" keeps 3 days, below the minimum of 7',
    ],
    [
      "in-tree retention is malformed",
      inTree({ retentionPolicy: "a week" }),
      'spec.backup.retentionPolicy "a week" is not <n>d, <n>w or <n>m',
    ],
    [
      "an object store keeps 5 days",
      barmanObjectStore({ retentionPolicy: "5d" }),
      'spec.retentionPolicy "5d" keeps 5 days, below the minimum of 7',
    ],
    [
      "an object store states no retention",
      barmanObjectStore({ retentionPolicy: undefined }),
      "sets no spec.retentionPolicy, so backups are never pruned to a stated window",
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect(await violationsOf(policy, spec)).toEqual([expected]);
  });

  test("raises the bar with minRetentionDays", async () => {
    const config = { [policy.name]: { minRetentionDays: 30 } };
    expect(await violationsOf(policy, ovhDatabase(), {}, config)).toEqual([
      'plan "business" keeps backups 14 days, below the minimum of 30',
    ]);
  });

  test("reads OVHcloud plan retention from the config table", async () => {
    const config = { [policy.name]: { ovhPlanRetentionDays: { discovery: 7 } } };
    expect(
      await violationsOf(policy, ovhDatabase({ engine: "mongodb", plan: "discovery" }), {}, config),
    ).toEqual([]);
  });

  test("leaves a retention unknown during preview to the engine", async () => {
    await expect(
      violationsOf(policy, scalewayDatabaseInstance({ backupScheduleRetention: UNKNOWN })),
    ).rejects.toThrow("can't be known during preview");
  });
});
