import type { ResourceValidation } from "@pulumi/policy";
import { describe, expect, test } from "vitest";
import { scopedValidation, type ScopedValidation } from "../../../policies/lib/define";
import { REGISTRY } from "../../../policies/registry";
import { validate } from "../fixtures/args";

const BUCKET = "scaleway:object/bucket:Bucket";
const isBucket = (type: string) => type === BUCKET;
const flagAll: ResourceValidation = (args, report) => report(`flagged ${args.name}`);
const policyOf = (validateResource: ResourceValidation) => ({
  name: "data-test-enforce-thing",
  validateResource,
});

describe("scopedValidation", () => {
  test("runs the validation on the types it judges", async () => {
    const scoped = scopedValidation(isBucket, flagAll, "only buckets");
    expect(await validate(policyOf(scoped), { type: BUCKET, name: "data" })).toEqual({
      violations: ["flagged data"],
    });
  });

  test.each([
    [
      "declares any other type not applicable when given a reason",
      "only buckets",
      { notApplicable: "only buckets" },
    ],
    ["passes any other type when given no reason", undefined, {}],
  ])("%s", async (_case, reason, outcome) => {
    const scoped = scopedValidation(isBucket, flagAll, reason);
    expect(await validate(policyOf(scoped), { type: "scaleway:network/vpc:Vpc" })).toEqual({
      violations: [],
      ...outcome,
    });
  });

  test("carries its type test for the engine", () => {
    expect(scopedValidation(isBucket, flagAll).appliesTo).toBe(isBucket);
  });
});

describe("scoped policies of the registry", () => {
  const resourcePolicies = REGISTRY.all.flatMap((p) =>
    "validateResource" in p ? [{ name: p.name, validations: [p.validateResource].flat() }] : [],
  );
  const appliesTo = (v: ResourceValidation) => (v as Partial<ScopedValidation>).appliesTo;

  test("every resource policy says which types it judges", () => {
    const unscoped = resourcePolicies.filter((p) => p.validations.some((v) => !appliesTo(v)));
    expect(unscoped.map((p) => p.name)).toEqual([]);
  });

  const WORKLOAD = [
    "workload-container-configure-resources",
    "workload-container-enforce-non-root",
    "workload-container-disallow-privileged",
    "workload-container-disallow-privilege-escalation",
    "workload-container-enforce-readonly-rootfs",
    "workload-image-disallow-latest-tag",
    "workload-container-configure-probes",
    "workload-pod-disallow-host-namespaces",
    "workload-pod-disallow-host-path",
  ];
  const KUBERNETES_OBJECT = [
    "workload-kubernetes-enforce-schema",
    "workload-kubernetes-disallow-removed-api",
  ];
  test.each([
    [
      "kubernetes:core/v1:ServiceAccount",
      ["vendor-resource-disallow-non-eu-vendor", ...KUBERNETES_OBJECT],
    ],
    [
      "kubernetes:apps/v1:Deployment",
      [
        "vendor-resource-disallow-non-eu-vendor",
        "image-container-enforce-eu-registry",
        ...WORKLOAD,
        ...KUBERNETES_OBJECT,
        "data-postgres-enforce-tls",
        "data-container-disallow-plaintext-credentials",
      ],
    ],
    [
      "kubernetes:core/v1:Secret",
      ["vendor-resource-disallow-non-eu-vendor", ...KUBERNETES_OBJECT, "data-postgres-enforce-tls"],
    ],
    [
      "scaleway:object/bucket:Bucket",
      [
        "region-resource-enforce-eu-location",
        "data-bucket-disallow-public-access",
        "data-bucket-enable-versioning",
        "data-stateful-enforce-protection",
      ],
    ],
    [
      "ovh:CloudProject/database:Database",
      [
        "region-resource-enforce-eu-location",
        "data-database-enable-backups",
        "data-database-disallow-internet-access",
        "data-stateful-enforce-protection",
      ],
    ],
    [
      "pulumi:providers:kubernetes",
      ["vendor-resource-disallow-non-eu-vendor", "endpoint-kubeconfig-enforce-eu-server"],
    ],
    [
      "pulumi:providers:scaleway",
      ["region-provider-enforce-eu-default-location", "data-cloud-enforce-secret-credentials"],
    ],
    [
      "pulumi:providers:ovh",
      ["vendor-provider-enforce-eu-account", "data-cloud-enforce-secret-credentials"],
    ],
    ["aws:s3/bucket:Bucket", ["vendor-resource-disallow-non-eu-vendor"]],
    ["sovereign:fleet:Fleet", ["vendor-resource-disallow-non-eu-vendor"]],
  ])("%s is judged by exactly these policies", (type, names) => {
    const judging = resourcePolicies.filter((p) => p.validations.some((v) => appliesTo(v)?.(type)));
    expect(judging.map((p) => p.name)).toEqual(names);
  });
});
