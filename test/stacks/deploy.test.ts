import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { describe, expect, it, test, vi } from "vitest";
import { DNS_ADAPTERS } from "../../components/adapters/dns-registry";
import { Platform } from "../../components/platform";
import { parseStackConfig, type StackConfig } from "../../config/schema";
import { contextOf, deploy, placementOf, workloadsByTarget } from "../../stacks/deploy";
import { stackSecretKeys } from "../../stacks/config-input";
import { recordingMocks, settle, unwrap } from "../helpers/mocks";

type StackName = "scaleway-fr-par" | "ovhcloud-gra" | "stackit-eu01" | "ionos-es-vit" | "eu-fleet";

/** The `sovereign:` config of a stack file, parsed as the program parses it. */
function configOf(stack: StackName): StackConfig {
  const file = parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")) as {
    config: Record<string, unknown>;
  };
  const raw = Object.fromEntries(
    Object.entries(file.config)
      .filter(([key]) => key.startsWith("sovereign:"))
      .map(([key, value]) => [key.slice("sovereign:".length), value]),
  );
  return parseStackConfig(raw, { stackFile: `stacks/Pulumi.${stack}.yaml`, stack });
}

const secretsOf = (config: StackConfig) =>
  Object.fromEntries(
    stackSecretKeys(config).map(({ key }) => [key, pulumi.secret(`test value of ${key}`)]),
  );

async function deployed(stack: StackName) {
  const recording = recordingMocks({ stack });
  const config = configOf(stack);
  const deployment = await deploy(config, secretsOf(config), stack);
  for (const exported of Object.values(deployment.exports)) await unwrap(exported.ingress);
  return { config, deployment, resources: await settle(recording) };
}

describe("stack files", () => {
  test.each([
    ["scaleway-fr-par", [["par", "scaleway", "fr-par", "FR"]]],
    ["ovhcloud-gra", [["gra", "ovhcloud", "GRA", "FR"]]],
    ["stackit-eu01", [["ske", "stackit", "eu01", "DE"]]],
    ["ionos-es-vit", [["ionos", "ionos", "es/vit", "ES"]]],
    [
      "eu-fleet",
      [
        ["par", "scaleway", "fr-par", "FR"],
        ["gra", "ovhcloud", "GRA", "FR"],
        ["ske", "stackit", "eu01", "DE"],
        ["ionos", "ionos", "es/vit", "ES"],
      ],
    ],
  ] as const)("%s places its targets in the EU: %j", (stack, places) => {
    const config = configOf(stack);
    expect(
      config.targets.map((t) => [
        t.name,
        placementOf(t).vendor,
        placementOf(t).site,
        placementOf(t).country,
      ]),
    ).toEqual(places);
    expect(config.targets.every((t) => placementOf(t).jurisdiction === "EU")).toBe(true);
  });

  it("eu-fleet runs in production, with a fleet over four vendors", () => {
    const config = configOf("eu-fleet");
    expect([
      config.environment,
      config.fleet?.dns.provider,
      config.fleet?.dns.zone,
      config.domain,
    ]).toEqual(["prod", "scaleway", "apps.example.eu", "apps.example.eu"]);
    expect(stackSecretKeys(config).map((k) => k.key)).toEqual([
      "build-registry-password",
      "acme-eab-hmac",
      "kubeconfig-ske",
      "registry-password-ske",
      "s3-access-key-ske",
      "s3-secret-key-ske",
      "kubeconfig-ionos",
      "registry-password-ionos",
      "s3-access-key-ionos",
      "s3-secret-key-ionos",
    ]);
  });
});

