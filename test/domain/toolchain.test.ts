import { describe, expect, test } from "vitest";
import {
  nonEuControl,
  redactUrl,
  stateBackendOf,
  toolchainOf,
  type ToolchainDependency,
  type ToolchainFacts,
} from "../../domain/toolchain";

const SCALEWAY_STATE = "s3://sovereign-state?endpoint=s3.fr-par.scw.cloud&region=fr-par";
const projectBackend = (value: string) => ({
  projectBackend: { value, source: "Pulumi.yaml backend.url" },
});
const secrets = (value: string) => ({
  secretsProvider: { value, source: "Pulumi.dev.yaml secretsprovider" },
});
const pick = (deps: ToolchainDependency[]) =>
  deps.map((d) => [d.kind, d.service, d.vendor, d.country, d.region ?? null]);

describe("stateBackendOf", () => {
  test("takes PULUMI_BACKEND_URL over Pulumi.yaml backend.url, as the Pulumi CLI does", () => {
    expect(
      stateBackendOf({
        ...projectBackend("file://~"),
        env: { PULUMI_BACKEND_URL: SCALEWAY_STATE },
      }),
    ).toEqual({ value: SCALEWAY_STATE, source: "PULUMI_BACKEND_URL" });
  });

  test("takes backend.url when the variable is unset or empty", () => {
    expect(
      stateBackendOf({ ...projectBackend(SCALEWAY_STATE), env: { PULUMI_BACKEND_URL: "" } }),
    ).toEqual({ value: SCALEWAY_STATE, source: "Pulumi.yaml backend.url" });
  });

  test("falls back to Pulumi Cloud, saying why", () => {
    expect(stateBackendOf({ projectFile: "infra/Pulumi.yaml", env: {} })).toEqual({
      value: "https://api.pulumi.com",
      source: "default (no backend.url in infra/Pulumi.yaml, no PULUMI_BACKEND_URL)",
    });
  });
});

describe("toolchainOf", () => {
  test.each<[string, ToolchainFacts, unknown[]]>([
    [
      "no backend anywhere: Pulumi Cloud holds state and the secrets' key",
      { env: {} },
      [
        ["state-backend", "Pulumi Cloud", "pulumi", "US", null],
        ["secrets-provider", "Pulumi Cloud secrets", "pulumi", "US", null],
      ],
    ],
    [
      "Scaleway Object Storage by its endpoint, passphrase by default",
      { ...projectBackend(SCALEWAY_STATE), env: {} },
      [
        ["state-backend", "Scaleway Object Storage", "scaleway", "FR", "fr-par"],
        ["secrets-provider", "passphrase", "local", null, null],
      ],
    ],
    [
      "OVHcloud Object Storage by its endpoint",
      { ...projectBackend("s3://state?endpoint=https://s3.gra.io.cloud.ovh.net"), env: {} },
      [
        ["state-backend", "OVHcloud Object Storage", "ovhcloud", "FR", "gra"],
        ["secrets-provider", "passphrase", "local", null, null],
      ],
    ],
    [
      "plain s3:// is Amazon S3, its region from the region parameter; an AWS KMS key",
      {
        ...projectBackend("s3://state?region=eu-west-3"),
        ...secrets("awskms://alias/pulumi?region=eu-west-3"),
        env: {},
      },
      [
        ["state-backend", "Amazon S3", "aws", "US", "eu-west-3"],
        ["secrets-provider", "AWS KMS", "aws", "US", "eu-west-3"],
      ],
    ],
    [
      "Azure Blob and Key Vault, Google Cloud Storage is US too",
      {
        env: { PULUMI_BACKEND_URL: "azblob://state" },
        ...secrets("azurekeyvault://vault.vault.azure.net/keys/pulumi"),
      },
      [
        ["state-backend", "Azure Blob Storage", "azure", "US", null],
        ["secrets-provider", "Azure Key Vault", "azure", "US", null],
      ],
    ],
    [
      "local files and an encryptionsalt (passphrase)",
      { ...projectBackend("file://~"), encryptionSalt: "Pulumi.dev.yaml encryptionsalt", env: {} },
      [
        ["state-backend", "local files", "local", null, null],
        ["secrets-provider", "passphrase", "local", null, null],
      ],
    ],
    [
      "Vault on a self-hosted host named by VAULT_ADDR",
      {
        ...projectBackend(SCALEWAY_STATE),
        ...secrets("hashivault://pulumi"),
        env: { VAULT_ADDR: "https://vault.example.eu:8200" },
      },
      [
        ["state-backend", "Scaleway Object Storage", "scaleway", "FR", "fr-par"],
        ["secrets-provider", "HashiCorp Vault", "self-hosted", null, null],
      ],
    ],
    [
      "Vault with no address, and a scheme no catalog knows: unknown",
      { env: { PULUMI_BACKEND_URL: "ftp://state" }, ...secrets("hashivault://pulumi") },
      [
        ["state-backend", "ftp", "unknown", null, null],
        ["secrets-provider", "HashiCorp Vault", "unknown", null, null],
      ],
    ],
  ])("%s", (_what, facts, expected) => {
    expect(pick(toolchainOf(facts))).toEqual(expected);
  });

  test("names where each was read", () => {
    const deps = toolchainOf({
      ...projectBackend(SCALEWAY_STATE),
      ...secrets("gcpkms://projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k"),
      env: {},
    });
    expect(deps.map((d) => [d.source, d.vendor])).toEqual([
      ["Pulumi.yaml backend.url", "scaleway"],
      ["Pulumi.dev.yaml secretsprovider", "gcp"],
    ]);
  });

  test("never prints a credential a URL carries", () => {
    const [state] = toolchainOf({
      env: {
        PULUMI_BACKEND_URL: "https://admin:hunter2@pulumi.example.eu?access_token=abc123&region=x",
      },
    });
    expect(state?.endpoint).toBe("https://***@pulumi.example.eu?access_token=***&region=x");
    expect(JSON.stringify(state)).not.toMatch(/hunter2|abc123/);
  });
});

