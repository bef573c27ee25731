/**
 * Scaleway Kosmos (`multicloud`) clusters accept node pools of type `external`: nodes hosted at any other
 * provider, anywhere, joined to an EU control plane. The pool's region says nothing about where those nodes run.
 */
import { definePolicy, scopedValidation } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";
import { readPath } from "../../lib/read";
import { deferUnknowns, type UnknownAt } from "../../lib/unknown";

/** Node-pool types and the node types that mean "hosted outside the provider". */
export const EXTERNAL_NODE_POOLS: readonly {
  readonly types: RegExp;
  readonly field: string;
  readonly external: RegExp;
}[] = [
  {
    types: /^scaleway:(?:kubernetes\/pool:Pool|index\/kubernetesNodePool:KubernetesNodePool)$/,
    field: "nodeType",
    external: /^external$/i,
  },
];

export const regionNodePoolDisallowExternalNodes = definePolicy({
  name: "region-node-pool-disallow-external-nodes",
  description:
    "Disallows node pools whose nodes are hosted outside the cluster's provider (Scaleway Kosmos external pools), because no region then says where workloads run.",
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(
    (type) => EXTERNAL_NODE_POOLS.some((p) => p.types.test(type)),
    (args, reportViolation) => {
      const pool = EXTERNAL_NODE_POOLS.find((p) => p.types.test(args.type));
      if (!pool) return;
      const unknowns: UnknownAt[] = [];
      for (const reading of readPath(args.props, pool.field)) {
        if (reading.kind === "unknown") unknowns.push({ path: reading.path, cause: reading.cause });
        if (reading.kind === "value" && pool.external.test(String(reading.value))) {
          reportViolation(
            `${reading.path} '${String(reading.value)}' joins nodes hosted outside Scaleway, anywhere in the world, so the pool cannot be placed. Use a Scaleway node type (e.g. PRO2-S, DEV1-M) in a Kapsule cluster.`,
          );
        }
      }
      deferUnknowns(unknowns);
    },
    "only node pools that can host external nodes",
  ),
  severity: "high",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "residency", "kubernetes"],
  remediationSteps:
    "Replace the external pool by a pool of Scaleway instances (nodeType such as PRO2-S) in the cluster's region; run nodes of other providers as their own EU clusters.",
  url: "docs/policies.md#region-node-pool-disallow-external-nodes",
  pack: "eu-sovereignty",
  area: "region",
});
