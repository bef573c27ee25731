import { describe, expect, test } from "vitest";
import {
  capacityByVendor,
  countriesOf,
  lossAnalysis,
  replicasByTarget,
  replicasOfWorkload,
  requiredReplicas,
  sharePercent,
  spreadReplicas,
} from "../../domain/fleet-math";

const TARGETS = [{ name: "par" }, { name: "gra" }, { name: "ske" }, { name: "ionos" }];

describe("spreadReplicas", () => {
  test.each([
    [8, { par: 1, gra: 1, ske: 1, ionos: 1 }, { par: 2, gra: 2, ske: 2, ionos: 2 }],
    [8, { par: 70, gra: 10, ske: 10, ionos: 10 }, { par: 5, gra: 1, ske: 1, ionos: 1 }],
    [8, { a: 1, b: 1, c: 1 }, { a: 3, b: 3, c: 2 }],
    [7, { a: 3, b: 2, c: 2 }, { a: 3, b: 2, c: 2 }],
    [10, { a: 0.5, b: 0.3, c: 0.2 }, { a: 5, b: 3, c: 2 }],
    [5, { a: 1, b: 0, c: 1 }, { a: 3, b: 0, c: 2 }],
    [0, { a: 0, b: 0 }, { a: 0, b: 0 }],
    [3, { a: 2, b: 1, c: 1, d: 1 }, { a: 1, b: 1, c: 1, d: 0 }],
  ] as [number, Record<string, number>, Record<string, number>][])(
    "spreads %i over %o as %o",
    (total, weights, expected) => {
      expect(spreadReplicas(total, weights)).toEqual(expected);
    },
  );

  test("always hands out exactly the total", () => {
    for (let total = 0; total <= 30; total += 1) {
      const spread = spreadReplicas(total, { a: 3, b: 5, c: 7, d: 11 });
      expect(Object.values(spread).reduce((x, y) => x + y, 0)).toBe(total);
    }
  });

  test.each([
    [4, { a: 0, b: 0 }, "cannot spread 4 replicas over weights that are all 0 (a, b)"],
    [2.5, { a: 1 }, "total must be a whole number of at least 0, got 2.5"],
    [2, { a: -1 }, "weight of a must be a finite number of at least 0, got -1"],
  ] as [number, Record<string, number>, string][])(
    "fails when asked to spread %s over %o",
    (total, weights, message) => {
      expect(() => spreadReplicas(total, weights)).toThrow(new RangeError(message));
    },
  );
});

describe("replicasOfWorkload", () => {
  test("spreads equally without a fleet", () => {
    expect(replicasOfWorkload(undefined, TARGETS, { name: "shop", replicas: 8 })).toEqual({
      par: 2,
      gra: 2,
      ske: 2,
      ionos: 2,
    });
  });

  test("fixes counts first and spreads the rest by weight", () => {
    const fleet = { replicas: { par: 1 }, weights: { gra: 2, ske: 1, ionos: 1 } };
    expect(replicasOfWorkload(fleet, TARGETS, { name: "shop", replicas: 9 })).toEqual({
      par: 1,
      gra: 4,
      ske: 2,
      ionos: 2,
    });
  });

  test("runs only on the workload's targets and gives a drained target 0", () => {
    const fleet = { weights: { par: 1, gra: 0, ske: 1, ionos: 1 } };
    expect(
      replicasOfWorkload(fleet, TARGETS, {
        name: "shop",
        replicas: 4,
        targets: ["par", "gra", "ske"],
      }),
    ).toEqual({ par: 2, gra: 0, ske: 2 });
  });
});

describe("replicasByTarget", () => {
  test("maps every workload to its replicas per target", () => {
    const config = {
      targets: TARGETS,
      workloads: [
        { name: "shop", replicas: 8 },
        { name: "api", replicas: 3, targets: ["par", "ske"] },
      ],
    };
    expect(replicasByTarget(config)).toEqual({
      shop: { par: 2, gra: 2, ske: 2, ionos: 2 },
      api: { par: 2, ske: 1 },
    });
  });
});

