/**
 * A workload declaration and a platform contract as the Platform component would hand them over, with secret
 * values that are easy to look for in recorded inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { placementLabels } from "../../../components/contract/labels";
import type { Placement, PlatformContract } from "../../../components/contract/types";
import type { Workload as WorkloadConfig } from "../../../config/schema";
import { ownRegistryImages } from "../images-fixture";

export const DB_PASSWORD = "db-password-5ecret";
export const S3_ACCESS_KEY = "SCWACCESSKEY5ECRET";
export const S3_SECRET_KEY = "s3-secret-key-5ecret";
export const SECRET_VALUES = [DB_PASSWORD, S3_ACCESS_KEY, S3_SECRET_KEY];

/** A kubeconfig pointing at a Scaleway Kapsule API server (never contacted under mocks). */
export const KUBECONFIG = [
  "apiVersion: v1",
  "kind: Config",
  "clusters: [{name: par, cluster: {server: 'https://0b9f.api.k8s.fr-par.scw.cloud:6443'}}]",
  "contexts: [{name: par, context: {cluster: par, user: par}}]",
  "current-context: par",
  "users: [{name: par, user: {token: test}}]",
].join("\n");

/** A workload with the schema's defaults filled in, as parseStackConfig returns it. */
export function workloadConfig(overrides: Partial<WorkloadConfig> = {}): WorkloadConfig {
  return {
    name: "shop",
    image: "rg.fr-par.scw.cloud/acme/shop:1.4.2",
    classification: "internal",
    replicas: 4,
    port: 8080,
    size: "small",
    healthPath: "/healthz",
    env: { LOG_LEVEL: "info", FEATURE_CART: "on" },
    autoscale: { maxFactor: 3, cpuPercent: 70 },
    database: true,
    objectStore: true,
    ...overrides,
  };
}

export const PLACEMENT: Placement = {
  vendor: "scaleway",
  site: "fr-par",
  region: "fr-par",
  country: "FR",
  jurisdiction: "EU",
};

export function databaseOutputs(): NonNullable<PlatformContract["database"]> {
  return {
    host: pulumi.output("10.10.0.5"),
    port: pulumi.output(5432),
    database: pulumi.output("shop"),
    user: pulumi.output("shop_app"),
    password: pulumi.secret(DB_PASSWORD),
    sslMode: "require",
  };
}

export function objectStoreOutputs(): NonNullable<PlatformContract["objectStore"]> {
  return {
    bucket: pulumi.output("eu-fleet-par-shop-1a2b3c"),
    endpoint: pulumi.output("https://s3.fr-par.scw.cloud"),
    s3Region: "fr-par",
    accessKeyId: pulumi.secret(S3_ACCESS_KEY),
    secretAccessKey: pulumi.secret(S3_SECRET_KEY),
  };
}

/** The contract of a Scaleway target `par` with a database and a bucket. */
export function platformContract(
  kubernetes: k8s.Provider,
  overrides: Partial<PlatformContract> = {},
): PlatformContract {
  return {
    targetName: "par",
    provider: "scaleway",
    placement: PLACEMENT,
    kubernetes,
    ingressClass: "traefik",
    ingressAddress: pulumi.output("203.0.113.10"),
    domain: "apps.example.eu",
    database: databaseOutputs(),
    objectStore: objectStoreOutputs(),
    labels: placementLabels("par", PLACEMENT),
    images: ownRegistryImages(),
    clusterIssuer: "sovereign-acme",
    ...overrides,
  };
}

/** Stands in for the provider where no resource is registered (pure functions never touch it). */
export const PROVIDER_STUB = {} as k8s.Provider;
