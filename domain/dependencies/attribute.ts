/**
 * Attributing an endpoint to the vendor that serves it and its country, through the catalogs' host tables: the
 * country of the site the host names, else the vendor's legal seat; `unknown` when no pattern matches.
 */
import { matchHost, type HostPattern } from "../../config/catalog/hosts";
import { placeOf } from "../../config/catalog/places";
import { isEuVendor, VENDORS } from "../../config/catalog/vendors";
import { UNATTRIBUTED } from "./model";

export interface Attribution {
  readonly vendor: string;
  readonly country: string | null;
  /** Why it could not be attributed. */
  readonly problem?: string;
}

/** The seat of a catalogued vendor, for endpoints that name no site (global registries, DNS). */
export function seatOf(vendor: string): string | null {
  return Object.hasOwn(VENDORS, vendor) ? VENDORS[vendor as keyof typeof VENDORS].seat : null;
}

export function attributeHost(table: readonly HostPattern[], host: string): Attribution {
  const match = matchHost(table, host);
  if (!match)
    return {
      vendor: UNATTRIBUTED,
      country: null,
      problem: `host '${host}' matches no pattern in the catalog (config/catalog/hosts.ts)`,
    };
  const place =
    match.site !== undefined && isEuVendor(match.vendor)
      ? placeOf(match.vendor, match.site)
      : undefined;
  return { vendor: match.vendor, country: place?.country ?? seatOf(match.vendor) };
}

/** Host and path of `oci://host/path`, `https://host/path`, `ssh://git@host/path` (scheme and user optional). */
export function hostAndPath(address: string): { host: string; path: string } {
  const bare = address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^[^/@]*@/, "");
  const slash = bare.indexOf("/");
  return slash < 0
    ? { host: bare, path: "" }
    : { host: bare.slice(0, slash), path: bare.slice(slash + 1).replace(/\/+$/, "") };
}
