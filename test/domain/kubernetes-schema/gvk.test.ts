import { describe, expect, test } from "vitest";
import { groupVersionKindOf } from "../../../domain/kubernetes-schema/gvk";
import { dottedPath } from "../../../domain/kubernetes-schema/validate";

describe("groupVersionKindOf", () => {
  test.each([
    [
      "kubernetes:core/v1:Namespace",
      { group: "", version: "v1", kind: "Namespace", apiVersion: "v1", patch: false },
    ],
    [
      "kubernetes:apps/v1:DeploymentPatch",
      { group: "apps", version: "v1", kind: "Deployment", apiVersion: "apps/v1", patch: true },
    ],
    [
      "kubernetes:postgresql.cnpg.io/v1:Cluster",
      {
        group: "postgresql.cnpg.io",
        version: "v1",
        kind: "Cluster",
        apiVersion: "postgresql.cnpg.io/v1",
        patch: false,
      },
    ],
  ])("reads %s", (type, expected) => {
    expect(groupVersionKindOf(type)).toEqual(expected);
  });

  test.each([
    "kubernetes:helm.sh/v3:Release",
    "kubernetes:helm.sh/v4:Chart",
    "kubernetes:yaml/v2:ConfigGroup",
    "kubernetes:kustomize/v2:Directory",
    "pulumi:providers:kubernetes",
    "scaleway:kubernetes/cluster:Cluster",
  ])("finds no API object in %s", (type) => {
    expect(groupVersionKindOf(type)).toBeUndefined();
  });
});

describe("dottedPath", () => {
  test.each([
    ["", ""],
    ["/spec/replicas", "spec.replicas"],
    ["/spec/ports/0/port", "spec.ports[0].port"],
    ["/metadata/labels/app.kubernetes.io~1name", "metadata.labels.app.kubernetes.io/name"],
  ])("writes %j as %j", (pointer, path) => {
    expect(dottedPath(pointer)).toBe(path);
  });
});
