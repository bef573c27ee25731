import { describe, expect, test } from "vitest";
import { endpointDestinationEnforceEuHost as policy } from "../../../../policies/rules/endpoint/enforce-eu-host";
import { UNKNOWN, validate, type ResourceSpec } from "../../fixtures/args";
import { EU_KUBE_PROVIDER } from "../../fixtures/kubernetes";
import { deferred, PREVIEW_UNKNOWN } from "../../fixtures/messages";

const NAME = "endpoint-destination-enforce-eu-host";
const FIX =
  "Send it to an EU vendor's endpoint (Scaleway s3.<region>.scw.cloud, OVHcloud s3.<region>.io.cloud.ovh.net, STACKIT object.storage.<region>.onstackit.cloud, IONOS s3.<region>.ionoscloud.com), or list your own EU host in allowedHosts in this policy's config.";
const US = "(seat US, subject to the US CLOUD Act), which is not an EU vendor.";

const k8s = (type: string, props: Record<string, unknown>): ResourceSpec => ({
  type,
  props,
  provider: EU_KUBE_PROVIDER,
});
const cnpg = (barmanObjectStore: Record<string, unknown>) =>
  k8s("kubernetes:postgresql.cnpg.io/v1:Cluster", {
    spec: { instances: 3, backup: { barmanObjectStore } },
  });
const objectStore = (configuration: Record<string, unknown>) =>
  k8s("kubernetes:barmancloud.cnpg.io/v1:ObjectStore", { spec: { configuration } });
const velero = (spec: Record<string, unknown>) =>
  k8s("kubernetes:velero.io/v1:BackupStorageLocation", { spec });
const externalName = (host: string) =>
  k8s("kubernetes:core/v1:Service", { spec: { type: "ExternalName", externalName: host } });

