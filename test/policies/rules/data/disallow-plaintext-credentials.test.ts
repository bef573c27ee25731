import { describe, expect, test } from "vitest";
import { dataContainerDisallowPlaintextCredentials as policy } from "../../../../policies/rules/data/disallow-plaintext-credentials";
import { UNKNOWN } from "../../fixtures/args";
import {
  container,
  deploymentWith,
  ephemeralContainer,
  podSpec,
  workload,
} from "../../fixtures/workloads";
import { violationsOf } from "./harness";

const env = (vars: Record<string, string>) =>
  deploymentWith({ env: Object.entries(vars).map(([name, value]) => ({ name, value })) });
const APP = 'container "app" (containers[0])';

describe("dataContainerDisallowPlaintextCredentials", () => {
  test.each([
    ["a workload without env", deploymentWith({})],
    [
      "credentials read from a Secret",
      deploymentWith({
        env: [
          { name: "PGPASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "PGPASSWORD" } } },
        ],
      }),
    ],
    ["plain settings", env({ LOG_LEVEL: "info", PGHOST: "10.10.0.5", PGSSLMODE: "require" })],
    [
      "names that point at a credential",
      env({
        PASSWORD_FILE: "/run/secrets/pw",
        TOKEN_URL: "https://auth.example.eu/token",
        SECRET_NAME: "db",
        API_KEY_HEADER: "X-Api-Key",
      }),
    ],
    ["an empty credential variable", env({ API_TOKEN: "" })],
    [
      "a URI whose password is a variable reference",
      env({ DATABASE_URL: "postgresql://shop:$(PGPASSWORD)@db/shop?sslmode=require" }),
    ],
    [
      "a URI with a user but no password",
      env({ DATABASE_URL: "postgresql://shop@db/shop?sslmode=require" }),
    ],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    ["DB_PASSWORD", "hunter2", "PASSWORD"],
    ["PGPASSWORD", "hunter2", "PASSWORD"],
    ["STRIPE_SECRET", "sk_live_x", "SECRET"],
    ["GITHUB_TOKEN", "ghp_x", "TOKEN"],
    ["MAPS_API_KEY", "AIza", "API_KEY"],
    ["AWS_ACCESS_KEY_ID", "SCWXXXXXXXX", "ACCESS_KEY"],
    ["aws_secret_access_key", "x", "SECRET"],
    ["signingPrivateKey", "-----BEGIN", "PRIVATE_KEY"],
  ])("fails when %s holds a plain value", async (name, value, word) => {
    expect(await violationsOf(policy, env({ [name]: value }))).toEqual([
      `env ${name} of ${APP} holds a plain value, and its name marks a credential (${word})`,
    ]);
  });

  test("fails a URI with a literal password", async () => {
    expect(
      await violationsOf(
        policy,
        env({ DATABASE_URL: "postgresql://shop:hunter2@db/shop?sslmode=require" }),
      ),
    ).toEqual([`env DATABASE_URL of ${APP} embeds a password in a URI`]);
  });

  test("checks init and ephemeral containers", async () => {
    const spec = podSpec({
      initContainers: [container({ env: [{ name: "ADMIN_PASSWORD", value: "x" }] }, "migrate")],
      ephemeralContainers: [ephemeralContainer({ env: [{ name: "TOKEN", value: "y" }] })],
    });
    expect(await violationsOf(policy, workload("Pod", spec))).toEqual([
      'env ADMIN_PASSWORD of container "migrate" (initContainers[0]) holds a plain value, and its name marks a credential (PASSWORD)',
      'env TOKEN of container "debug" (ephemeralContainers[0]) holds a plain value, and its name marks a credential (TOKEN)',
    ]);
  });

  test("uses the credential words and suffixes the config names", async () => {
    const config = { [policy.name]: { credentialWords: ["PIN"], referenceSuffixes: [] } };
    expect(
      await violationsOf(policy, env({ CARD_PIN: "1234", DB_PASSWORD: "x" }), {}, config),
    ).toEqual([
      `env CARD_PIN of ${APP} holds a plain value, and its name marks a credential (PIN)`,
    ]);
  });

  test("leaves a value unknown during preview to the engine", async () => {
    await expect(violationsOf(policy, env({ DB_PASSWORD: UNKNOWN }))).rejects.toThrow(
      "can't be known during preview",
    );
  });
});
