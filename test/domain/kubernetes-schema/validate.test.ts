import { describe, expect, test } from "vitest";
import { schemaCatalog } from "../../../domain/kubernetes-schema/catalog";
import { groupVersionKindOf } from "../../../domain/kubernetes-schema/gvk";
import { validateKubernetesObject } from "../../../domain/kubernetes-schema/validate";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const isUnknown = (value: unknown) => value === UNKNOWN;
const SERVICE = groupVersionKindOf("kubernetes:core/v1:Service");

/** A Service whose second port has a null name, an unknown target port and a wrong port. */
const service = () => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "shop", labels: null },
  spec: {
    selector: { app: "shop" },
    ports: [
      { name: "http", port: 80 },
      { name: null, port: "443", targetPort: UNKNOWN },
    ],
  },
});

describe("validateKubernetesObject", () => {
  test("drops nulls at any depth, skips unknowns by path and judges the rest", () => {
    if (!SERVICE) throw new Error("no gvk");
    const verdict = validateKubernetesObject(
      schemaCatalog("1.36", true),
      SERVICE,
      service(),
      isUnknown,
    );
    expect(verdict).toMatchObject({
      kind: "checked",
      findings: [{ path: "spec.ports[1].port", message: "must be integer" }],
      unknownPaths: ["spec.ports[1].targetPort"],
    });
  });

  test("leaves the declared object as it was (the plan's inputs are shared with every policy)", () => {
    if (!SERVICE) throw new Error("no gvk");
    const declared = service();
    validateKubernetesObject(schemaCatalog("1.36", true), SERVICE, declared, isUnknown);
    expect(declared).toEqual(service());
  });
});
