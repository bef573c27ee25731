import { describe, expect, test } from "vitest";
import { dataStatefulEnforceProtection as policy } from "../../../../policies/rules/data/enforce-protection";
import type { ResourceSpec } from "../../fixtures/args";
import { ovhStorage, scalewayBucket } from "../../fixtures/buckets";
import { cnpgCluster, ovhDatabase, scalewayDatabaseInstance } from "../../fixtures/databases";
import { configMap } from "../../fixtures/kubernetes-config";
import { podSpec, workload } from "../../fixtures/workloads";
import { violationsOf } from "./harness";

const PROD = { stack: "eu-fleet" };

const statefulSet = (whenDeleted: string): ResourceSpec => {
  const base = workload("StatefulSet", podSpec());
  const spec = (base.props as { spec: Record<string, unknown> }).spec;
  return {
    ...base,
    props: {
      ...base.props,
      spec: {
        ...spec,
        volumeClaimTemplates: [
          { metadata: { name: "data" }, spec: { resources: { requests: { storage: "10Gi" } } } },
        ],
        persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled: "Retain" },
      },
    },
  };
};

const pvc: ResourceSpec = {
  type: "kubernetes:core/v1:PersistentVolumeClaim",
  name: "data",
  props: { spec: { resources: { requests: { storage: "10Gi" } } } },
};

describe("dataStatefulEnforceProtection", () => {
  test.each([
    ["managed database instance", scalewayDatabaseInstance()],
    ["bucket", scalewayBucket()],
    ["bucket", ovhStorage()],
    ["CloudNativePG cluster (its volume claims go with it)", cnpgCluster()],
    ["persistent volume claim", pvc],
    ["StatefulSet that deletes its volume claims with it", statefulSet("Delete")],
  ])("fails an unprotected %s in a production stack", async (what, spec) => {
    expect(await violationsOf(policy, spec, PROD)).toEqual([
      `${what} in a production stack (stack "eu-fleet" matches "eu-fleet") is not protected: set protect: true`,
    ]);
  });

  test("fails an OVHcloud database with neither option nor deletionProtection", async () => {
    expect(await violationsOf(policy, ovhDatabase(), { stack: "shop-prod" })).toEqual([
      'managed database in a production stack (stack "shop-prod" matches "*-prod") is not protected: set protect: true or deletionProtection: true',
    ]);
  });

  test.each([
    ["prod-eu", 'stack "prod-eu" matches "prod*"'],
    ["production", 'stack "production" matches "prod*"'],
    ["eu-fleet", 'stack "eu-fleet" matches "eu-fleet"'],
    ["PROD", 'stack "PROD" matches "prod*"'],
  ])("treats stack %s as production", async (stack, reason) => {
    expect(await violationsOf(policy, scalewayBucket(), { stack })).toEqual([
      `bucket in a production stack (${reason}) is not protected: set protect: true`,
    ]);
  });

  test("treats a stack tagged environment=prod as production", async () => {
    expect(
      await violationsOf(policy, scalewayBucket(), {
        stack: "shop-eu",
        stackTags: { environment: "prod" },
      }),
    ).toEqual([
      'bucket in a production stack (stack tag environment=prod matches "prod*") is not protected: set protect: true',
    ]);
  });

  test("reads the stack name from the config when given", async () => {
    const config = { [policy.name]: { stackName: "shop-prod" } };
    expect(await violationsOf(policy, scalewayBucket(), { stack: "dev" }, config)).toEqual([
      'bucket in a production stack (stack "shop-prod" matches "*-prod") is not protected: set protect: true',
    ]);
  });

  test("matches the production patterns the config names", async () => {
    const config = { [policy.name]: { productionStacks: ["live-*"] } };
    expect(await violationsOf(policy, scalewayBucket(), { stack: "eu-fleet" }, config)).toEqual([]);
    expect(await violationsOf(policy, scalewayBucket(), { stack: "live-eu" }, config)).toEqual([
      'bucket in a production stack (stack "live-eu" matches "live-*") is not protected: set protect: true',
    ]);
  });

  test.each<[string, ResourceSpec, Parameters<typeof violationsOf>[2]]>([
    ["a protected database in production", { ...scalewayDatabaseInstance(), protect: true }, PROD],
    [
      "a bucket retained on delete (when the engine passes it)",
      scalewayBucket(),
      { ...PROD, retainOnDelete: true },
    ],
    [
      "an OVHcloud database with deletionProtection",
      ovhDatabase({ deletionProtection: true }),
      PROD,
    ],
    ["an unprotected bucket in a dev stack", scalewayBucket(), { stack: "dev" }],
    [
      "a stack whose tag names no production environment",
      scalewayBucket(),
      { stack: "shop-eu", stackTags: { environment: "staging" } },
    ],
    ["a StatefulSet that keeps its claims (the Kubernetes default)", statefulSet("Retain"), PROD],
    ["a StatefulSet without claims", workload("StatefulSet", podSpec()), PROD],
    ["a ConfigMap (no data to lose)", configMap(), PROD],
  ])("passes %s", async (_case, spec, context) => {
    expect(await violationsOf(policy, spec, context)).toEqual([]);
  });
});
