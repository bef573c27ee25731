import { describe, expect, test } from "vitest";
import {
  resolveWorkloadArgs,
  workloadHost,
  workloadProblems,
} from "../../../components/workload/args";
import { PROVIDER_STUB, platformContract, workloadConfig } from "./fixtures";

const platform = platformContract(PROVIDER_STUB);

describe("workloadHost", () => {
  test.each([
    {
      host: undefined,
      target: "par",
      domain: "apps.example.eu",
      expected: "shop.par.apps.example.eu",
    },
    {
      host: "store",
      target: "par",
      domain: "apps.example.eu",
      expected: "store.par.apps.example.eu",
    },
    { host: undefined, target: "gra", domain: "example.de", expected: "shop.gra.example.de" },
  ])("names the host $expected", ({ host, target, domain, expected }) => {
    expect(workloadHost({ name: "shop", host }, { targetName: target, domain })).toBe(expected);
  });
});

describe("resolveWorkloadArgs", () => {
  test("records placement, image, replicas, hardening and wiring, and no connection value", () => {
    expect(resolveWorkloadArgs({ workload: workloadConfig(), platform, replicas: 2 })).toEqual({
      name: "shop",
      image: "rg.fr-par.scw.cloud/acme/shop:1.4.2",
      replicas: 2,
      port: 8080,
      size: "small",
      resources: {
        requests: { cpu: "100m", memory: "128Mi" },
        limits: { cpu: "500m", memory: "256Mi" },
      },
      healthPath: "/healthz",
      namespace: "shop",
      host: "shop.par.apps.example.eu",
      hosts: ["shop.par.apps.example.eu"],
      url: "https://shop.par.apps.example.eu",
      ingressClass: "traefik",
      targetName: "par",
      provider: "scaleway",
      vendor: "scaleway",
      classification: "internal",
      region: "fr-par",
      site: "fr-par",
      country: "FR",
      jurisdiction: "EU",
      autoscale: { minReplicas: 2, maxReplicas: 6, cpuPercent: 70 },
      disruptionBudget: { maxUnavailable: 1 },
      runAsUser: 10001,
      readOnlyRootFilesystem: true,
      envNames: ["FEATURE_CART", "LOG_LEVEL"],
      connections: ["database", "objectStore"],
    });
  });

  test("uses the target's replicas, not the declared total", () => {
    const resolved = resolveWorkloadArgs({
      workload: workloadConfig({ replicas: 9 }),
      platform,
      replicas: 3,
    });
    expect([resolved.replicas, resolved.autoscale.minReplicas]).toEqual([3, 3]);
  });

  test("covers the aliases after the target's own host, once each", () => {
    const resolved = resolveWorkloadArgs({
      workload: workloadConfig(),
      platform,
      replicas: 2,
      aliases: ["shop.apps.example.eu", "shop.par.apps.example.eu"],
    });
    expect(resolved.hosts).toEqual(["shop.par.apps.example.eu", "shop.apps.example.eu"]);
  });
});

describe("workloadProblems", () => {
  test("finds nothing wrong with a sound workload", () => {
    expect(workloadProblems({ workload: workloadConfig(), platform, replicas: 2 })).toEqual([]);
  });

  test.each([0, -1, 1.5])("fails when replicas are %s", (replicas) => {
    expect(workloadProblems({ workload: workloadConfig(), platform, replicas })).toEqual([
      `replicas of workload shop on target par must be a whole number of at least 1, got ${String(replicas)}; ` +
        "to run nothing there, leave the target out of the workload's targets",
    ]);
  });

  test("fails when the env sets a variable of a wired connection", () => {
    const workload = workloadConfig({ env: { PGPASSWORD: "plain", AWS_ACCESS_KEY_ID: "plain" } });
    expect(workloadProblems({ workload, platform, replicas: 2 })).toEqual([
      "env PGPASSWORD of workload shop is set by the database connection; remove it from the " +
        "workload's env, or set database: false to wire it yourself",
      "env AWS_ACCESS_KEY_ID of workload shop is set by the object-store connection; remove it " +
        "from the workload's env, or set objectStore: false to wire it yourself",
    ]);
  });

  test("lets the env set connection variables the workload does not wire", () => {
    const workload = workloadConfig({ env: { PGHOST: "db.example.eu" }, database: false });
    expect(workloadProblems({ workload, platform, replicas: 2 })).toEqual([]);
  });
});
