/**
 * The contract every adapter fulfils, one suite for all: a new provider passes it before it merges. Each provider
 * row says how to ask it for a database (HA, retention) and how to read back what it built.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, test } from "vitest";
import { ADAPTERS } from "../../../components/adapters/registry";
import {
  OVH_DATABASE_PLANS,
  type OvhDatabasePlan,
} from "../../../components/adapters/ovhcloud/plans";
import type { PlatformAdapter } from "../../../components/contract/types";
import { SIZES, type SizeClass } from "../../../config/catalog/sizes";
import { NEUTRAL_PACKAGES } from "../../../config/catalog/vendors";
import type { ProviderId } from "../../../config/schema";
import type { RecordedResource } from "../../../cli/engine/recorder";
import { recordingMocks, settle, unwrap } from "../../helpers/mocks";
import { contextFor, runAdapter, STACK, TARGETS, testParent } from "./fixtures";

type Resources = readonly RecordedResource[];
const inputsOf = (resources: Resources, type: string) =>
  resources.filter((r) => r.type === type).map((r) => r.inputs);
const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

interface ProviderProbe {
  /** Target settings asking for a database with or without HA, keeping backups `days`. */
  readonly database: (highAvailability: boolean, days: number) => Record<string, unknown>;
  /** Whether the database built is highly available, and how many days its backups are kept. */
  readonly highAvailability: (resources: Resources) => boolean;
  readonly backupRetentionDays: (resources: Resources) => number;
  /** Node types of the workers built (none for an existing cluster), and the ones a size should give. */
  readonly nodeTypes: (resources: Resources) => unknown[];
  readonly expectedNodeTypes: (size: SizeClass) => string[];
}

const PROBES: Record<ProviderId, ProviderProbe> = {
  scaleway: {
    database: (highAvailability, days) => ({
      database: { highAvailability, backupRetentionDays: days },
    }),
    highAvailability: (rs) =>
      only(inputsOf(rs, "scaleway:databases/instance:Instance")).isHaCluster === true,
    backupRetentionDays: (rs) =>
      only(inputsOf(rs, "scaleway:databases/instance:Instance")).backupScheduleRetention as number,
    nodeTypes: (rs) => inputsOf(rs, "scaleway:kubernetes/pool:Pool").map((i) => i.nodeType),
    expectedNodeTypes: (size) => [SIZES.scaleway[size].node],
  },
  ovhcloud: {
    database: (highAvailability, days) => ({
      database: { highAvailability, backupRetentionDays: days },
    }),
    highAvailability: (rs) =>
      (only(inputsOf(rs, "ovh:CloudProject/database:Database")).nodes as unknown[]).length > 1,
    backupRetentionDays: (rs) =>
      OVH_DATABASE_PLANS[
        only(inputsOf(rs, "ovh:CloudProject/database:Database")).plan as OvhDatabasePlan
      ].backupRetentionDays,
    nodeTypes: (rs) =>
      inputsOf(rs, "ovh:CloudProject/kubeNodePool:KubeNodePool").map((i) => i.flavorName),
    expectedNodeTypes: (size) => [SIZES.ovhcloud[size].node],
  },
  kubernetes: {
    database: (highAvailability, days) => ({
      database: {
        mode: "in-cluster",
        instances: highAvailability ? 2 : 1,
        backupRetentionDays: days,
      },
    }),
    highAvailability: (rs) =>
      (only(inputsOf(rs, "kubernetes:postgresql.cnpg.io/v1:Cluster")).spec as { instances: number })
        .instances > 1,
    backupRetentionDays: (rs) =>
      Number.parseInt(
        (
          only(inputsOf(rs, "kubernetes:barmancloud.cnpg.io/v1:ObjectStore")).spec as {
            retentionPolicy: string;
          }
        ).retentionPolicy,
        10,
      ),
    // An existing cluster: its nodes are the vendor's business.
    nodeTypes: () => [],
    expectedNodeTypes: () => [],
  },
};

/** Input paths that hold credentials, wherever they sit. */
const CREDENTIAL = /(password|secretkey|secretaccesskey|access_secret_key|kubeconfig)$/i;

