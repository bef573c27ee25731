/**
 * The contracting entity behind a provider's API endpoint. An OVHcloud account on `ovh-us` is a contract with
 * OVHcloud US, whatever region its resources name: the account decides the law the data falls under. One row per
 * endpoint (name or URL host, as go-ovh accepts both); a new endpoint is one row.
 *
 * Source: ovh/go-ovh `ovh/ovh.go` endpoint table (../shared/facts/PROVIDERS.md §1.1).
 */
import type { OfferingId } from "./assurance-offerings";

export interface AccountEntity {
  readonly entity: string;
  /** ISO 3166-1 alpha-2 country of the contracting entity. */
  readonly country: string;
  /** The offering this entity sells (assurance-offerings.ts). */
  readonly offering: OfferingId;
}

export interface AccountKey {
  /** Provider input that selects the account's entity. */
  readonly key: string;
  /** The stack config key users set for the default provider. */
  readonly configKey: string;
  /** What the provider falls back to when the key is absent, which no policy can see. */
  readonly fallback: string;
  /** The value to suggest. */
  readonly suggested: string;
  readonly entities: Readonly<Record<string, AccountEntity>>;
}

const OVH_SAS: AccountEntity = { entity: "OVH SAS", country: "FR", offering: "ovhcloud" };
const OVH_CANADA: AccountEntity = {
  entity: "OVH Hosting Inc. (Canada)",
  country: "CA",
  offering: "ovhcloud-ca",
};
const OVH_US: AccountEntity = {
  entity: "OVHcloud US LLC",
  country: "US",
  offering: "ovhcloud-us",
};

/** OVHcloud's API endpoints: the account's contracting entity, hence its offering. */
export const OVH_ACCOUNT: AccountKey = {
  key: "endpoint",
  configKey: "ovh:endpoint",
  fallback: "the OVH_ENDPOINT environment variable or ~/.ovh.conf",
  suggested: "ovh-eu",
  entities: {
    "ovh-eu": OVH_SAS,
    "kimsufi-eu": OVH_SAS,
    "soyoustart-eu": OVH_SAS,
    "api.eu.ovhcloud.com": OVH_SAS,
    "eu.api.ovh.com": OVH_SAS,
    "eu.api.kimsufi.com": OVH_SAS,
    "eu.api.soyoustart.com": OVH_SAS,
    "ovh-ca": OVH_CANADA,
    "kimsufi-ca": OVH_CANADA,
    "soyoustart-ca": OVH_CANADA,
    "api.ca.ovhcloud.com": OVH_CANADA,
    "ca.api.kimsufi.com": OVH_CANADA,
    "ca.api.soyoustart.com": OVH_CANADA,
    "ovh-us": OVH_US,
    "api.us.ovhcloud.com": OVH_US,
  },
};

/** Provider packages whose account entity is chosen by an input, keyed by package. */
export const ACCOUNT_KEYS: Readonly<Record<string, AccountKey>> = { ovh: OVH_ACCOUNT };

/** The entity behind `value` (an endpoint name or URL), or undefined when the table does not know it. */
export function accountEntityOf(account: AccountKey, value: string): AccountEntity | undefined {
  const trimmed = value.trim().toLowerCase();
  const host =
    URL.canParse(trimmed) && /^https?:/.test(trimmed) ? new URL(trimmed).hostname : trimmed;
  return Object.hasOwn(account.entities, host) ? account.entities[host] : undefined;
}
