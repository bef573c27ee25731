/**
 * Targets of every provider, as the schema resolves them, and their contexts: what the adapter, conformance and
 * platform tests feed the factories.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig, type StackConfigInput, type Target } from "../../../config/schema";
import type {
  ClusterOutputs,
  DatabaseOutputs,
  NetworkOutputs,
  ObjectStoreOutputs,
  PlatformAdapter,
  RegistryOutputs,
  TargetContext,
  TargetSecrets,
} from "../../../components/contract/types";
import type { RecordedResource } from "../../../cli/engine/recorder";
import { contextOf } from "../../../stacks/deploy";
import { cannedOutputs } from "../../../cli/engine/canned/outputs";
import { PASSWORD_SHAPE } from "../../../components/adapters/passwords";
import { expect } from "vitest";
import { ownRegistryImages } from "../images-fixture";

export const STACK = "test";
export const OVH_PROJECT = "0123456789abcdef0123456789abcdef";
export const SCALEWAY_ORGANIZATION = "00000000-0000-4000-8000-000000000001";
export const KUBECONFIG = [
  "apiVersion: v1",
  "kind: Config",
  "clusters:",
  "  - name: ske",
  "    cluster:",
  "      server: https://api.shop.abcdef1234.s.ske.eu01.onstackit.cloud",
  "",
].join("\n");

/** Target config per provider, before schema defaults. */
export const TARGETS = {
  scaleway: {
    name: "par",
    provider: "scaleway",
    region: "fr-par",
    organizationId: SCALEWAY_ORGANIZATION,
  },
  ovhcloud: { name: "gra", provider: "ovhcloud", region: "GRA", serviceName: OVH_PROJECT },
  kubernetes: {
    name: "ske",
    provider: "kubernetes",
    vendor: "stackit",
    region: "eu01",
    database: { mode: "in-cluster" },
    objectStore: {
      mode: "external",
      endpoint: "https://object.storage.eu01.onstackit.cloud",
      bucket: "acme-shop-ske",
      accessKeySecret: "s3-access-key-ske",
      secretKeySecret: "s3-secret-key-ske",
    },
    registry: {
      endpoint: "registry.onstackit.cloud/acme-shop",
      username: "robot$acme-shop+sovereign",
      passwordSecret: "registry-password-ske",
    },
  },
} as const satisfies Record<Target["provider"], StackConfigInput["targets"][number]>;

/** Every secret the fixtures' targets read, with recognisable test values. */
export function testSecrets(): TargetSecrets {
  return {
    "kubeconfig-ske": pulumi.secret(KUBECONFIG),
    "s3-access-key-ske": pulumi.secret("test-access-key"),
    "s3-secret-key-ske": pulumi.secret("test-secret-key"),
    "registry-password-ske": pulumi.secret("test-registry-password"),
    "pg-password-ske": pulumi.secret("test-pg-password"),
  };
}

/** The parsed target and its context, with overrides merged into the target's config. */
export function contextFor(
  target: StackConfigInput["targets"][number],
  opts: { environment?: "dev" | "prod"; secrets?: TargetSecrets } = {},
): TargetContext {
  const config = parseStackConfig({
    environment: opts.environment ?? "dev",
    targets: [target],
    workloads: [{ name: "shop", image: "rg.fr-par.scw.cloud/acme/shop:1.4.2" }],
    // Targets that turn their registry off still need a mirror.
    images: { mirror: { endpoint: "harbor.example.eu/mirror" } },
  });
  const parsed = config.targets[0] as Target;
  return contextOf(config, parsed, opts.secrets ?? testSecrets(), STACK);
}

/** A component to parent the adapters' children, as the Platform does. */
export function testParent(name = "parent"): pulumi.ComponentResource {
  return new pulumi.ComponentResource("test:index:Parent", name);
}

/** What one adapter built for one target. */
export interface AdapterRun {
  readonly network: NetworkOutputs | undefined;
  readonly cluster: ClusterOutputs;
  readonly objectStore: ObjectStoreOutputs | undefined;
  readonly database: DatabaseOutputs | undefined;
  readonly registry: RegistryOutputs | undefined;
}

/** Calls the five factories in the Platform's order, under `parent`. */
export function runAdapter(
  adapter: PlatformAdapter,
  ctx: TargetContext,
  parent: pulumi.Resource,
): AdapterRun {
  const name = ctx.target.name;
  const network = adapter.network(name, ctx, parent);
  const cluster = adapter.cluster(name, ctx, network, parent);
  const objectStore = adapter.objectStore(name, ctx, parent);
  const registry = adapter.registry(name, ctx, parent);
  const database = adapter.database(
    name,
    ctx,
    { network, cluster, images: ownRegistryImages() },
    parent,
  );
  return { network, cluster, objectStore, database, registry };
}

/** The recorded resource of `type` and `name`; fails the test when there is none. */
export function resourceOf(
  resources: readonly RecordedResource[],
  type: string,
  name: string,
): RecordedResource {
  const found = resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name} was registered`);
  return found;
}

/**
 * The password the mock runtime generates for RandomPassword `name`, after checking the resource asks for the
 * shape every provider accepts and is kept by its role and rotation.
 */
export function generatedPassword(
  resources: readonly RecordedResource[],
  name: string,
  keepers: { role: string; rotation: string },
): string {
  const password = resourceOf(resources, "random:index/randomPassword:RandomPassword", name);
  expect(password.inputs).toEqual({ ...PASSWORD_SHAPE, keepers });
  return cannedOutputs(password.type, password.name, password.inputs).result as string;
}

/** The message of the error `fn` throws. */
export function thrownBy(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}
