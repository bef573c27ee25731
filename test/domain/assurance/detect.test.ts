import { describe, expect, test } from "vitest";
import { detectOffering, type OfferingFinding } from "../../../domain/assurance/detect";

const UNKNOWN = "<unknown>";
const isUnknown = (v: unknown) => v === UNKNOWN;

function detect(
  type: string,
  provider?: Record<string, unknown>,
  inputs: Record<string, unknown> = {},
  placedVendor?: string,
): OfferingFinding {
  return detectOffering(
    { type, inputs },
    { isUnknown, ...(provider ? { provider } : {}), ...(placedVendor ? { placedVendor } : {}) },
  );
}

describe("detectOffering", () => {
  test.each([
    ["gcp:storage/bucket:Bucket", { universeDomain: "s3nsapis.fr" }, "s3ns"],
    ["gcp:storage/bucket:Bucket", { universeDomain: "googleapis.com" }, "google-cloud"],
    ["gcp:storage/bucket:Bucket", {}, "google-cloud"],
    ["pulumi:providers:gcp", undefined, "google-cloud"],
    ["aws:s3/bucket:Bucket", { region: "eusc-de-east-1" }, "aws-european-sovereign-cloud"],
    ["aws:s3/bucket:Bucket", { region: "eu-west-3" }, "aws"],
    ["aws-native:s3:Bucket", { region: "eusc-de-east-1" }, "aws-european-sovereign-cloud"],
    ["ovh:CloudProject/kube:Kube", { endpoint: "ovh-eu" }, "ovhcloud"],
    ["ovh:CloudProject/kube:Kube", { endpoint: "ovh-us" }, "ovhcloud-us"],
    ["ovh:CloudProject/kube:Kube", { endpoint: "https://api.us.ovhcloud.com/1.0" }, "ovhcloud-us"],
    ["ovh:CloudProject/kube:Kube", { endpoint: "ovh-ca" }, "ovhcloud-ca"],
    ["scaleway:index/objectBucket:ObjectBucket", { region: "fr-par" }, "scaleway"],
    ["azure-native:storage:StorageAccount", {}, "azure"],
    ["hcloud:index/server:Server", {}, "hetzner"],
  ])("places %s with provider %j on %s", (type, provider, offering) => {
    expect(detect(type, provider)).toEqual({ kind: "offering", offering });
  });

  test("reads the resource's own input before its provider's", () => {
    expect(
      detect("aws:s3/bucket:Bucket", { region: "eu-west-3" }, { region: "eusc-de-east-1" }),
    ).toEqual({ kind: "offering", offering: "aws-european-sovereign-cloud" });
  });

  test("places a Kubernetes object by the vendor its caller placed it with", () => {
    expect(detect("kubernetes:apps/v1:Deployment", undefined, {}, "stackit")).toEqual({
      kind: "offering",
      offering: "stackit",
    });
    expect(detect("kubernetes:apps/v1:Deployment")).toEqual({ kind: "none" });
  });

  test.each([
    "random:index/randomPassword:RandomPassword",
    "sovereign:workload:Workload",
    "acme:index:Settings",
    "awsx:ec2:Vpc",
  ])("gives neutral %s and components (no provider) no offering", (type) => {
    expect(detect(type)).toEqual({ kind: "none" });
  });

  test("hands a deciding input unknown during preview back as deferred", () => {
    expect(detect("gcp:storage/bucket:Bucket", { universeDomain: UNKNOWN })).toEqual({
      kind: "deferred",
      input: "universeDomain",
    });
  });

  test("fails when the AWS region is unset, since commercial AWS and the Sovereign Cloud cannot be told apart", () => {
    expect(detect("aws:s3/bucket:Bucket", {})).toEqual({
      kind: "unknown",
      reason:
        "Amazon Web Services's offerings (aws-european-sovereign-cloud, aws) are told apart by the provider's 'region', which is not set (it falls back to the environment, which no policy sees): set aws:region",
    });
  });

  test.each([
    ["aws:s3/bucket:Bucket", { region: "us-gov-west-1" }, "region 'us-gov-west-1'"],
    ["gcp:storage/bucket:Bucket", { universeDomain: "apis-berlin-build0.goog" }, "universeDomain"],
    ["ovh:CloudProject/kube:Kube", { endpoint: "api.example.com" }, "endpoint 'api.example.com'"],
  ])("fails when %s's provider says %j, which names no offering", (type, provider, named) => {
    const found = detect(type, provider);
    expect(found.kind).toBe("unknown");
    expect(found.kind === "unknown" && found.reason).toContain(named);
  });

  test("leaves a package no vendor owns to the vendor rule", () => {
    expect(detect("acme:index:Thing", {})).toEqual({ kind: "none" });
  });
});
