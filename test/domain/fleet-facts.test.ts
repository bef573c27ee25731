import { describe, expect, test } from "vitest";
import {
  capacityRowsByWorkload,
  deploymentsOf,
  fleetsOf,
  type ResourceView,
} from "../../domain/fleet-facts";
import { policyProxy } from "../../policies/lib/unknown";

const deployment = (name: string, workload: string, vendor: string, replicas: number) => ({
  type: "kubernetes:apps/v1:Deployment",
  urn: `urn:pulumi:dev::p::kubernetes:apps/v1:Deployment::${name}`,
  name,
  props: {
    metadata: {
      labels: {
        "app.kubernetes.io/name": workload,
        "sovereign.eu/vendor": vendor,
        "sovereign.eu/country": "FR",
      },
    },
    spec: { replicas },
  },
});

describe("deploymentsOf", () => {
  test("reads a list afresh once an element was replaced in place", () => {
    const resources: ResourceView[] = [deployment("shop-par", "shop", "scaleway", 2)];
    const before = deploymentsOf(resources, ["shop"]).map((d) => [d.name, d.replicas]);
    resources[0] = deployment("shop-par", "shop", "scaleway", 5);
    const after = deploymentsOf(resources, ["shop"]).map((d) => [d.name, d.replicas]);
    expect([before, after]).toEqual([[["shop-par", 2]], [["shop-par", 5]]]);
  });

  test("gives every reader of a list the same error when a value is unknown during preview", () => {
    const unknownLabels = {
      ...deployment("shop-par", "shop", "scaleway", 2),
      props: policyProxy.unknownCheckingProxy({
        metadata: { labels: policyProxy.unknownObjectValue },
      }),
    };
    const resources: ResourceView[] = [unknownLabels];
    const read = () => {
      try {
        return deploymentsOf(resources, ["shop"]);
      } catch (e) {
        return e;
      }
    };
    const [first, second] = [read(), read()];
    expect([first instanceof policyProxy.UnknownValueError, second]).toEqual([true, first]);
  });
});

describe("capacityRowsByWorkload", () => {
  test("gives each workload its placed rows in Deployment order", () => {
    const deployments = deploymentsOf(
      [
        deployment("shop-par", "shop", "scaleway", 2),
        deployment("blog-par", "blog", "scaleway", 1),
        deployment("shop-gra", "shop", "ovhcloud", 3),
      ],
      ["shop", "blog"],
    );
    const rows = capacityRowsByWorkload(deployments);
    expect([rows.get("shop"), rows.get("none") ?? []]).toEqual([
      [
        { vendor: "scaleway", country: "FR", replicas: 2 },
        { vendor: "ovhcloud", country: "FR", replicas: 3 },
      ],
      [],
    ]);
  });
});

describe("fleetsOf", () => {
  test("finds no fleet in a stack without the Fleet component", () => {
    expect(fleetsOf([deployment("shop-par", "shop", "scaleway", 2)])).toEqual([]);
  });
});
