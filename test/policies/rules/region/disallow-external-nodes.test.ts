import { describe, expect, test } from "vitest";
import { regionNodePoolDisallowExternalNodes as policy } from "../../../../policies/rules/region/disallow-external-nodes";
import { UNKNOWN, validate, type ResourceSpec } from "../../fixtures/args";
import { deferred, PREVIEW_UNKNOWN } from "../../fixtures/messages";
import { SCALEWAY_DEFAULT } from "../../fixtures/resources";

const TYPES = [
  "scaleway:kubernetes/pool:Pool",
  "scaleway:index/kubernetesNodePool:KubernetesNodePool",
];
const pool = (type: string, nodeType: unknown): ResourceSpec => ({
  type,
  props: { region: "fr-par", clusterId: "c-1", nodeType, size: 2 },
  provider: SCALEWAY_DEFAULT,
});
const MESSAGE = (value: string) =>
  `nodeType '${value}' joins nodes hosted outside Scaleway, anywhere in the world, so the pool cannot be placed. Use a Scaleway node type (e.g. PRO2-S, DEV1-M) in a Kapsule cluster.`;

describe("region-node-pool-disallow-external-nodes", () => {
  test.each(
    TYPES.flatMap((type) =>
      ["PRO2-S", "DEV1-M", "GP1-XS", "externalized-not"].map((n) => [type, n]),
    ),
  )("passes %s with node type %s", async (type, nodeType) => {
    expect(await validate(policy, pool(type, nodeType))).toEqual({ violations: [] });
  });

  test.each(TYPES.flatMap((type) => ["external", "EXTERNAL"].map((n) => [type, n])))(
    "fails when %s has node type %s",
    async (type, nodeType) => {
      expect(await validate(policy, pool(type, nodeType))).toEqual({
        violations: [MESSAGE(nodeType)],
      });
    },
  );

  test("defers a node type computed by another resource", async () => {
    expect(await validate(policy, pool(TYPES[0] ?? "", UNKNOWN))).toEqual({
      violations: [],
      deferred: deferred(
        "region-node-pool-disallow-external-nodes",
        `nodeType is ${PREVIEW_UNKNOWN}`,
      ),
    });
  });

  test.each(["scaleway:kubernetes/cluster:Cluster", "ovh:CloudProject/kubeNodePool:KubeNodePool"])(
    "is not applicable to %s",
    async (type) => {
      expect(await validate(policy, { type, props: { nodeType: "external" } })).toEqual({
        violations: [],
        notApplicable: "only node pools that can host external nodes",
      });
    },
  );
});
