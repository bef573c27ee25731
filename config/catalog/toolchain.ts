/**
 * Where a Pulumi deployment keeps its state and its secrets' key: the URL schemes of state backends and secrets
 * providers, and who holds what each names. A scheme whose place is a host (an S3 endpoint, a Vault server, a
 * self-hosted Pulumi Cloud) is placed through the host tables (hosts.ts); a scheme absent here cannot be placed.
 *
 * Sources: Pulumi docs "State and backends" (pulumi.com/docs/iac/concepts/state-and-backends: `https://api.pulumi.com`
 * is Pulumi Cloud, `file://`, `s3://`, `azblob://`, `gs://` the DIY backends; S3-compatible stores through the
 * `endpoint` query parameter), "pulumi stack init" (pulumi.com/docs/iac/cli/commands/pulumi_stack_init: secrets
 * providers `default` (Pulumi Cloud), `passphrase`, `awskms://`, `azurekeyvault://`, `gcpkms://`, `hashivault://`;
 * a Pulumi Cloud stack defaults to Pulumi Cloud's provider, an object-storage or local stack to `passphrase`),
 * gocloud.dev/secrets/hashivault (the Vault server comes from VAULT_SERVER_URL, else VAULT_ADDR).
 */
import type { VendorId } from "./vendors";

/** Pulumi Cloud's API, the backend `pulumi login` uses when given no URL. */
export const PULUMI_CLOUD_URL = "https://api.pulumi.com";

export const ToolchainKind = {
  stateBackend: "state-backend",
  secretsProvider: "secrets-provider",
} as const;
export type ToolchainKind = (typeof ToolchainKind)[keyof typeof ToolchainKind];

/**
 * Who holds what a URL names: a vendor of the catalog, the machine or team that runs Pulumi (`local`), or a host
 * to place (`host`: the URL's own host, or the one an environment variable names).
 */
export type Holder =
  | { readonly kind: "vendor"; readonly vendor: VendorId }
  | { readonly kind: "local" }
  | { readonly kind: "host"; readonly hostFrom: "url" | "endpoint-param" | "vault-env" };

export interface ToolchainScheme {
  readonly service: string;
  readonly holder: Holder;
  /** For `endpoint-param`: who holds the URL when it names no endpoint (plain `s3://` is Amazon S3). */
  readonly withoutEndpoint?: { readonly vendor: VendorId; readonly service: string };
}

/** State backends by URL scheme (`https` is Pulumi Cloud at api.pulumi.com, or a self-hosted Pulumi Cloud). */
export const STATE_BACKENDS: Readonly<Record<string, ToolchainScheme>> = {
  https: { service: "Pulumi Cloud", holder: { kind: "host", hostFrom: "url" } },
  http: { service: "Pulumi Cloud (self-hosted)", holder: { kind: "host", hostFrom: "url" } },
  s3: {
    service: "S3 object storage",
    holder: { kind: "host", hostFrom: "endpoint-param" },
    withoutEndpoint: { vendor: "aws", service: "Amazon S3" },
  },
  azblob: { service: "Azure Blob Storage", holder: { kind: "vendor", vendor: "azure" } },
  gs: { service: "Google Cloud Storage", holder: { kind: "vendor", vendor: "gcp" } },
  file: { service: "local files", holder: { kind: "local" } },
};

/** Secrets providers by URL scheme (`passphrase` and Pulumi Cloud's `default` are bare words, not URLs). */
export const SECRETS_PROVIDERS: Readonly<Record<string, ToolchainScheme>> = {
  passphrase: { service: "passphrase", holder: { kind: "local" } },
  // A Pulumi Cloud stack's own provider, named by the backend's URL (api.pulumi.com, or a self-hosted instance).
  https: { service: "Pulumi Cloud secrets", holder: { kind: "host", hostFrom: "url" } },
  http: {
    service: "Pulumi Cloud secrets (self-hosted)",
    holder: { kind: "host", hostFrom: "url" },
  },
  default: { service: "Pulumi Cloud secrets", holder: { kind: "vendor", vendor: "pulumi" } },
  service: { service: "Pulumi Cloud secrets", holder: { kind: "vendor", vendor: "pulumi" } },
  awskms: { service: "AWS KMS", holder: { kind: "vendor", vendor: "aws" } },
  azurekeyvault: { service: "Azure Key Vault", holder: { kind: "vendor", vendor: "azure" } },
  gcpkms: { service: "Google Cloud KMS", holder: { kind: "vendor", vendor: "gcp" } },
  hashivault: { service: "HashiCorp Vault", holder: { kind: "host", hostFrom: "vault-env" } },
};

/** Pulumi Cloud's own hosts (the API and the console URL users paste). */
export const PULUMI_CLOUD_HOSTS: readonly string[] = ["api.pulumi.com", "app.pulumi.com"];

/** Environment variables that name the Vault server of `hashivault://`, first set wins (gocloud.dev). */
export const VAULT_ADDRESS_VARIABLES = ["VAULT_SERVER_URL", "VAULT_ADDR"] as const;

/** The environment variable that overrides Pulumi.yaml `backend.url` and the stored login (pulumi/pulumi). */
export const BACKEND_URL_VARIABLE = "PULUMI_BACKEND_URL";
