import * as k8s from "@pulumi/kubernetes";
import { beforeEach, describe, expect, test } from "vitest";
import type { Recording } from "../../../cli/engine/recorder";
import { Workload, resolveWorkloadArgs } from "../../../components/workload";
import { recordingMocks, settle, shapeOf, unwrap } from "../../helpers/mocks";
import { KUBECONFIG, PROVIDER_STUB, platformContract, workloadConfig } from "./fixtures";
import { ALL_CHILDREN, PG_KEYS, S3_KEYS, T, build, childNames, type Variant } from "./harness";

let recording: Recording;
beforeEach(() => {
  recording = recordingMocks();
});

describe("Workload", () => {
  test("creates exactly the workload's children under the component", async () => {
    const { resources } = await build(recording);
    expect(shapeOf(resources)).toEqual([
      { type: T.deployment, name: "shop", parent: "shop" },
      { type: T.hpa, name: "shop-autoscaler", parent: "shop" },
      { type: T.namespace, name: "shop-namespace", parent: "shop" },
      { type: T.secret, name: "shop-database", parent: "shop" },
      { type: T.secret, name: "shop-object-store", parent: "shop" },
      { type: T.secret, name: "shop-pull-secret", parent: "shop" },
      { type: T.service, name: "shop-service", parent: "shop" },
      { type: T.serviceAccount, name: "shop-service-account", parent: "shop" },
      { type: T.ingress, name: "shop-ingress", parent: "shop" },
      { type: T.networkPolicy, name: "shop-allow-acme-solver", parent: "shop" },
      { type: T.networkPolicy, name: "shop-allow-database", parent: "shop" },
      { type: T.networkPolicy, name: "shop-allow-dns", parent: "shop" },
      { type: T.networkPolicy, name: "shop-allow-ingress", parent: "shop" },
      { type: T.networkPolicy, name: "shop-allow-object-store", parent: "shop" },
      { type: T.networkPolicy, name: "shop-default-deny", parent: "shop" },
      { type: T.pdb, name: "shop-disruption-budget", parent: "shop" },
      { type: "pulumi:providers:kubernetes", name: "test", parent: undefined },
      { type: "sovereign:workload:Workload", name: "shop", parent: undefined },
    ]);
  });

  test("passes the platform's Kubernetes provider explicitly to every child", async () => {
    const { resources, provider } = await build(recording);
    const providerUrn = await unwrap(provider.urn);
    const children = resources.filter((r) => r.custom && r.type !== "pulumi:providers:kubernetes");
    expect(children).toHaveLength(ALL_CHILDREN.length);
    expect(children.filter((r) => !r.provider?.startsWith(`${providerUrn}::`))).toEqual([]);
  });

  test("leaves the live replica count to the autoscaler: the Deployment ignores changes to spec.replicas", async () => {
    const { resources } = await build(recording);
    const byType = (type: string) => resources.filter((r) => r.type === type);
    expect(
      byType(T.deployment).map((r) => [
        r.ignoreChanges,
        (r.inputs.spec as { replicas: number }).replicas,
      ]),
    ).toEqual([[["spec.replicas"], 2]]);
    expect(byType(T.service).map((r) => r.ignoreChanges)).toEqual([[]]);
  });

  test("registers the resolved args, without secrets, for policies to read", async () => {
    const { find, component } = await build(recording);
    const args = {
      workload: workloadConfig(),
      platform: platformContract(PROVIDER_STUB),
      replicas: 2,
    };
    const registered = find("sovereign:workload:Workload", "shop");
    expect(registered.inputs).toEqual(resolveWorkloadArgs(args));
    expect(registered.secretPaths).toEqual([]);
    expect(await unwrap(component.urn)).toBe(registered.urn);
  });

  test("outputs the namespace, host, URL and replicas", async () => {
    const { component } = await build(recording);
    expect({
      namespace: await unwrap(component.namespace),
      host: await unwrap(component.host),
      url: await unwrap(component.url),
      replicas: await unwrap(component.replicas),
    }).toEqual({
      namespace: "shop",
      host: "shop.par.apps.example.eu",
      url: "https://shop.par.apps.example.eu",
      replicas: 2,
    });
  });

  test.each<{ variant: string; given: Variant; wired: string[]; absent: string[] }>([
    {
      variant: "a workload that wants no database",
      given: { workload: { database: false } },
      wired: ["objectStore"],
      absent: ["shop-allow-database", "shop-database"],
    },
    {
      variant: "a platform without a database",
      given: { platform: { database: undefined } },
      wired: ["objectStore"],
      absent: ["shop-allow-database", "shop-database"],
    },
    {
      variant: "a workload that wants no object store",
      given: { workload: { objectStore: false } },
      wired: ["database"],
      absent: ["shop-allow-object-store", "shop-object-store"],
    },
    {
      variant: "a platform without an object store",
      given: { platform: { objectStore: undefined } },
      wired: ["database"],
      absent: ["shop-allow-object-store", "shop-object-store"],
    },
    {
      variant: "a platform with neither",
      given: { platform: { database: undefined, objectStore: undefined } },
      wired: [],
      absent: [
        "shop-allow-database",
        "shop-allow-object-store",
        "shop-database",
        "shop-object-store",
      ],
    },
  ])("leaves out the Secret, env and egress of what is not wired for $variant", async (row) => {
    const { resources, find } = await build(recording, row.given);
    const spec = find(T.deployment, "shop").inputs.spec as {
      template: { spec: { containers: { env: { name: string }[] }[] } };
    };
    const envKeys = { database: PG_KEYS, objectStore: S3_KEYS } as Record<string, string[]>;
    expect(childNames(resources)).toEqual(ALL_CHILDREN.filter((n) => !row.absent.includes(n)));
    expect(spec.template.spec.containers[0]?.env.map((e) => e.name)).toEqual([
      "FEATURE_CART",
      "LOG_LEVEL",
      ...row.wired.flatMap((c) => envKeys[c] ?? []),
    ]);
    expect(find("sovereign:workload:Workload", "shop").inputs.connections).toEqual(row.wired);
  });

  test("runs a single replica with autoscaling up to 3 and a budget that never blocks drains", async () => {
    const { resources, find } = await build(recording, { replicas: 1 });
    const deployment = find(T.deployment, "shop").inputs.spec as { replicas: number };
    const hpa = find(T.hpa, "shop-autoscaler").inputs.spec as {
      minReplicas: number;
      maxReplicas: number;
    };
    const pdb = find(T.pdb, "shop-disruption-budget").inputs.spec as { maxUnavailable: number };
    expect(childNames(resources)).toEqual(ALL_CHILDREN);
    expect([deployment.replicas, hpa.minReplicas, hpa.maxReplicas, pdb.maxUnavailable]).toEqual([
      1, 1, 3, 1,
    ]);
  });

  test("fails when the target gets no replica, before creating any child", async () => {
    const provider = new k8s.Provider("test", { kubeconfig: KUBECONFIG });
    const args = { workload: workloadConfig(), platform: platformContract(provider), replicas: 0 };
    expect(() => new Workload("shop", args)).toThrow(
      "replicas of workload shop on target par must be a whole number of at least 1, got 0; " +
        "to run nothing there, leave the target out of the workload's targets",
    );
    const resources = await settle(recording);
    expect(resources.filter((r) => r.parent !== undefined)).toEqual([]);
  });
});
