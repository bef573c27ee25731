import { describe, expect, test } from "vitest";
import { definePolicy, type SovereignPolicy } from "../../policies/lib/define";
import { createRegistry, euSovereigntyPolicies, REGISTRY } from "../../policies/registry";

const names = (policies: readonly SovereignPolicy[] | undefined) =>
  (policies ?? []).map((p) => p.name);

const stub = (name: string, pack: "eu-sovereignty" | "workload-baseline") =>
  definePolicy({
    name,
    description: "A stub.",
    validateResource: () => undefined,
    severity: "low",
    tags: ["t"],
    remediationSteps: "None.",
    pack,
    area: pack === "eu-sovereignty" ? "region" : "workload",
  });

const EU_SOVEREIGNTY = [
  "region-resource-enforce-eu-location",
  "region-provider-enforce-eu-default-location",
  "region-node-pool-disallow-external-nodes",
  "vendor-resource-disallow-non-eu-vendor",
  "vendor-provider-enforce-eu-account",
  "endpoint-kubeconfig-enforce-eu-server",
  "endpoint-destination-enforce-eu-host",
  "endpoint-acme-issuer-enforce-eu-ca",
  "image-container-enforce-eu-registry",
  "image-helm-enforce-eu-chart-source",
  "image-manifests-missing-rendered-objects",
  "seal-enforce-minimum",
  "toolchain-enforce-eu-control",
];

describe("createRegistry", () => {
  test("fails when two policies share a name, naming both packs", () => {
    expect(() =>
      createRegistry([
        stub("region-x-enforce-y", "eu-sovereignty"),
        stub("region-x-enforce-y", "workload-baseline"),
      ]),
    ).toThrow(
      "policy name 'region-x-enforce-y' is registered twice (packs eu-sovereignty and workload-baseline); rename one: names must be unique across packs",
    );
  });

  test("indexes by pack, area, severity and tag, and selects by all of them", () => {
    const a = stub("region-a-enforce-x", "eu-sovereignty");
    const b = {
      ...stub("workload-b-enforce-x", "workload-baseline"),
      severity: "high" as const,
      tags: ["t", "k8s"],
    };
    const registry = createRegistry([a, b]);
    expect(names(registry.byPack.get("workload-baseline"))).toEqual(["workload-b-enforce-x"]);
    expect(names(registry.byArea.get("region"))).toEqual(["region-a-enforce-x"]);
    expect(names(registry.bySeverity.get("high"))).toEqual(["workload-b-enforce-x"]);
    expect(names(registry.byTag.get("t"))).toEqual(["region-a-enforce-x", "workload-b-enforce-x"]);
    expect(names(registry.select({ tag: "t", severity: "low" }))).toEqual(["region-a-enforce-x"]);
    expect(names(registry.select({}))).toEqual(["region-a-enforce-x", "workload-b-enforce-x"]);
    expect(registry.byName.get("region-a-enforce-x")).toBe(a);
  });
});

describe("REGISTRY", () => {
  test("holds the eu-sovereignty rules in report order", () => {
    expect(names(euSovereigntyPolicies)).toEqual(EU_SOVEREIGNTY);
    expect(names(REGISTRY.byPack.get("eu-sovereignty"))).toEqual(EU_SOVEREIGNTY);
  });

  test.each([
    ["region", EU_SOVEREIGNTY.slice(0, 3)],
    ["vendor", EU_SOVEREIGNTY.slice(3, 5)],
    ["endpoint", EU_SOVEREIGNTY.slice(5, 8)],
    ["image", EU_SOVEREIGNTY.slice(8, 11)],
    ["seal", EU_SOVEREIGNTY.slice(11, 12)],
    ["toolchain", EU_SOVEREIGNTY.slice(12)],
  ] as const)("selects the %s area", (area, expected) => {
    expect(names(REGISTRY.select({ area }))).toEqual(expected);
  });

  test("marks the placement, vendor and endpoint rules critical", () => {
    expect(names(REGISTRY.select({ pack: "eu-sovereignty", severity: "critical" }))).toEqual([
      "region-resource-enforce-eu-location",
      "region-provider-enforce-eu-default-location",
      "vendor-resource-disallow-non-eu-vendor",
      "vendor-provider-enforce-eu-account",
      "endpoint-kubeconfig-enforce-eu-server",
      "endpoint-destination-enforce-eu-host",
    ]);
  });

  test("holds every policy of every pack exactly once", () => {
    const all = names(REGISTRY.all);
    expect(new Set(all).size).toBe(all.length);
    expect([...REGISTRY.byPack.values()].reduce((n, list) => n + list.length, 0)).toBe(all.length);
  });
});