describe("workloadsByTarget", () => {
  it("spreads eu-fleet's 8 shop replicas evenly over its four targets", () => {
    const byTarget = workloadsByTarget(configOf("eu-fleet"));
    expect(
      Object.fromEntries(
        Object.entries(byTarget).map(([t, ws]) => [
          t,
          ws.map((w) => [w.workload.name, w.replicas]),
        ]),
      ),
    ).toEqual({
      par: [["shop", 2]],
      gra: [["shop", 2]],
      ske: [["shop", 2]],
      ionos: [["shop", 2]],
    });
  });

  it("follows the fleet's weights and leaves a drained target without the workload", () => {
    const config = configOf("eu-fleet");
    const weighted = {
      ...config,
      fleet: { ...config.fleet, weights: { par: 3, gra: 1, ske: 0, ionos: 0 } },
    } as StackConfig;
    const byTarget = workloadsByTarget(weighted);
    expect(
      Object.fromEntries(Object.entries(byTarget).map(([t, ws]) => [t, ws.map((w) => w.replicas)])),
    ).toEqual({
      par: [6],
      gra: [2],
      ske: [],
      ionos: [],
    });
  });
});

describe("contextOf", () => {
  test.each([
    ["prod", undefined, true],
    ["dev", undefined, false],
    ["prod", false, false],
    ["dev", true, true],
  ] as const)("in %s with target protect %s, protects: %s", (environment, protect, expected) => {
    const config = { ...configOf("scaleway-fr-par"), environment };
    const target = { ...config.targets[0], protect } as StackConfig["targets"][number];
    expect(contextOf(config, target, {}, "s").protect).toBe(expected);
  });
});

