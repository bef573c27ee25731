import { describe, expect, test } from "vitest";
import { workloadKubernetesEnforceSchema as policy } from "../../../../policies/rules/workload/enforce-schema";
import { UNKNOWN, UNKNOWN_ARRAY, validate } from "../../fixtures/args";
import {
  barmanObjectStore,
  clusterIssuer,
  cnpgCluster,
  deploymentObject,
  objectOf,
} from "../../fixtures/kubernetes-objects";
import { container, podSpec } from "../../fixtures/workloads";

const DEPLOYMENT = "apps/v1 Deployment";
const on = (minor: string) => ({ [policy.name]: { kubernetesVersion: minor } });

describe("workload-kubernetes-enforce-schema", () => {
  test.each([
    ["a complete Deployment", deploymentObject()],
    ["a Deployment without metadata.name (autonamed)", deploymentObject({}, {})],
    ["a Deployment whose optional fields are null", deploymentObject({ paused: null })],
    ["a CloudNativePG Cluster with the Barman Cloud plugin", cnpgCluster()],
    ["a Barman Cloud ObjectStore", barmanObjectStore()],
    ["a cert-manager ClusterIssuer", clusterIssuer()],
  ])("passes %s on every vendored minor", async (_what, spec) => {
    for (const minor of ["1.35", "1.36"]) {
      expect(await validate(policy, spec, on(minor))).toEqual({ violations: [] });
    }
  });

  test.each([
    [
      "a field has the wrong type",
      deploymentObject({ replicas: "two" }),
      `${DEPLOYMENT} spec.replicas: must be integer (Kubernetes 1.36 schema)`,
    ],
    [
      "a field is not in the schema",
      deploymentObject({ replica: 2 }),
      `${DEPLOYMENT} spec: unknown field "replica" (Kubernetes 1.36 schema)`,
    ],
    [
      "a required field is missing",
      deploymentObject({ selector: undefined }),
      `${DEPLOYMENT} spec: missing required field "selector" (Kubernetes 1.36 schema)`,
    ],
    [
      "an int-or-string field is neither",
      deploymentObject({ strategy: { rollingUpdate: { maxSurge: true } } }),
      `${DEPLOYMENT} spec.strategy.rollingUpdate.maxSurge: must be an integer or a string (Kubernetes 1.36 schema)`,
    ],
    [
      "a number is given as text in a list item",
      objectOf("kubernetes:core/v1:Service", { spec: { ports: [{ port: "80" }] } }),
      "v1 Service spec.ports[0].port: must be integer (Kubernetes 1.36 schema)",
    ],
    [
      "a container field is misspelt",
      deploymentObject({
        template: { spec: podSpec({ containers: [container({ imagePullPolicyy: "Always" })] }) },
      }),
      `${DEPLOYMENT} spec.template.spec.containers[0]: unknown field "imagePullPolicyy" (Kubernetes 1.36 schema)`,
    ],
    [
      "a custom resource field has the wrong type",
      cnpgCluster({ instances: "2" }),
      "postgresql.cnpg.io/v1 Cluster spec.instances: must be integer (Kubernetes 1.36 schema)",
    ],
    [
      "a custom resource field is not in its CRD",
      barmanObjectStore({ bucket: "acme" }),
      'barmancloud.cnpg.io/v1 ObjectStore spec.configuration: unknown field "bucket" (Kubernetes 1.36 schema)',
    ],
    [
      "a custom resource enum has another value",
      objectOf("kubernetes:postgresql.cnpg.io/v1:ScheduledBackup", {
        spec: { schedule: "0 0 3 * * *", cluster: { name: "db" }, method: "s3" },
      }),
      'postgresql.cnpg.io/v1 ScheduledBackup spec.method: must be one of "barmanObjectStore", "volumeSnapshot", "plugin" (Kubernetes 1.36 schema)',
    ],
    [
      "a custom resource misses a field its CRD requires",
      clusterIssuer({ privateKeySecretRef: undefined }),
      'cert-manager.io/v1 ClusterIssuer spec.acme: missing required field "privateKeySecretRef" (Kubernetes 1.36 schema)',
    ],
    [
      "the API version is not served by the minor",
      objectOf("kubernetes:policy/v1beta1:PodDisruptionBudget", { spec: { minAvailable: 1 } }),
      "policy/v1beta1 PodDisruptionBudget is not an API of Kubernetes 1.36: its OpenAPI document defines no such version or kind",
    ],
  ])("fails when %s", async (_what, spec, message) => {
    expect(await validate(policy, spec)).toEqual({ violations: [message] });
  });

  test("fails when a value is wrong without echoing the value (it may be a secret)", async () => {
    const secret = objectOf("kubernetes:core/v1:Secret", { stringData: { password: 12345 } });
    const { violations } = await validate(policy, secret);
    expect(violations).toEqual([
      "v1 Secret stringData.password: must be string (Kubernetes 1.36 schema)",
    ]);
    expect(violations.join()).not.toContain("12345");
  });

  test.each([
    ["a scalar", deploymentObject({ replicas: UNKNOWN })],
    ["an object", objectOf("kubernetes:core/v1:Secret", { stringData: UNKNOWN })],
    ["a list", deploymentObject({ template: { spec: podSpec({ containers: UNKNOWN_ARRAY }) } })],
  ])("does not judge %s unknown during preview", async (_what, spec) => {
    expect(await validate(policy, spec)).toEqual({ violations: [] });
  });

  test("judges the known fields beside an unknown one", async () => {
    const spec = deploymentObject({ replicas: UNKNOWN, paused: "yes" });
    expect(await validate(policy, spec)).toEqual({
      violations: [`${DEPLOYMENT} spec.paused: must be boolean (Kubernetes 1.36 schema)`],
    });
  });

  test("lets a patch leave required fields out, and still judges what it sets", async () => {
    const patch = (spec: Record<string, unknown>) =>
      objectOf("kubernetes:apps/v1:DeploymentPatch", { metadata: { name: "shop" }, spec });
    expect(await validate(policy, patch({ replicas: 3 }))).toEqual({ violations: [] });
    expect(await validate(policy, patch({ replicas: "3" }))).toEqual({
      violations: [`${DEPLOYMENT} spec.replicas: must be integer (Kubernetes 1.36 schema)`],
    });
  });

  test("accepts unknown fields when rejectUnknownFields is off", async () => {
    const config = { [policy.name]: { rejectUnknownFields: false } };
    expect(await validate(policy, deploymentObject({ replica: 2 }), config)).toEqual({
      violations: [],
    });
  });

  test("is not applicable to a custom resource whose CRD is not vendored", async () => {
    const spec = objectOf("kubernetes:example.com/v1:Widget", { spec: { size: "large" } });
    expect(await validate(policy, spec)).toEqual({
      violations: [],
      notApplicable:
        "example.com/v1 Widget is a custom resource whose CRD is not vendored: not schema-checked",
    });
  });

  test.each([
    ["kubernetes:helm.sh/v3:Release"],
    ["kubernetes:yaml/v2:ConfigGroup"],
    ["scaleway:kubernetes/cluster:Cluster"],
  ])("leaves %s alone (not an API object)", async (type) => {
    expect(await validate(policy, objectOf(type, { anything: 1 }))).toEqual({ violations: [] });
  });

  test("fails when the configured minor has no vendored schema, naming the key and the choices", async () => {
    await expect(validate(policy, deploymentObject(), on("1.20"))).rejects.toThrow(
      "policy config kubernetesVersion '1.20' has no vendored schema; use one of 1.35, 1.36",
    );
  });
});