function credentialPaths(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => credentialPaths(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object")
    return CREDENTIAL.test(path.split(".").at(-1) ?? "") ? [path] : [];
  return Object.entries(value).flatMap(([k, v]) =>
    credentialPaths(v, path === "" ? k : `${path}.${k}`),
  );
}

/** The labels a resource carries: Kubernetes metadata labels, tag maps, or `key=value` tag lists. */
function labelsOf(r: RecordedResource): Record<string, string> | undefined {
  const metadata = r.inputs.metadata as { labels?: Record<string, string> } | undefined;
  if (metadata?.labels) return metadata.labels;
  const tags = r.inputs.tags;
  if (Array.isArray(tags))
    return Object.fromEntries(tags.map((t) => String(t).split("=") as [string, string]));
  return tags !== null && typeof tags === "object" ? (tags as Record<string, string>) : undefined;
}

async function build(provider: ProviderId, overrides: Record<string, unknown> = {}) {
  const recording = recordingMocks({ stack: STACK });
  const ctx = contextFor({ ...TARGETS[provider], ...overrides } as (typeof TARGETS)[ProviderId]);
  const adapter = ADAPTERS[provider] as PlatformAdapter;
  const outputs = runAdapter(adapter, ctx, testParent());
  await unwrap(outputs.cluster.kubeconfig);
  return { ctx, adapter, outputs, resources: await settle(recording) };
}

describe.each(Object.entries(ADAPTERS) as [ProviderId, PlatformAdapter][])(
  "adapter %s",
  (provider, adapter) => {
    it("is registered under its own provider id", () => {
      expect(adapter.provider).toBe(provider);
    });

    it("returns every neutral output its capabilities promise", async () => {
      const { outputs } = await build(provider);
      expect(outputs.network !== undefined).toBe(adapter.capabilities.network);
      expect(outputs.registry !== undefined).toBe(adapter.capabilities.registry);
      if (outputs.network) expect(outputs.network.cidr).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
      expect(outputs.cluster.provider).toBeInstanceOf(k8s.Provider);
      expect(outputs.cluster.ingressClass).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(await pulumi.isSecret(outputs.cluster.kubeconfig)).toBe(true);

      const store = outputs.objectStore as NonNullable<typeof outputs.objectStore>;
      expect(await unwrap(store.endpoint)).toMatch(/^https:\/\//);
      expect(await unwrap(store.bucket)).toMatch(/^[a-z0-9][a-z0-9.-]+$/);
      expect(store.s3Region).not.toBe("");
      expect([
        await pulumi.isSecret(store.accessKeyId),
        await pulumi.isSecret(store.secretAccessKey),
      ]).toEqual([true, true]);

      const db = outputs.database as NonNullable<typeof outputs.database>;
      expect(await unwrap(db.host)).not.toBe("");
      expect(Number.isInteger(await unwrap(db.port))).toBe(true);
      expect([await unwrap(db.database), await unwrap(db.user)]).toEqual(["app", "app"]);
      expect(await pulumi.isSecret(db.password)).toBe(true);
      expect(["require", "verify-full"]).toContain(db.sslMode);

      if (outputs.registry) expect(await unwrap(outputs.registry.endpoint)).not.toMatch(/:\/\//);
    });

    it("labels every resource that carries labels or tags with the target's placement", async () => {
      const { ctx, resources } = await build(provider);
      const labelled = resources
        .map(labelsOf)
        .filter((l): l is Record<string, string> => l !== undefined);
      expect(labelled.length).toBeGreaterThan(0);
      for (const labels of labelled) expect(labels).toMatchObject(ctx.labels);
    });

    it("sends every cloud resource through an explicit provider, never a default one", async () => {
      const { resources } = await build(provider);
      // Generated values (random passwords) live nowhere: the default provider of their package is enough.
      const placed = (type: string) => !Object.hasOwn(NEUTRAL_PACKAGES, type.split(":")[0] ?? "");
      const custom = resources.filter(
        (r) =>
          r.custom &&
          !r.type.startsWith("pulumi:providers:") &&
          (placed(r.type) || r.type.startsWith("kubernetes:")),
      );
      for (const r of custom)
        expect({ name: r.name, explicit: r.provider !== undefined }).toEqual({
          name: r.name,
          explicit: true,
        });
    });

    it("records every credential input as a secret", async () => {
      const { resources } = await build(provider);
      const credentials = resources.flatMap((r) =>
        credentialPaths(r.inputs).map((path) => ({ r, path })),
      );
      expect(credentials.length).toBeGreaterThan(0);
      for (const { r, path } of credentials) expect(r.secretPaths).toContain(path);
    });

    test.each(["small", "medium", "large"] as const)(
      "builds workers of size %s (none on an existing cluster)",
      async (size) => {
        const { resources } = await build(provider, { size });
        expect(PROBES[provider].nodeTypes(resources)).toEqual(
          PROBES[provider].expectedNodeTypes(size),
        );
      },
    );

    test.each([
      [true, 7],
      [false, 2],
      [true, 14],
    ])(
      "honours highAvailability %s and keeps backups at least %i days",
      async (highAvailability, days) => {
        const { resources } = await build(
          provider,
          PROBES[provider].database(highAvailability, days),
        );
        expect(PROBES[provider].highAvailability(resources)).toBe(highAvailability);
        expect(PROBES[provider].backupRetentionDays(resources)).toBeGreaterThanOrEqual(days);
      },
    );
  },
);