describe("endpoint-destination-enforce-eu-host", () => {
  describe("passes ordinary EU programs", () => {
    test.each<[string, ResourceSpec]>([
      [
        "a CloudNativePG backup on OVHcloud Object Storage",
        cnpg({
          destinationPath: "s3://pg-backups/",
          endpointURL: "https://s3.gra.io.cloud.ovh.net",
        }),
      ],
      [
        "a CloudNativePG cluster without backups",
        k8s("kubernetes:postgresql.cnpg.io/v1:Cluster", { spec: { instances: 1 } }),
      ],
      [
        "a Barman Cloud ObjectStore on Scaleway",
        objectStore({ destinationPath: "s3://b/", endpointURL: "https://s3.fr-par.scw.cloud" }),
      ],
      [
        "a Velero location on STACKIT through s3Url",
        velero({
          provider: "aws",
          objectStorage: { bucket: "velero" },
          config: { region: "eu01", s3Url: "https://object.storage.eu01.onstackit.cloud" },
        }),
      ],
      [
        "a Velero location on IONOS",
        velero({ provider: "aws", config: { s3Url: "https://s3.eu-central-1.ionoscloud.com" } }),
      ],
      [
        "a Flux bucket on Hetzner Object Storage",
        k8s("kubernetes:source.toolkit.fluxcd.io/v1:Bucket", {
          spec: { provider: "generic", endpoint: "fsn1.your-objectstorage.com", bucketName: "m" },
        }),
      ],
      ["an ExternalName Service inside the cluster", externalName("db.data.svc.cluster.local")],
      ["a ClusterIP Service", k8s("kubernetes:core/v1:Service", { spec: { type: "ClusterIP" } })],
    ])("passes %s", async (_name, spec) => {
      expect(await validate(policy, spec)).toEqual({ violations: [] });
    });

    test("passes an on-premises host the pack config lists", async () => {
      const spec = cnpg({
        destinationPath: "s3://b/",
        endpointURL: "https://minio.example.eu:9000",
      });
      expect(
        await validate(policy, spec, { [NAME]: { allowedHosts: ["minio.example.eu"] } }),
      ).toEqual({ violations: [] });
    });
  });

  describe("blocks data sent outside the EU", () => {
    test("fails when a CloudNativePG backup has an s3:// path and no endpoint, which means Amazon S3", async () => {
      expect(await validate(policy, cnpg({ destinationPath: "s3://pg-backups/shop" }))).toEqual({
        violations: [
          `backup object store: spec.backup.barmanObjectStore.endpointURL is unset, so spec.backup.barmanObjectStore.destinationPath 's3://pg-backups/shop' sends data to 's3.amazonaws.com', is Amazon S3, run by Amazon Web Services ${US} ${FIX}`,
        ],
      });
    });

    test("fails when a Barman Cloud ObjectStore writes to Azure Blob Storage", async () => {
      const path = "https://acme.blob.core.windows.net/pg";
      expect(await validate(policy, objectStore({ destinationPath: path }))).toEqual({
        violations: [
          `backup object store: spec.configuration.endpointURL is unset, so spec.configuration.destinationPath '${path}' sends data to 'acme.blob.core.windows.net', is Azure Blob Storage, run by Microsoft Azure ${US} ${FIX}`,
        ],
      });
    });

    test("fails when a CloudNativePG endpoint is Google Cloud Storage", async () => {
      const url = "https://storage.googleapis.com";
      expect(
        await validate(policy, cnpg({ destinationPath: "gs://b/", endpointURL: url })),
      ).toEqual({
        violations: [
          `backup object store spec.backup.barmanObjectStore.endpointURL '${url}' is Google Cloud Storage, run by Google Cloud ${US} ${FIX}`,
        ],
      });
    });

    test("fails when a Velero location uses the aws plugin without s3Url", async () => {
      const spec = velero({ provider: "velero.io/aws", config: { region: "eu-central-1" } });
      expect(await validate(policy, spec)).toEqual({
        violations: [
          `backup storage location: spec.config.s3Url is unset, so spec.provider 'velero.io/aws' sends data to 's3.amazonaws.com', is Amazon S3, run by Amazon Web Services ${US} ${FIX}`,
        ],
      });
    });

    test("fails when a Velero location names a plugin the catalog does not know", async () => {
      expect(await validate(policy, velero({ provider: "acme/storage" }))).toEqual({
        violations: [
          `backup storage location: spec.config.s3Url is unset and spec.provider 'acme/storage' names no endpoint the catalog knows, so where the data goes cannot be placed. Set spec.config.s3Url to an EU endpoint. ${FIX}`,
        ],
      });
    });

    test("fails when an ExternalName Service points at Amazon RDS", async () => {
      const host = "shop.abcdefghij.eu-west-1.rds.amazonaws.com";
      expect(await validate(policy, externalName(host))).toEqual({
        violations: [
          `external service spec.externalName '${host}' is Amazon Web Services ${US} ${FIX}`,
        ],
      });
    });

    test("fails when an ExternalName Service points at a host the catalog cannot place", async () => {
      expect(await validate(policy, externalName("db.example.com"))).toEqual({
        violations: [
          `external service spec.externalName 'db.example.com' cannot be placed: host 'db.example.com' matches no pattern in the catalog (config/catalog/hosts.ts). ${FIX}`,
        ],
      });
    });

    test("fails when an OVHcloud endpoint names a region outside the EU", async () => {
      const url = "https://s3.bhs.io.cloud.ovh.net";
      expect(
        await validate(policy, cnpg({ destinationPath: "s3://b/", endpointURL: url })),
      ).toEqual({
        violations: [
          expect.stringContaining(
            `backup object store spec.backup.barmanObjectStore.endpointURL '${url}' (OVHcloud Object Storage, site 'bhs') is Beauharnois, CA (ADEQUACY), outside the allowed group 'eu'.`,
          ),
        ],
      });
    });
  });

  test("defers an endpoint computed by another resource", async () => {
    expect(
      await validate(policy, cnpg({ destinationPath: "s3://b/", endpointURL: UNKNOWN })),
    ).toEqual({
      violations: [],
      deferred: deferred(NAME, `spec.backup.barmanObjectStore.endpointURL is ${PREVIEW_UNKNOWN}`),
    });
  });
});
