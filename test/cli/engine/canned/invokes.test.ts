import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { CANNED_INVOKES, cannedInvoke } from "../../../../cli/engine/canned/invokes";

const resolve = createRequire(__filename).resolve;

/** Where each canned token of an installed SDK is declared: the test reads the token in that file. */
const DECLARED_IN: Readonly<Record<string, string>> = {
  "scaleway:kubernetes/getVersion:getVersion": "@pulumiverse/scaleway/kubernetes/getVersion.js",
  "scaleway:index/getK8sVersion:getK8sVersion": "@pulumiverse/scaleway/getK8sVersion.js",
  "scaleway:account/getAvailabilityZones:getAvailabilityZones":
    "@pulumiverse/scaleway/account/getAvailabilityZones.js",
  "scaleway:index/getAvailabilityZones:getAvailabilityZones":
    "@pulumiverse/scaleway/getAvailabilityZones.js",
  "ovh:CloudProject/getRegions:getRegions": "@ovhcloud/pulumi-ovh/cloudproject/getRegions.js",
  "ovh:CloudProject/getCapabilitiesContainerRegistry:getCapabilitiesContainerRegistry":
    "@ovhcloud/pulumi-ovh/cloudproject/getCapabilitiesContainerRegistry.js",
  "ovh:CloudProject/getKube:getKube": "@ovhcloud/pulumi-ovh/cloudproject/getKube.js",
  "kubernetes:helm:template": "@pulumi/kubernetes/helm/v3/helm.js",
  "kubernetes:yaml:decode": "@pulumi/kubernetes/yaml/yaml.js",
};
const INSTALLED_PACKAGES = ["scaleway:", "ovh:", "kubernetes:"];

describe("CANNED_INVOKES", () => {
  test("names every token of an installed SDK where that SDK declares it", () => {
    const installed = Object.keys(CANNED_INVOKES).filter((t) =>
      INSTALLED_PACKAGES.some((p) => t.startsWith(p)),
    );
    expect(installed.sort()).toEqual(Object.keys(DECLARED_IN).sort());
    const missing = installed.filter(
      (token) => !readFileSync(resolve(DECLARED_IN[token] ?? ""), "utf8").includes(`"${token}"`),
    );
    expect(missing).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, Record<string, string>, Record<string, unknown>]>([
    [
      "scaleway:kubernetes/getVersion:getVersion",
      { name: "latest" },
      { "scaleway:region": "nl-ams" },
      {
        id: "nl-ams/1.36.0",
        name: "1.36.0",
        majorMinorOnly: "1.36",
        region: "nl-ams",
        availableCnis: ["cilium", "calico", "kilo", "none"],
        availableContainerRuntimes: ["containerd"],
        availableFeatureGates: [],
        srn: "",
      },
    ],
    [
      "scaleway:index/getAvailabilityZones:getAvailabilityZones",
      { region: "pl-waw" },
      {},
      { id: "pl-waw", region: "pl-waw", zones: ["pl-waw-1", "pl-waw-2", "pl-waw-3"] },
    ],
    [
      "aws:index/getRegion:getRegion",
      {},
      { "aws:region": "eu-central-1" },
      {
        id: "eu-central-1",
        name: "eu-central-1",
        region: "eu-central-1",
        description: "eu-central-1",
        endpoint: "ec2.eu-central-1.amazonaws.com",
      },
    ],
    [
      "kubernetes:yaml:decode",
      { text: "a: 1\n---\n---\nb: 2\n" },
      {},
      { result: [{ a: 1 }, { b: 2 }] },
    ],
    ["kubernetes:helm:template", { jsonOpts: "{}" }, {}, { result: [] }],
  ])("answers %s from its inputs and the stack config", (token, inputs, config, expected) => {
    expect(cannedInvoke(token, inputs, config)).toEqual(expected);
  });

  test("answers an OVHcloud cluster read with a kubeconfig only when the region is given", () => {
    const withRegion = cannedInvoke("ovh:CloudProject/getKube:getKube", {
      serviceName: "s",
      kubeId: "abcdef123",
      region: "GRA9",
    });
    const without = cannedInvoke("ovh:CloudProject/getKube:getKube", {
      serviceName: "s",
      kubeId: "abcdef123",
    });
    expect([withRegion?.url, without?.url, without?.kubeconfig]).toEqual([
      "abcdef.c1.gra9.k8s.ovh.net",
      "",
      "",
    ]);
    expect(withRegion?.kubeconfig).toContain("server: https://abcdef.c1.gra9.k8s.ovh.net\n");
  });

  test("answers nothing for an unknown token", () => {
    expect(cannedInvoke("acme:index:getThing", {})).toBeUndefined();
  });
});
