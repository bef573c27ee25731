/**
 * Judging a host name (a Kubernetes API server, a container registry) through the catalog's host patterns:
 * the vendor that runs it, the site it names, and whether the pack config allows it explicitly.
 */
import type { JurisdictionGroup } from "../../config/catalog/jurisdictions";
import { matchHost, type HostPattern } from "../../config/catalog/hosts";
import { isEuVendor, VENDORS } from "../../config/catalog/vendors";
import { judgeSite } from "../../domain/placement";

export type HostVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Lower-cased host without port (an IPv6 literal, with its many colons, is kept whole). */
export const bareHost = (host: string): string => {
  const h = host.trim().toLowerCase();
  return /^[^:]+:\d+$/.test(h) ? h.slice(0, h.lastIndexOf(":")) : h;
};

/**
 * True when `host` (and `path`, for registries) matches an allow-list entry: `host`, `*.domain` (any subdomain)
 * or `host/path-prefix` (matched at a `/` boundary, so `harbor.eu/team` never admits `harbor.eu/team-b`).
 */
export function allowListed(entries: readonly string[], host: string, path = ""): boolean {
  const h = bareHost(host);
  return entries.some((entry) => {
    const slash = entry.indexOf("/");
    const entryHost = bareHost(slash < 0 ? entry : entry.slice(0, slash));
    const entryPath = slash < 0 ? "" : entry.slice(slash + 1).replace(/\/+$/, "");
    const hostOk = entryHost.startsWith("*.") ? h.endsWith(entryHost.slice(1)) : h === entryHost;
    return hostOk && (entryPath === "" || path === entryPath || path.startsWith(`${entryPath}/`));
  });
}

/**
 * Places `host` with `table`. `what` names it in the reason (`API server 'https://…'`), `fix` ends every reason
 * with what the user can change.
 */
export function judgeHost(
  table: readonly HostPattern[],
  host: string,
  group: JurisdictionGroup,
  what: string,
  fix: string,
): HostVerdict {
  const match = matchHost(table, bareHost(host));
  if (!match) {
    return {
      ok: false,
      reason: `${what} cannot be placed: host '${bareHost(host)}' matches no pattern in the catalog (config/catalog/hosts.ts). ${fix}`,
    };
  }
  const vendor = VENDORS[match.vendor];
  if (!isEuVendor(match.vendor)) {
    const act = vendor.cloudAct ? ", subject to the US CLOUD Act" : "";
    const runBy = match.label === vendor.name ? "" : `, run by ${vendor.name}`;
    return {
      ok: false,
      reason: `${what} is ${match.label}${runBy} (seat ${vendor.seat}${act}), which is not an EU vendor. ${fix}`,
    };
  }
  if (match.site === undefined) {
    return {
      ok: false,
      reason: `${what} is ${match.label}, but its host names no site, so it cannot be placed. ${fix}`,
    };
  }
  const site = judgeSite(
    match.vendor,
    match.site,
    group,
    `${what} (${match.label}, site '${match.site}')`,
  );
  return site.ok ? { ok: true } : { ok: false, reason: site.reason };
}