describe("deploy", () => {
  test.each([
    ["scaleway-fr-par", { par: "sovereign:scaleway:Platform" }, false],
    ["ovhcloud-gra", { gra: "sovereign:ovhcloud:Platform" }, false],
    ["stackit-eu01", { ske: "sovereign:kubernetes:Platform" }, false],
    ["ionos-es-vit", { ionos: "sovereign:kubernetes:Platform" }, false],
    [
      "eu-fleet",
      {
        par: "sovereign:scaleway:Platform",
        gra: "sovereign:ovhcloud:Platform",
        ske: "sovereign:kubernetes:Platform",
        ionos: "sovereign:kubernetes:Platform",
      },
      true,
    ],
  ] as const)(
    "%s deploys one platform per target %j, fleet: %s",
    async (stack, platforms, fleet) => {
      const { deployment, resources } = await deployed(stack);
      const components = resources.filter((r) => r.type.endsWith(":Platform"));
      expect(Object.fromEntries(components.map((r) => [r.name, r.type]))).toEqual(platforms);
      expect(Object.keys(deployment.exports).sort()).toEqual(Object.keys(platforms).sort());
      expect(resources.filter((r) => r.type === "sovereign:fleet:Fleet").length).toBe(
        fleet ? 1 : 0,
      );
      expect(deployment.fleet !== undefined).toBe(fleet);
    },
  );

  it("runs each target's share of the workload on that target", async () => {
    const { resources } = await deployed("eu-fleet");
    const workloads = resources.filter((r) => r.type === "sovereign:workload:Workload");
    expect(Object.fromEntries(workloads.map((r) => [r.name, r.inputs.replicas]))).toEqual({
      "par-shop": 2,
      "gra-shop": 2,
      "ske-shop": 2,
      "ionos-shop": 2,
    });
  });

  test.each([
    ["eu-fleet", ["shop.par.apps.example.eu", "shop.apps.example.eu"]],
    ["scaleway-fr-par", ["shop.par.apps.example.eu"]],
  ] as const)(
    "%s: the Ingress answers the target's host, and the fleet's shared host in a fleet",
    async (stack, hosts) => {
      const { resources } = await deployed(stack);
      const ingress = resources.find(
        (r) =>
          r.type === "kubernetes:networking.k8s.io/v1:Ingress" && r.name === "par-shop-ingress",
      );
      const spec = ingress?.inputs.spec as {
        rules: { host: string }[];
        tls: { hosts: string[] }[];
      };
      expect([spec.rules.map((r) => r.host), spec.tls[0]?.hosts]).toEqual([hosts, hosts]);
    },
  );

  it("protects the stateful resources of the production fleet and exports secret connection details", async () => {
    const { deployment, resources } = await deployed("eu-fleet");
    expect(
      resources
        .filter((r) => r.protect)
        .map((r) => r.name)
        .sort(),
    ).toEqual([
      "gra-bucket",
      "gra-database",
      "gra-database-db",
      "ionos-database",
      "ionos-database-namespace",
      "par-bucket",
      "par-database",
      "par-database-db",
      "ske-database",
      "ske-database-namespace",
    ]);
    for (const exported of Object.values(deployment.exports)) {
      expect(await unwrap(exported.ingress)).toMatch(/^192\.0\.2\.\d+$/);
      expect(await pulumi.isSecret(exported.connections)).toBe(true);
    }
  });

  it("protects nothing in a dev stack", async () => {
    const { resources } = await deployed("stackit-eu01");
    expect(resources.filter((r) => r.protect || r.retainOnDelete).map((r) => r.name)).toEqual([]);
  });

  it("lets the runtime register each workload before declaring the next, so a large stack is never in memory at once", async () => {
    const recording = recordingMocks({ stack: "eu-fleet" });
    const config = configOf("eu-fleet");
    const shop = config.workloads[0] as StackConfig["workloads"][number];
    const three = { ...config, workloads: ["a", "b", "c"].map((name) => ({ ...shop, name })) };
    const registeredWhenAdding: string[][] = [];
    const original = Platform.prototype.addWorkload;
    const spy = vi.spyOn(Platform.prototype, "addWorkload").mockImplementation(function (
      this: Platform,
      workload,
    ) {
      registeredWhenAdding.push(
        recording.resources
          .filter((r) => r.type === "kubernetes:apps/v1:Deployment")
          .map((r) => r.name),
      );
      return original.call(this, workload);
    });
    try {
      await deploy(three, secretsOf(three), "eu-fleet");
      await settle(recording);
    } finally {
      spy.mockRestore();
    }
    expect(registeredWhenAdding.slice(0, 4)).toEqual([
      [],
      ["par-a"],
      ["par-a", "par-b"],
      ["par-a", "par-b", "par-c"],
    ]);
  });

  it("declares the fleet's DNS records a workload at a time too, the previous workload's all registered", async () => {
    const recording = recordingMocks({ stack: "eu-fleet" });
    const config = configOf("eu-fleet");
    const shop = config.workloads[0] as StackConfig["workloads"][number];
    const three = { ...config, workloads: ["a", "b", "c"].map((name) => ({ ...shop, name })) };
    // Record names are `fleet-<workload>-...` (components/fleet/dns.ts).
    const workloadOf = (name: string) => name.split("-")[1] ?? "";
    const isRecord = (type: string) => type.includes("ecord");
    const registeredAtFirstRecord = new Map<string, string[]>();
    const spies = Object.values(DNS_ADAPTERS).map((adapter) => {
      const original = adapter.record.bind(adapter);
      return vi.spyOn(adapter, "record").mockImplementation((name, args, opts) => {
        if (!registeredAtFirstRecord.has(workloadOf(name)))
          registeredAtFirstRecord.set(
            workloadOf(name),
            recording.resources.filter((r) => isRecord(r.type)).map((r) => r.name),
          );
        return original(name, args, opts);
      });
    });
    try {
      await deploy(three, secretsOf(three), "eu-fleet");
      await settle(recording);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const recordsOf = (workloads: string[]) =>
      recording.resources
        .filter((r) => isRecord(r.type) && workloads.includes(workloadOf(r.name)))
        .map((r) => r.name)
        .sort();
    expect(recordsOf(["a"]).length).toBeGreaterThan(2);
    expect(
      Object.fromEntries([...registeredAtFirstRecord].map(([w, names]) => [w, names.sort()])),
    ).toEqual({
      a: [],
      b: recordsOf(["a"]),
      c: recordsOf(["a", "b"]),
    });
  });
});
