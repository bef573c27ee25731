/**
 * Builds the Workload component `shop` on target `par` under the recording mocks, and names what the tests expect
 * of every child (types, labels, metadata).
 */
import * as k8s from "@pulumi/kubernetes";
import type { RecordedResource, Recording } from "../../../cli/engine/recorder";
import type { PlatformContract } from "../../../components/contract/types";
import type { Workload as WorkloadConfig } from "../../../config/schema";
import { Workload } from "../../../components/workload";
import { settle, shapeOf, unwrap } from "../../helpers/mocks";
import { KUBECONFIG, platformContract, workloadConfig } from "./fixtures";

export const T = {
  deployment: "kubernetes:apps/v1:Deployment",
  hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  namespace: "kubernetes:core/v1:Namespace",
  secret: "kubernetes:core/v1:Secret",
  service: "kubernetes:core/v1:Service",
  serviceAccount: "kubernetes:core/v1:ServiceAccount",
  ingress: "kubernetes:networking.k8s.io/v1:Ingress",
  networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
} as const;

export const SELECTOR = { "app.kubernetes.io/name": "shop", "app.kubernetes.io/instance": "shop" };
export const LABELS = {
  "app.kubernetes.io/part-of": "sovereign-deploy",
  "app.kubernetes.io/managed-by": "pulumi",
  "sovereign.eu/vendor": "scaleway",
  "sovereign.eu/region": "fr-par",
  "sovereign.eu/country": "FR",
  "sovereign.eu/target": "par",
  ...SELECTOR,
};
export const PG_KEYS = ["PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSSLMODE"];
export const S3_KEYS = [
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_REGION",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
];
export const meta = (name: string) => ({ name, namespace: "shop", labels: LABELS });

export interface Variant {
  readonly workload?: Partial<WorkloadConfig>;
  readonly platform?: Partial<PlatformContract>;
  readonly replicas?: number;
}

/** Builds `shop` on target `par` and returns every registration once they have settled. */
export async function build(recording: Recording, variant: Variant = {}) {
  const provider = new k8s.Provider("test", { kubeconfig: KUBECONFIG });
  const component = new Workload("shop", {
    workload: workloadConfig(variant.workload),
    platform: platformContract(provider, variant.platform),
    replicas: variant.replicas ?? 2,
  });
  await unwrap(component.urn);
  const resources = await settle(recording);
  const find = (type: string, name: string): RecordedResource => {
    const found = resources.find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`no ${type} named ${name}`);
    return found;
  };
  return { provider, component, resources, find };
}

/** Names of the component's children, sorted. */
export const childNames = (resources: readonly RecordedResource[]) =>
  shapeOf(resources)
    .filter((r) => r.parent === "shop")
    .map((r) => r.name)
    .sort();

export const ALL_CHILDREN = [
  "shop",
  "shop-allow-acme-solver",
  "shop-allow-database",
  "shop-allow-dns",
  "shop-allow-ingress",
  "shop-allow-object-store",
  "shop-autoscaler",
  "shop-database",
  "shop-default-deny",
  "shop-disruption-budget",
  "shop-ingress",
  "shop-namespace",
  "shop-object-store",
  "shop-pull-secret",
  "shop-service",
  "shop-service-account",
];