describe("requiredReplicas", () => {
  test.each([
    ["8 over 4 vendors", 8, 4, 6],
    ["8 over 3 vendors", 8, 3, 5],
    ["7 over 4 vendors", 7, 4, 5],
    ["8 over 2 vendors, minVendors 3 still applies", 8, 2, 5],
    ["8 on 1 vendor", 8, 1, 5],
    ["1 replica", 1, 4, 0],
  ])("defaults to what an even spread keeps: %s", (_case, replicas, vendors, required) => {
    expect(requiredReplicas({ minVendors: 3 }, { name: "shop", replicas }, vendors)).toBe(required);
  });

  test("takes the declared count over the default", () => {
    expect(
      requiredReplicas({ minVendors: 3, required: { shop: 7 } }, { name: "shop", replicas: 8 }, 4),
    ).toBe(7);
  });
});

describe("capacityByVendor", () => {
  test("sums rows per vendor, largest first, and drops vendors without replicas", () => {
    const rows = [
      { vendor: "ovhcloud", country: "FR", replicas: 1 },
      { vendor: "scaleway", country: "FR", replicas: 3 },
      { vendor: "ovhcloud", country: "DE", replicas: 2 },
      { vendor: "ionos", country: "ES", replicas: 3 },
      { vendor: "stackit", country: "DE", replicas: 0 },
    ];
    expect(capacityByVendor(rows)).toEqual([
      { vendor: "ionos", countries: ["ES"], replicas: 3, sharePercent: 33.3 },
      { vendor: "ovhcloud", countries: ["DE", "FR"], replicas: 3, sharePercent: 33.3 },
      { vendor: "scaleway", countries: ["FR"], replicas: 3, sharePercent: 33.3 },
    ]);
    expect(countriesOf(rows)).toEqual(["DE", "ES", "FR"]);
  });
});

describe("sharePercent", () => {
  test.each([
    [5, 8, 62.5],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 0, 0],
  ])("%i of %i is %s percent", (part, total, expected) => {
    expect(sharePercent(part, total)).toBe(expected);
  });
});

describe("lossAnalysis", () => {
  test("keeps the required replicas after any loss of an even fleet", () => {
    const capacity = capacityByVendor(
      ["scaleway", "ovhcloud", "stackit", "ionos"].map((vendor) => ({
        vendor,
        country: "FR",
        replicas: 2,
      })),
    );
    expect(lossAnalysis(capacity, 6).map((l) => [l.vendor, l.remaining, l.missing])).toEqual([
      ["ionos", 6, 0],
      ["ovhcloud", 6, 0],
      ["scaleway", 6, 0],
      ["stackit", 6, 0],
    ]);
  });

  test("names the vendor whose loss breaks an uneven fleet and the replicas missing", () => {
    const capacity = capacityByVendor([
      { vendor: "scaleway", country: "FR", replicas: 5 },
      { vendor: "ovhcloud", country: "FR", replicas: 1 },
      { vendor: "stackit", country: "DE", replicas: 1 },
      { vendor: "ionos", country: "ES", replicas: 1 },
    ]);
    expect(lossAnalysis(capacity, 6)).toEqual([
      { vendor: "scaleway", lost: 5, remaining: 3, required: 6, missing: 3 },
      { vendor: "ionos", lost: 1, remaining: 7, required: 6, missing: 0 },
      { vendor: "ovhcloud", lost: 1, remaining: 7, required: 6, missing: 0 },
      { vendor: "stackit", lost: 1, remaining: 7, required: 6, missing: 0 },
    ]);
  });

  test("finds a loss that breaks a three-vendor fleet of 3, 3 and 2 when 6 are required", () => {
    const capacity = capacityByVendor([
      { vendor: "a", country: "FR", replicas: 3 },
      { vendor: "b", country: "DE", replicas: 3 },
      { vendor: "c", country: "ES", replicas: 2 },
    ]);
    expect(lossAnalysis(capacity, 6).map((l) => l.missing)).toEqual([1, 1, 0]);
  });
});