describe("redactUrl", () => {
  test.each([
    ["passphrase", "passphrase"],
    [SCALEWAY_STATE, SCALEWAY_STATE],
    ["s3://b?endpoint=e&secret_access_key=XYZ", "s3://b?endpoint=e&secret_access_key=***"],
    ["postgres://user:pw@db.example.eu/state", "postgres://***@db.example.eu/state"],
    ["awskms://alias/key?region=eu-west-1", "awskms://alias/key?region=eu-west-1"],
  ])("%s → %s", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe("nonEuControl", () => {
  const [pulumiState, pulumiKey] = toolchainOf({ env: {} });
  const [scalewayState, passphrase] = toolchainOf({ ...projectBackend(SCALEWAY_STATE), env: {} });
  const [, vault] = toolchainOf({
    ...projectBackend(SCALEWAY_STATE),
    ...secrets("hashivault://pulumi"),
    env: { VAULT_SERVER_URL: "https://vault.example.eu" },
  });

  test("passes EU object storage and a passphrase", () => {
    expect([scalewayState, passphrase].map((d) => d && nonEuControl(d, {}))).toEqual([
      undefined,
      undefined,
    ]);
  });

  test("fails when Pulumi Cloud holds state or keys, naming the vendor, its seat and the source", () => {
    expect(pulumiState && nonEuControl(pulumiState, {})).toBe(
      "the stack's state is held by Pulumi Cloud (Pulumi Cloud, seat US, subject to the US CLOUD Act): https://api.pulumi.com, from default (no backend.url in Pulumi.yaml, no PULUMI_BACKEND_URL)",
    );
    expect(pulumiKey && nonEuControl(pulumiKey, {})).toMatch(
      /^the key of the stack's secrets is held by Pulumi Cloud/,
    );
  });

  test("fails closed on a self-hosted host until the team places it, then judges that country", () => {
    expect(vault && nonEuControl(vault, {})).toMatch(
      /^the key of the stack's secrets is held on vault\.example\.eu \(hashivault:\/\/pulumi, from Pulumi\.dev\.yaml secretsprovider\), a host the catalogs do not place/,
    );
    expect(vault && nonEuControl(vault, { "vault.example.eu": "DE" })).toBeUndefined();
    expect(vault && nonEuControl(vault, { "vault.example.eu": "CH" })).toBe(
      "the key of the stack's secrets is held on vault.example.eu, placed in CH by this policy's hosts config, outside the EU",
    );
  });
});
