/**
 * The deployment's own dependencies: where Pulumi keeps the stack's state and who holds the key of its secrets,
 * attributed to a vendor and country through the catalogs (config/catalog/toolchain.ts, hosts.ts), and judged for
 * EU control. Pure: the readers (the CLI, a policy) hand in what they read and where they read it.
 */
import { jurisdictionOf } from "../config/catalog/jurisdictions";
import { matchHost, OBJECT_STORAGE_ENDPOINTS, SERVICE_ENDPOINTS } from "../config/catalog/hosts";
import {
  BACKEND_URL_VARIABLE,
  PULUMI_CLOUD_HOSTS,
  PULUMI_CLOUD_URL,
  SECRETS_PROVIDERS,
  STATE_BACKENDS,
  ToolchainKind,
  VAULT_ADDRESS_VARIABLES,
  type ToolchainScheme,
} from "../config/catalog/toolchain";
import { isEuVendor, VENDORS, type VendorId } from "../config/catalog/vendors";
import { hostOfUrl } from "./destinations";

/** Holders that are no catalog vendor. */
export const Holder = {
  /** The machine or team that runs Pulumi (local files, a passphrase). */
  local: "local",
  /** A host the catalogs do not know: placed only by the team's own `hosts` config. */
  selfHosted: "self-hosted",
  /** Nothing tells who holds it (an unknown scheme, a Vault server no variable names). */
  unknown: "unknown",
} as const;

export interface ToolchainDependency {
  readonly kind: ToolchainKind;
  /** The URL or word as configured, credentials and secret-looking query values replaced by `***`. */
  readonly endpoint: string;
  /** The service it names (`Pulumi Cloud`, `Scaleway Object Storage`, `AWS KMS`, `passphrase`). */
  readonly service: string;
  /** A vendor id of config/catalog/vendors.ts, or `local`, `self-hosted`, `unknown`. */
  readonly vendor: string;
  /** The legal seat of the vendor in control (ISO 3166-1 alpha-2), null for local, self-hosted and unknown. */
  readonly country: string | null;
  /** The region or site the URL names, when it names one. */
  readonly region?: string;
  /** Where it was read: `Pulumi.yaml backend.url`, `PULUMI_BACKEND_URL`, `stacks/Pulumi.dev.yaml secretsprovider`. */
  readonly source: string;
  /** The host to place in the policy's `hosts` config, for a self-hosted service. */
  readonly host?: string;
}

