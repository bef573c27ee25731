import { describe, expect, test } from "vitest";
import { containerEnv, envCollisions, plainEnv, secretEnv } from "../../../components/workload/env";
import type { ConnectionName } from "../../../components/workload/secrets";

const ref = (name: string, key: string) => ({
  name: key,
  valueFrom: { secretKeyRef: { name, key, optional: false } },
});

describe("plainEnv", () => {
  test("lists the variables sorted by name", () => {
    expect(plainEnv({ B: "2", A: "1", C: "3" })).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "2" },
      { name: "C", value: "3" },
    ]);
  });
});

describe("secretEnv", () => {
  test("reads every libpq variable from the database Secret", () => {
    expect(secretEnv({ connection: "database", secretName: "shop-database" })).toEqual(
      ["PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSSLMODE"].map((key) =>
        ref("shop-database", key),
      ),
    );
  });

  test("reads every S3 variable from the object store Secret", () => {
    expect(secretEnv({ connection: "objectStore", secretName: "shop-object-store" })).toEqual(
      ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].map(
        (key) => ref("shop-object-store", key),
      ),
    );
  });
});

describe("containerEnv", () => {
  test("puts plain variables first, then each connection in the order given", () => {
    const env = containerEnv({ LOG_LEVEL: "info" }, [
      { connection: "objectStore", secretName: "s3" },
      { connection: "database", secretName: "db" },
    ]);
    expect(env.map((e) => e.name)).toEqual([
      "LOG_LEVEL",
      "S3_ENDPOINT",
      "S3_BUCKET",
      "S3_REGION",
      "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY",
      "PGHOST",
      "PGPORT",
      "PGDATABASE",
      "PGUSER",
      "PGPASSWORD",
      "PGSSLMODE",
    ]);
  });

  test("holds no plain value for any connection variable", () => {
    const env = containerEnv({}, [
      { connection: "database", secretName: "db" },
      { connection: "objectStore", secretName: "s3" },
    ]);
    expect(env.filter((e) => "value" in e)).toEqual([]);
  });
});

describe("envCollisions", () => {
  test.each<{
    env: Record<string, string>;
    wired: readonly ConnectionName[];
    expected: { name: string; connection: ConnectionName }[];
  }>([
    { env: { LOG_LEVEL: "info" }, wired: ["database", "objectStore"], expected: [] },
    {
      env: { PGHOST: "x", S3_BUCKET: "y" },
      wired: ["database", "objectStore"],
      expected: [
        { name: "PGHOST", connection: "database" },
        { name: "S3_BUCKET", connection: "objectStore" },
      ],
    },
    {
      env: { PGHOST: "x", S3_BUCKET: "y" },
      wired: ["objectStore"],
      expected: [{ name: "S3_BUCKET", connection: "objectStore" }],
    },
    { env: { PGHOST: "x" }, wired: [], expected: [] },
  ])("finds $expected.length collision(s) of $env with $wired", ({ env, wired, expected }) => {
    expect(envCollisions(env, wired)).toEqual(expected);
  });
});
