import * as pulumi from "@pulumi/pulumi";
import { describe, expect, test } from "vitest";
import {
  connectionSecretData,
  connectionSecretName,
  portOfUrl,
  wiredConnections,
} from "../../../components/workload/secrets";
import { unwrap } from "../../helpers/mocks";
import {
  DB_PASSWORD,
  PROVIDER_STUB,
  S3_ACCESS_KEY,
  S3_SECRET_KEY,
  databaseOutputs,
  objectStoreOutputs,
  platformContract,
} from "./fixtures";

describe("wiredConnections", () => {
  const both = { database: databaseOutputs(), objectStore: objectStoreOutputs() };
  test.each([
    {
      wants: { database: true, objectStore: true },
      offers: both,
      wired: ["database", "objectStore"],
    },
    { wants: { database: false, objectStore: true }, offers: both, wired: ["objectStore"] },
    { wants: { database: true, objectStore: false }, offers: both, wired: ["database"] },
    {
      wants: { database: true, objectStore: true },
      offers: { database: undefined, objectStore: objectStoreOutputs() },
      wired: ["objectStore"],
    },
    {
      wants: { database: true, objectStore: true },
      offers: { database: undefined, objectStore: undefined },
      wired: [],
    },
  ])("wires $wired when the workload wants $wants", ({ wants, offers, wired }) => {
    expect(wiredConnections(wants, offers)).toEqual(wired);
  });
});

describe("connectionSecretName", () => {
  test.each([
    ["database", "shop-database"],
    ["objectStore", "shop-object-store"],
  ] as const)("names the %s Secret %s", (connection, expected) => {
    expect(connectionSecretName("shop", connection)).toBe(expected);
  });
});

describe("portOfUrl", () => {
  test.each([
    ["https://s3.fr-par.scw.cloud", 443],
    ["https://s3.gra.io.cloud.ovh.net/", 443],
    ["https://minio.example.eu:9000", 9000],
  ])("reads the port of %s as %i", (url, port) => {
    expect(portOfUrl(url)).toBe(port);
  });
});

describe("connectionSecretData", () => {
  const platform = platformContract(PROVIDER_STUB);

  test("holds the libpq connection, the port as text", async () => {
    expect(await unwrap(connectionSecretData("database", platform))).toEqual({
      PGHOST: "10.10.0.5",
      PGPORT: "5432",
      PGDATABASE: "shop",
      PGUSER: "shop_app",
      PGPASSWORD: DB_PASSWORD,
      PGSSLMODE: "require",
    });
  });

  test("holds the S3 endpoint, bucket, region and keys", async () => {
    expect(await unwrap(connectionSecretData("objectStore", platform))).toEqual({
      S3_ENDPOINT: "https://s3.fr-par.scw.cloud",
      S3_BUCKET: "eu-fleet-par-shop-1a2b3c",
      S3_REGION: "fr-par",
      AWS_ACCESS_KEY_ID: S3_ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY,
    });
  });

  test.each(["database", "objectStore"] as const)("marks the whole %s data secret", async (c) => {
    expect(await pulumi.isSecret(connectionSecretData(c, platform))).toBe(true);
  });

  test("marks the data secret even when an adapter hands its credentials over in plain", async () => {
    const careless = platformContract(PROVIDER_STUB, {
      database: { ...databaseOutputs(), password: pulumi.output(DB_PASSWORD) },
      objectStore: {
        ...objectStoreOutputs(),
        accessKeyId: pulumi.output(S3_ACCESS_KEY),
        secretAccessKey: pulumi.output(S3_SECRET_KEY),
      },
    });
    const secrecy = await Promise.all(
      (["database", "objectStore"] as const).map((c) =>
        pulumi.isSecret(connectionSecretData(c, careless)),
      ),
    );
    expect(secrecy).toEqual([true, true]);
  });

  test("fails when the platform does not offer the capability", () => {
    const bare = platformContract(PROVIDER_STUB, { database: undefined });
    expect(() => connectionSecretData("database", bare)).toThrow(
      new Error("the platform of target par offers no database; wire only wiredConnections()"),
    );
  });
});
