/**
 * OVHcloud managed PostgreSQL plans. The plan, not an input, decides how long backups are kept and how many nodes
 * the cluster has, so the adapter picks the smallest plan that meets the size, the HA wish and the retention.
 * Retention per plan: OVHcloud's reversibility policy for managed PostgreSQL says "2 days to 1 month depending on
 * the option"; the per-plan split (2 / 14 / 30) is from OVHcloud's plan comparison and was not re-verified here:
 * check it against `ovh.cloudproject.getCapabilities` before relying on it.
 */
import { SIZES, type SizeClass } from "../../../config/catalog/sizes";

export const OVH_DATABASE_PLANS = {
  essential: { nodes: 1, backupRetentionDays: 2, highAvailability: false },
  business: { nodes: 2, backupRetentionDays: 14, highAvailability: true },
  enterprise: { nodes: 3, backupRetentionDays: 30, highAvailability: true },
} as const satisfies Record<
  string,
  { nodes: number; backupRetentionDays: number; highAvailability: boolean }
>;
export type OvhDatabasePlan = keyof typeof OVH_DATABASE_PLANS;

/** Smallest first. */
const PLAN_ORDER = Object.keys(OVH_DATABASE_PLANS) as OvhDatabasePlan[];

export interface OvhPlanChoice {
  readonly plan: OvhDatabasePlan;
  readonly nodes: number;
  readonly flavor: string;
}

/**
 * The smallest plan at least as large as the size's plan (config/catalog/sizes.ts) that is HA when asked and keeps
 * backups at least `backupRetentionDays`; undefined when no plan keeps them that long.
 */
export function ovhDatabasePlan(want: {
  size: SizeClass;
  highAvailability: boolean;
  backupRetentionDays: number;
}): OvhPlanChoice | undefined {
  const sized = SIZES.ovhcloud[want.size];
  const floor = PLAN_ORDER.indexOf(sized.databasePlan);
  const plan = PLAN_ORDER.slice(floor).find((p) => {
    const spec = OVH_DATABASE_PLANS[p];
    return (
      (spec.highAvailability || !want.highAvailability) &&
      spec.backupRetentionDays >= want.backupRetentionDays
    );
  });
  return plan && { plan, nodes: OVH_DATABASE_PLANS[plan].nodes, flavor: sized.database };
}

/** The longest retention any plan offers, for error messages. */
export const OVH_MAX_BACKUP_RETENTION_DAYS = Math.max(
  ...PLAN_ORDER.map((p) => OVH_DATABASE_PLANS[p].backupRetentionDays),
);
