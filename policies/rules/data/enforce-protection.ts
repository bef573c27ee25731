/**
 * In production, a resource whose deletion destroys data needs `protect` (Pulumi refuses to delete it) or
 * `retainOnDelete` (Pulumi forgets it but leaves it in the cloud); OVHcloud databases may use their own
 * `deletionProtection` instead. StatefulSets count only when they delete their volume claims with them
 * (`persistentVolumeClaimRetentionPolicy.whenDeleted: Delete`): by default Kubernetes keeps the claims.
 *
 * Observable limits: the analyzer protocol (@pulumi/policy 1.21) carries `protect` but not `retainOnDelete`, and
 * the offline engine builds the same options, so in practice `protect` (or the provider's guard) is what passes;
 * `retainOnDelete` is honoured should an engine ever pass it.
 */
import { definePolicy, scopedValidation } from "../../lib/define";
import {
  PRODUCTION_DEFAULTS,
  productionReason,
  productionSchema,
  type ProductionConfig,
} from "./lib/production";
import { arrayAt, kindOf, objectAt, ofKinds, type DataKind } from "./lib/types";

type Json = Record<string, unknown>;

interface Stateful {
  /** What the resource is, for the message. */
  readonly what: string;
  /** The provider's own deletion guard, an input that must be true. */
  readonly guard?: string;
  /** Whether this resource holds data; @default - always */
  readonly holdsData?: (props: Json) => boolean;
}

const STATEFUL: Partial<Record<DataKind, Stateful>> = {
  scalewayDatabaseInstance: { what: "managed database instance" },
  scalewayDatabase: { what: "database" },
  scalewayBucket: { what: "bucket" },
  ovhDatabase: { what: "managed database", guard: "deletionProtection" },
  ovhLogicalDatabase: { what: "database" },
  ovhStorage: { what: "bucket" },
  cnpgCluster: { what: "CloudNativePG cluster (its volume claims go with it)" },
  persistentVolumeClaim: { what: "persistent volume claim" },
  statefulSet: {
    what: "StatefulSet that deletes its volume claims with it",
    holdsData: (props) => {
      const spec = objectAt(props, "spec");
      const claims = arrayAt(spec, "volumeClaimTemplates") ?? [];
      return (
        claims.length > 0 &&
        objectAt(spec, "persistentVolumeClaimRetentionPolicy")?.whenDeleted === "Delete"
      );
    },
  },
};

const KINDS = Object.keys(STATEFUL) as DataKind[];

export const dataStatefulEnforceProtection = definePolicy({
  name: "data-stateful-enforce-protection",
  description:
    "In production stacks, every resource whose deletion destroys data (databases, buckets, volume claims, CloudNativePG clusters) is protected from deletion.",
  configSchema: { properties: { ...productionSchema } },
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(ofKinds(KINDS), (args, reportViolation) => {
    const kind = kindOf(args.type, KINDS);
    const stateful = kind === undefined ? undefined : STATEFUL[kind];
    if (stateful === undefined) return;
    const cfg: ProductionConfig = {
      ...PRODUCTION_DEFAULTS,
      ...args.getConfig<Partial<ProductionConfig>>(),
    };
    const reason = productionReason(cfg, args.urn, args.stackTags);
    if (reason === undefined) return;
    const props = args.props as Json;
    if (stateful.holdsData !== undefined && !stateful.holdsData(props)) return;
    const opts = args.opts as { protect?: boolean; retainOnDelete?: boolean };
    if (opts.protect === true || opts.retainOnDelete === true) return;
    if (stateful.guard !== undefined && props[stateful.guard] === true) return;
    // retainOnDelete is not named: CrossGuard never shows it, so asking for it would be a fix that cannot pass.
    const fix =
      stateful.guard === undefined ? "protect: true" : `protect: true or ${stateful.guard}: true`;
    reportViolation(
      `${stateful.what} in a production stack (${reason}) is not protected: set ${fix}`,
    );
  }),
  severity: "high",
  tags: ["recovery", "production", "deletion"],
  remediationSteps:
    "Pass { protect: true } to the resource (retainOnDelete alone is invisible to CrossGuard). Sovereign Deploy protects databases and buckets when `sovereign:environment` is `prod` or `sovereign:targets[].protect` is true. Which stacks count as production is this policy's `productionStacks` / `productionTagKeys` config.",
  url: "https://www.pulumi.com/docs/iac/concepts/options/protect/",
  pack: "data-protection",
  area: "data",
});
