/**
 * A check report as the engine would produce for the fleet stack: resources on three EU vendors plus one US
 * bucket, mandatory, advisory and stack-level violations, exemptions in use, and messages full of characters
 * that break Markdown tables, HTML and XML.
 */
import type { CheckReport, PlannedResource } from "../../../cli/engine/report";

const BASE = "urn:pulumi:eu-fleet::sovereign-deploy::";
export const URN = {
  stack: `${BASE}pulumi:pulumi:Stack::sovereign-deploy-eu-fleet`,
  parCluster: `${BASE}sovereign:scaleway:Platform$scaleway:kubernetes/cluster:Cluster::par`,
  parBucket: `${BASE}sovereign:scaleway:Platform$scaleway:object/bucket:Bucket::par-assets`,
  graKube: `${BASE}sovereign:ovhcloud:Platform$ovh:CloudProject/kube:Kube::gra`,
  graDb: `${BASE}sovereign:ovhcloud:Platform$ovh:CloudProject/database:Database::gra-db`,
  skeDeployment: `${BASE}sovereign:workload:Workload$kubernetes:apps/v1:Deployment::ske-web`,
  password: `${BASE}random:index/randomPassword:RandomPassword::db-admin`,
  usBucket: `${BASE}aws:s3/bucket:Bucket::backups`,
} as const;

const resource = (
  r: Partial<PlannedResource> & Pick<PlannedResource, "urn" | "type" | "name" | "vendor">,
): PlannedResource => ({
  region: null,
  country: null,
  parent: URN.stack,
  protect: false,
  retainOnDelete: false,
  ...r,
});

export const RESOURCES: readonly PlannedResource[] = [
  resource({
    urn: URN.stack,
    type: "pulumi:pulumi:Stack",
    name: "sovereign-deploy-eu-fleet",
    vendor: "neutral",
    parent: null,
  }),
  resource({
    urn: URN.parCluster,
    type: "scaleway:kubernetes/cluster:Cluster",
    name: "par",
    vendor: "scaleway",
    region: "fr-par",
    country: "FR",
    source: { file: "components/adapters/scaleway/cluster.ts", line: 31 },
  }),
  resource({
    urn: URN.parBucket,
    type: "scaleway:object/bucket:Bucket",
    name: "par-assets",
    vendor: "scaleway",
    region: "fr-par",
    country: "FR",
    protect: true,
  }),
  resource({
    urn: URN.graKube,
    type: "ovh:CloudProject/kube:Kube",
    name: "gra",
    vendor: "ovhcloud",
    region: "gra",
    country: "FR",
  }),
  resource({
    urn: URN.graDb,
    type: "ovh:CloudProject/database:Database",
    name: "gra-db",
    vendor: "ovhcloud",
    region: "gra",
    country: "FR",
    protect: true,
    retainOnDelete: true,
  }),
  resource({
    urn: URN.skeDeployment,
    type: "kubernetes:apps/v1:Deployment",
    name: "ske-web",
    vendor: "stackit",
    region: "eu01",
    country: "DE",
  }),
  resource({
    urn: URN.password,
    type: "random:index/randomPassword:RandomPassword",
    name: "db-admin",
    vendor: "neutral",
  }),
  resource({
    urn: URN.usBucket,
    type: "aws:s3/bucket:Bucket",
    name: "backups",
    vendor: "aws",
    region: "us-east-1",
    country: "US",
    source: { file: "stacks/deploy.ts", line: 88 },
  }),
];

export function sampleReport(overrides: Partial<CheckReport> = {}): CheckReport {
  return {
    project: "sovereign-deploy",
    stack: "eu-fleet",
    resources: RESOURCES,
    violations: [
      {
        pack: "workload-baseline",
        policy: "workload-deployment-missing-probes",
        enforcementLevel: "advisory",
        urn: URN.skeDeployment,
        message: "Container `web` has no readinessProbe | add one <b>now</b> @platform-team",
        severity: "medium",
      },
      {
        pack: "eu-sovereignty",
        policy: "region-resource-disallow-non-eu",
        enforcementLevel: "mandatory",
        urn: URN.usBucket,
        message:
          'Region "us-east-1" is in US (THIRD), outside the eu group.\nMove it to an EU region.',
        severity: "critical",
      },
      {
        pack: "diversification",
        policy: "fleet-vendors-enforce-minimum",
        enforcementLevel: "mandatory",
        urn: null,
        message: "The fleet uses 3 vendors; at least 4 are required.",
        severity: "high",
      },
      {
        pack: "eu-sovereignty",
        policy: "vendor-resource-disallow-non-eu",
        enforcementLevel: "mandatory",
        urn: URN.usBucket,
        message: 'Package "aws" belongs to Amazon Web Services (US, CLOUD Act).',
        severity: "critical",
      },
    ],
    summary: { resources: RESOURCES.length, mandatory: 3, advisory: 1 },
    policies: [
      {
        pack: "eu-sovereignty",
        policy: "region-resource-disallow-non-eu",
        description: "Every resource is placed in a region of the configured jurisdiction group.",
        enforcementLevel: "mandatory",
        severity: "critical",
        remediationSteps:
          "Set `region` on the resource or `scaleway:region` in the stack config to an EU region.",
      },
      {
        pack: "eu-sovereignty",
        policy: "vendor-resource-disallow-non-eu",
        description: "Every resource belongs to a vendor on the EU vendor list.",
        enforcementLevel: "mandatory",
        severity: "critical",
        remediationSteps: "Replace the resource with one from an EU provider package.",
      },
      {
        pack: "workload-baseline",
        policy: "workload-deployment-missing-probes",
        description: "Every container declares readiness and liveness probes.",
        enforcementLevel: "advisory",
        severity: "medium",
      },
      {
        pack: "diversification",
        policy: "fleet-vendors-enforce-minimum",
        description: "The fleet spreads over at least the configured number of vendors.",
        enforcementLevel: "mandatory",
        severity: "high",
        remediationSteps: "Add a target on another EU vendor to `sovereign:targets`.",
      },
      {
        pack: "data-protection",
        policy: "storage-bucket-enable-versioning",
        description: "Buckets keep object versions.",
        enforcementLevel: "disabled",
        severity: "low",
      },
    ],
    exemptions: [
      {
        policy: "workload-deployment-missing-probes",
        resource: "ske-worker",
        owner: "@platform-team",
        reason: "Batch worker | no HTTP port",
        expires: "2031-06-30",
        expired: false,
        matched: [URN.graKube],
      },
      {
        policy: "region-resource-disallow-non-eu",
        resource: "backups",
        owner: "security@example.eu",
        reason: "Migration to Scaleway Glacier",
        expires: "2024-12-31",
        expired: true,
        matched: [URN.usBucket],
      },
    ],
    assumedConfig: ["sovereign:targets[2].kubeconfig"],
    unansweredInvokes: ["ovh:CloudProject/getKubeVersion:getKubeVersion"],
    ...overrides,
  };
}

/** A report with nothing to say. */
export function cleanReport(): CheckReport {
  return sampleReport({
    violations: [],
    summary: { resources: RESOURCES.length, mandatory: 0, advisory: 0 },
    exemptions: [],
    assumedConfig: [],
    unansweredInvokes: [],
  });
}