/** A value read from a file key or an environment variable, with where it was read. */
export interface Read {
  readonly value: string;
  readonly source: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** What the readers found; absent fields mean "not set there". */
export interface ToolchainFacts {
  /** `backend.url` of Pulumi.yaml. */
  readonly projectBackend?: Read;
  /** The project file, for the source of the default backend. */
  readonly projectFile?: string;
  /** The stack file's `secretsprovider`, or the secrets provider a state export records. */
  readonly secretsProvider?: Read;
  /** Where an `encryptionsalt` was found (the passphrase provider's salt). */
  readonly encryptionSalt?: string;
  readonly env: Environment;
}

const SECRET_PARAM = /key|secret|token|passw|credential|signature|sig$/i;

/** `url` with user info and secret-looking query values replaced by `***` (never print a credential). */
export function redactUrl(url: string): string {
  const withoutUser = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, "$1***@");
  return withoutUser.replace(/([?&])([^=&#]+)=([^&#]*)/g, (whole, sep: string, name: string) =>
    SECRET_PARAM.test(name) ? `${sep}${name}=***` : whole,
  );
}

const schemeOf = (value: string) => /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();

function queryParam(url: string, name: string): string | undefined {
  const query = url.split("#")[0]?.split("?")[1];
  if (query === undefined) return undefined;
  const value = new URLSearchParams(query).get(name);
  return value === null || value === "" ? undefined : value;
}

/** The backend the CLI would use: PULUMI_BACKEND_URL, else Pulumi.yaml `backend.url`, else Pulumi Cloud. */
export function stateBackendOf(facts: ToolchainFacts): Read {
  const fromEnv = facts.env[BACKEND_URL_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== "")
    return { value: fromEnv, source: BACKEND_URL_VARIABLE };
  if (facts.projectBackend) return facts.projectBackend;
  const file = facts.projectFile ?? "Pulumi.yaml";
  return {
    value: PULUMI_CLOUD_URL,
    source: `default (no backend.url in ${file}, no ${BACKEND_URL_VARIABLE})`,
  };
}

const isCloudBackend = (url: string) => ["http", "https"].includes(schemeOf(url) ?? "");

/** The secrets provider: the stack's `secretsprovider`, else `encryptionsalt` (passphrase), else the backend's default. */
function secretsProviderOf(facts: ToolchainFacts, backend: Read): Read {
  if (facts.secretsProvider) return facts.secretsProvider;
  if (facts.encryptionSalt) return { value: "passphrase", source: facts.encryptionSalt };
  return isCloudBackend(backend.value)
    ? { value: backend.value, source: "default of a Pulumi Cloud stack" }
    : { value: "passphrase", source: "default of an object-storage or local stack" };
}

type Placed = Pick<ToolchainDependency, "vendor" | "country" | "region" | "host"> & {
  readonly service?: string;
};

const byVendor = (vendor: VendorId, region?: string): Placed => ({
  vendor,
  country: VENDORS[vendor].seat,
  ...(region ? { region } : {}),
});

/** A host: Pulumi Cloud's, an object store or service of the catalog, else self-hosted. */
function placeHost(host: string, table = SERVICE_ENDPOINTS): Placed {
  if (PULUMI_CLOUD_HOSTS.includes(host)) return byVendor("pulumi");
  const match = matchHost(table, host);
  if (match) return { ...byVendor(match.vendor, match.site), service: match.label };
  return { vendor: Holder.selfHosted, country: null, host };
}

function vaultHost(env: Environment): string | undefined {
  const address = VAULT_ADDRESS_VARIABLES.map((v) => env[v]).find(
    (v) => v !== undefined && v !== "",
  );
  return address === undefined ? undefined : hostOfUrl(address);
}

function place(scheme: ToolchainScheme, value: string, env: Environment): Placed {
  const { holder } = scheme;
  if (holder.kind === "vendor") return byVendor(holder.vendor, queryParam(value, "region"));
  if (holder.kind === "local") return { vendor: Holder.local, country: null };
  if (holder.hostFrom === "url") return placeHost(hostOfUrl(value));
  if (holder.hostFrom === "vault-env") {
    const host = vaultHost(env);
    return host === undefined ? { vendor: Holder.unknown, country: null } : placeHost(host);
  }
  const endpoint = queryParam(value, "endpoint");
  if (endpoint === undefined && scheme.withoutEndpoint) {
    const { vendor, service } = scheme.withoutEndpoint;
    return { ...byVendor(vendor, queryParam(value, "region")), service };
  }
  return endpoint === undefined
    ? { vendor: Holder.unknown, country: null }
    : placeHost(hostOfUrl(endpoint), OBJECT_STORAGE_ENDPOINTS);
}

function attribute(
  kind: ToolchainKind,
  read: Read,
  table: Readonly<Record<string, ToolchainScheme>>,
  env: Environment,
): ToolchainDependency {
  const key = schemeOf(read.value) ?? read.value.toLowerCase();
  const scheme = Object.hasOwn(table, key) ? table[key] : undefined;
  const endpoint = redactUrl(read.value);
  if (!scheme)
    return {
      kind,
      endpoint,
      service: key,
      vendor: Holder.unknown,
      country: null,
      source: read.source,
    };
  const { service, ...placed } = place(scheme, read.value, env);
  return { kind, endpoint, service: service ?? scheme.service, ...placed, source: read.source };
}

/** The state backend and the secrets provider of one stack, each attributed to who holds it. */
export function toolchainOf(facts: ToolchainFacts): ToolchainDependency[] {
  const backend = stateBackendOf(facts);
  const secrets = secretsProviderOf(facts, backend);
  return [
    attribute(ToolchainKind.stateBackend, backend, STATE_BACKENDS, facts.env),
    attribute(ToolchainKind.secretsProvider, secrets, SECRETS_PROVIDERS, facts.env),
  ];
}

/** Countries the team places its own hosts in (`{ "vault.example.eu": "DE" }`), from the policy's config. */
export type HostPlaces = Readonly<Record<string, string>>;

/** Why `dep` is not under EU control, or undefined when it is (an EU vendor, local, or a self-hosted EU host). */
export function nonEuControl(dep: ToolchainDependency, hosts: HostPlaces): string | undefined {
  const what =
    dep.kind === ToolchainKind.stateBackend
      ? "the stack's state"
      : "the key of the stack's secrets";
  if (dep.vendor === Holder.local || isEuVendor(dep.vendor)) return undefined;
  if (dep.vendor === Holder.selfHosted && dep.host !== undefined) {
    const country = hosts[dep.host];
    if (country === undefined)
      return `${what} is held on ${dep.host} (${dep.endpoint}, from ${dep.source}), a host the catalogs do not place: list it with its country in this policy's hosts config if you run it in the EU`;
    return jurisdictionOf(country) === "EU"
      ? undefined
      : `${what} is held on ${dep.host}, placed in ${country} by this policy's hosts config, outside the EU`;
  }
  if (Object.hasOwn(VENDORS, dep.vendor)) {
    const vendor = VENDORS[dep.vendor as VendorId];
    const act = vendor.cloudAct ? ", subject to the US CLOUD Act" : "";
    return `${what} is held by ${vendor.name} (${dep.service}, seat ${vendor.seat}${act}): ${dep.endpoint}, from ${dep.source}`;
  }
  return `who holds ${what} cannot be told (${dep.service}: ${dep.endpoint}, from ${dep.source})`;
}
