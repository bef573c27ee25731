import { describe, expect, test } from "vitest";
import { imageManifestsMissingRenderedObjects as policy } from "../../../../policies/rules/image/missing-rendered-objects";
import { urnOf, validateStack, type ResourceSpec } from "../../fixtures/args";
import { EU_KUBE_PROVIDER } from "../../fixtures/kubernetes";

const collection = (
  type: string,
  name: string,
  props: Record<string, unknown> = {},
): ResourceSpec => ({
  type,
  name,
  props,
  provider: EU_KUBE_PROVIDER,
});
/** An object the provider rendered from the collection `parent`. */
const child = (parent: ResourceSpec, name: string): ResourceSpec => ({
  type: "kubernetes:apps/v1:Deployment",
  name,
  parent: urnOf(parent.type, parent.name ?? "subject"),
  provider: EU_KUBE_PROVIDER,
});

const COLLECTIONS: readonly [string, string][] = [
  [
    "kubernetes:helm.sh/v3:Chart",
    "Helm v3 charts are rendered by the provider's helm template invoke",
  ],
  ["kubernetes:helm.sh/v4:Chart", "Helm v4 charts are rendered by the provider"],
  ["kubernetes:yaml/v2:ConfigFile", "YAML v2 ConfigFiles are parsed by the provider"],
  ["kubernetes:yaml/v2:ConfigGroup", "YAML v2 ConfigGroups are parsed by the provider"],
  ["kubernetes:kustomize/v2:Directory", "Kustomize v2 directories are built by the provider"],
  [
    "kubernetes:kustomize:Directory",
    "Kustomize directories are built by the provider's kustomize invoke",
  ],
];

describe("image-manifests-missing-rendered-objects", () => {
  test.each(COLLECTIONS)("fails when a %s rendered no objects", async (type, how) => {
    const spec = collection(type, "ingress");
    expect(await validateStack(policy, [spec])).toEqual({
      violations: [
        `${type} 'ingress' has no objects in the plan: ${how}, which this check did not run, so the images, registries and locations it deploys could not be checked offline. Run \`pulumi preview\` with this pack to judge its objects, render it to plain manifests (helm template, kustomize build) loaded with kubernetes.yaml.ConfigFile, or exempt it in policies/exemptions.json once reviewed.`,
      ],
    });
  });

  test.each(COLLECTIONS)("passes a %s whose objects a preview rendered", async (type) => {
    const spec = collection(type, "ingress");
    expect(await validateStack(policy, [spec, child(spec, "ingress-controller")])).toEqual({
      violations: [],
    });
  });

  test("passes a Helm release, whose chart source and values other policies judge", async () => {
    const release = collection("kubernetes:helm.sh/v3:Release", "redis", { chart: "redis" });
    expect(await validateStack(policy, [release])).toEqual({ violations: [] });
  });

  test("names each unrendered collection once, leaving rendered ones alone", async () => {
    const rendered = collection("kubernetes:yaml/v2:ConfigGroup", "rendered");
    const blind = collection("kubernetes:helm.sh/v4:Chart", "blind");
    const outcome = await validateStack(policy, [rendered, child(rendered, "app"), blind]);
    expect(outcome.violations.map((v) => v.slice(0, v.indexOf(" has no objects")))).toEqual([
      "kubernetes:helm.sh/v4:Chart 'blind'",
    ]);
  });
});
