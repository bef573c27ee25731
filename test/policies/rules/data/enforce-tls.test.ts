import { describe, expect, test } from "vitest";
import { dataPostgresEnforceTls as policy } from "../../../../policies/rules/data/enforce-tls";
import { UNKNOWN } from "../../fixtures/args";
import { base64, configMap, secret } from "../../fixtures/kubernetes-config";
import { container, deploymentWith, podSpec, workload } from "../../fixtures/workloads";
import { violationsOf } from "./harness";

const env = (vars: Record<string, string>) =>
  deploymentWith({ env: Object.entries(vars).map(([name, value]) => ({ name, value })) });

const ALLOWED = "allowed: require, verify-ca, verify-full";

describe("dataPostgresEnforceTls", () => {
  test.each([
    ["a connection Secret requiring TLS", secret()],
    ["a connection Secret verifying the server", secret({ PGSSLMODE: "verify-full" })],
    [
      "a URI requiring TLS in a ConfigMap",
      configMap({ DATABASE_URL: "postgresql://shop@10.10.0.5:5432/shop?sslmode=require" }),
    ],
    [
      "a JDBC URL verifying the server",
      env({ JDBC_URL: "jdbc:postgresql://db.internal:5432/shop?sslmode=verify-full" }),
    ],
    ["a key/value DSN requiring TLS", env({ DSN: "host=10.10.0.5 dbname=shop sslmode=require" })],
    [
      "a workload that reads its connection from a Secret",
      deploymentWith({
        env: [{ name: "PGSSLMODE", valueFrom: { secretKeyRef: { name: "db", key: "PGSSLMODE" } } }],
      }),
    ],
    ["a non-PostgreSQL URI", env({ CACHE_URL: "redis://cache:6379/0" })],
    [
      "a resource that holds no connection",
      { type: "kubernetes:core/v1:Service", props: { spec: {} } },
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    [
      "a Secret disables TLS",
      secret({ PGSSLMODE: "disable" }),
      [`key PGSSLMODE (stringData) sets sslmode "disable"; ${ALLOWED}`],
    ],
    [
      "a Secret's base64 data prefers TLS",
      secret({}, { data: { DB_SSL_MODE: base64("prefer") } }),
      [`key DB_SSL_MODE (data) sets sslmode "prefer"; ${ALLOWED}`],
    ],
    [
      "a ConfigMap URI disables TLS",
      configMap({ DATABASE_URL: "postgres://shop@db:5432/shop?sslmode=disable" }),
      [`key DATABASE_URL (data) sets sslmode "disable"; ${ALLOWED}`],
    ],
    [
      "an env URI names no sslmode",
      env({ DATABASE_URL: "postgresql://shop@db:5432/shop" }),
      [
        'env DATABASE_URL of container "app" (containers[0]) connects to PostgreSQL without sslmode, so libpq uses "prefer" and may fall back to plaintext',
      ],
    ],
    [
      "an env DSN allows plaintext",
      env({ DSN: "host=db sslmode=allow" }),
      [`env DSN of container "app" (containers[0]) sets sslmode "allow"; ${ALLOWED}`],
    ],
    [
      "an env variable disables TLS",
      env({ PGSSLMODE: "disable" }),
      [`env PGSSLMODE of container "app" (containers[0]) sets sslmode "disable"; ${ALLOWED}`],
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect(await violationsOf(policy, spec)).toEqual(expected);
  });

  test("checks init containers of every pod-bearing kind", async () => {
    const spec = podSpec({
      initContainers: [container({ env: [{ name: "PGSSLMODE", value: "disable" }] }, "migrate")],
    });
    expect(await violationsOf(policy, workload("CronJob", spec))).toEqual([
      `env PGSSLMODE of container "migrate" (initContainers[0]) sets sslmode "disable"; ${ALLOWED}`,
    ]);
  });

  test("allows the sslmodes the config names", async () => {
    const config = { [policy.name]: { allowedSslModes: ["verify-full"] } };
    expect(await violationsOf(policy, secret(), {}, config)).toEqual([
      'key PGSSLMODE (stringData) sets sslmode "require"; allowed: verify-full',
    ]);
  });

  test("leaves a connection string unknown during preview to the engine", async () => {
    await expect(violationsOf(policy, secret({ DATABASE_URL: UNKNOWN }))).rejects.toThrow(
      "can't be known during preview",
    );
  });
});
