/**
 * Every database keeps backups for at least `minRetentionDays`. Where retention lives differs per provider, so
 * the checks are a table keyed by kind:
 * - Scaleway managed PostgreSQL: `disableBackup` and `backupScheduleRetention` (absent = not stated = violation);
 * - OVHcloud managed databases: retention is fixed by the plan (capabilities API `plans[].backupRetention`),
 *   read from this policy's `ovhPlanRetentionDays` table;
 * - CloudNativePG: WAL archiving to an object store, in-tree (`spec.backup.barmanObjectStore` with
 *   `spec.backup.retentionPolicy`) or through the Barman Cloud plugin, whose ObjectStore holds `spec.retentionPolicy`.
 */
import { definePolicy } from "../../lib/define";
import { kindValidation } from "./lib/kind-validation";
import { arrayAt, objectAt } from "./lib/types";

type Json = Record<string, unknown>;

interface Config {
  readonly minRetentionDays: number;
  readonly ovhPlanRetentionDays: Readonly<Record<string, number>>;
  readonly ovhEngines: readonly string[];
}

/** OVHcloud plans' backup retention, from `GET /cloud/project/{id}/database/capabilities` (P2D, P14D, P30D). */
const DEFAULTS: Config = {
  minRetentionDays: 7,
  ovhPlanRetentionDays: {
    essential: 2,
    business: 14,
    production: 14,
    enterprise: 30,
    advanced: 30,
  },
  ovhEngines: ["postgresql", "mysql", "mongodb"],
};

/** The Barman Cloud plugin's name in a CloudNativePG Cluster's `spec.plugins`. */
const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

const DAYS_PER_UNIT: Readonly<Record<string, number>> = { d: 1, w: 7, m: 30 };

/** CloudNativePG retention (`30d`, `4w`, `1m`) in days, or undefined when it is not of that form. */
export function retentionDays(policy: string): number | undefined {
  const match = /^([1-9][0-9]*)([dwm])$/.exec(policy);
  return match ? Number(match[1]) * (DAYS_PER_UNIT[match[2] ?? ""] ?? 0) : undefined;
}

function cnpgRetention(policy: unknown, where: string, cfg: Config): string[] {
  if (policy === undefined)
    return [`sets no ${where}, so backups are never pruned to a stated window`];
  const days = typeof policy === "string" ? retentionDays(policy) : undefined;
  if (days === undefined) return [`${where} "${String(policy)}" is not <n>d, <n>w or <n>m`];
  return days < cfg.minRetentionDays
    ? [
        `${where} "${String(policy)}" keeps ${days} days, below the minimum of ${cfg.minRetentionDays}`,
      ]
    : [];
}

type Kind = "scalewayDatabaseInstance" | "ovhDatabase" | "cnpgCluster" | "barmanObjectStore";

const CHECKS: Record<Kind, (props: Json, cfg: Config) => string[]> = {
  scalewayDatabaseInstance: (props, cfg) => {
    if (props.disableBackup === true) return ["disables automated backups (disableBackup: true)"];
    const days = props.backupScheduleRetention;
    if (typeof days !== "number")
      return [`sets no backupScheduleRetention (the minimum is ${cfg.minRetentionDays} days)`];
    return days < cfg.minRetentionDays
      ? [
          `keeps backups ${days} days (backupScheduleRetention), below the minimum of ${cfg.minRetentionDays}`,
        ]
      : [];
  },
  ovhDatabase: (props, cfg) => {
    if (typeof props.engine === "string" && !cfg.ovhEngines.includes(props.engine)) return [];
    const plan = props.plan;
    if (typeof plan !== "string") return ["sets no plan, so its backup retention is unknown"];
    const days = cfg.ovhPlanRetentionDays[plan];
    if (days === undefined)
      return [
        `plan "${plan}" has no known backup retention: add it to this policy's ovhPlanRetentionDays`,
      ];
    return days < cfg.minRetentionDays
      ? [`plan "${plan}" keeps backups ${days} days, below the minimum of ${cfg.minRetentionDays}`]
      : [];
  },
  cnpgCluster: (props, cfg) => {
    const spec = objectAt(props, "spec");
    const backup = objectAt(spec, "backup");
    if (objectAt(backup, "barmanObjectStore") !== undefined)
      return cnpgRetention(backup?.retentionPolicy, "spec.backup.retentionPolicy", cfg);
    const archiver = (arrayAt(spec, "plugins") ?? []).some(
      (p) => (p as Json).name === BARMAN_PLUGIN && (p as Json).isWALArchiver === true,
    );
    if (archiver) return [];
    return objectAt(backup, "volumeSnapshot") !== undefined
      ? [
          "backs up only to volume snapshots, which keep no retention window and stay on the cluster's storage",
        ]
      : [
          "declares no backup: no spec.backup.barmanObjectStore and no Barman Cloud plugin WAL archiver",
        ];
  },
  barmanObjectStore: (props, cfg) =>
    cnpgRetention(objectAt(props, "spec")?.retentionPolicy, "spec.retentionPolicy", cfg),
};

const KINDS = [
  "scalewayDatabaseInstance",
  "ovhDatabase",
  "cnpgCluster",
  "barmanObjectStore",
] as const;

export const dataDatabaseEnableBackups = definePolicy({
  name: "data-database-enable-backups",
  description:
    "Every managed or in-cluster PostgreSQL database keeps automated backups for at least the minimum retention.",
  configSchema: {
    properties: {
      minRetentionDays: {
        type: "integer",
        minimum: 1,
        default: DEFAULTS.minRetentionDays,
        description: "Shortest backup retention allowed, in days.",
      },
      ovhPlanRetentionDays: {
        type: "object",
        additionalProperties: { type: "integer", minimum: 0 },
        default: { ...DEFAULTS.ovhPlanRetentionDays },
        description: "Backup retention in days of each OVHcloud database plan.",
      },
      ovhEngines: {
        type: "array",
        items: { type: "string" },
        default: [...DEFAULTS.ovhEngines],
        description: "OVHcloud database engines this policy checks.",
      },
    },
  },
  enforcementLevel: "mandatory",
  validateResource: kindValidation(KINDS, CHECKS, DEFAULTS),
  severity: "high",
  tags: ["database", "backup", "recovery"],
  remediationSteps:
    'Set `backupRetentionDays` (≥ minRetentionDays) in `sovereign:targets[].database`; on Scaleway that is backupScheduleRetention (and never disableBackup), on OVHcloud pick a plan that keeps backups long enough (business: 14 days, enterprise: 30), on CloudNativePG archive WALs to an object store with a retentionPolicy such as "7d". Change the threshold with this policy\'s `minRetentionDays`.',
  url: "https://cloudnative-pg.io/documentation/current/backup/",
  pack: "data-protection",
  area: "data",
});
