/**
 * The DNS authority of every name a target serves: the names come from Ingress rules and TLS hosts, Gateway API
 * routes and cert-manager Certificates; each is answered by the zones the plan declares records in
 * (config/catalog/dns-services.ts), the longest matching zone first. A zone with records at two vendors is served
 * by both. A name no declared zone covers is delegated outside the plan: it cannot be attributed.
 */
import { DNS_ZONE_RESOURCES } from "../../config/catalog/dns-services";
import { packageOfType, vendorOfPackage } from "../../config/catalog/vendors";
import { seatOf, type Attribution } from "./attribute";
import type { Found } from "./found";
import { DependencyKind, UNATTRIBUTED } from "./model";
import { knownString, propsOf, valuesAt, type DependencyResource, type Json } from "./resources";

/** Fields that name the hosts an object serves, by type token. */
const HOST_FIELDS: readonly { readonly types: RegExp; readonly paths: readonly string[] }[] = [
  {
    types: /^kubernetes:(?:networking\.k8s\.io|extensions)\/v1(?:beta1)?:Ingress$/,
    paths: ["spec.rules[].host", "spec.tls[].hosts[]"],
  },
  {
    types: /^kubernetes:gateway\.networking\.k8s\.io\/v1(?:beta1|alpha2)?:(?:HTTP|GRPC|TLS)Route$/,
    paths: ["spec.hostnames[]"],
  },
  { types: /^kubernetes:cert-manager\.io\/v1:Certificate$/, paths: ["spec.dnsNames[]"] },
];

const normalise = (name: string) => name.toLowerCase().replace(/\.$/, "").replace(/^\*\./, "");

/** Zone → the vendors that serve records of it in this plan. */
export type ZoneIndex = ReadonlyMap<string, readonly Attribution[]>;

export function zoneIndex(resources: readonly DependencyResource[]): ZoneIndex {
  const zones = new Map<string, Attribution[]>();
  for (const r of resources) {
    const entry = Object.hasOwn(DNS_ZONE_RESOURCES, r.type)
      ? DNS_ZONE_RESOURCES[r.type]
      : undefined;
    if (!entry) continue;
    const props = propsOf(r);
    const parts = entry.zone.flatMap((key) => knownString(props[key]) ?? []);
    if (parts.length === 0) continue;
    const zone = normalise(parts.join("."));
    const vendor = vendorOfPackage(packageOfType(r.type))?.id ?? UNATTRIBUTED;
    const list = zones.get(zone) ?? [];
    if (!list.some((a) => a.vendor === vendor)) list.push({ vendor, country: seatOf(vendor) });
    zones.set(zone, list);
  }
  return zones;
}

/** The names an object serves, wildcards as their parent. */
export function servedNames(type: string, props: Json): string[] {
  const names = HOST_FIELDS.filter((f) => f.types.test(type)).flatMap((f) =>
    f.paths.flatMap((path) => valuesAt(props, path).flatMap((v) => knownString(v) ?? [])),
  );
  return [...new Set(names.map(normalise))];
}

function zoneOf(name: string, zones: ZoneIndex): string | undefined {
  let best: string | undefined;
  for (const zone of zones.keys())
    if ((name === zone || name.endsWith(`.${zone}`)) && zone.length > (best?.length ?? -1))
      best = zone;
  return best;
}

export function dnsOf(type: string, props: Json, zones: ZoneIndex): Found[] {
  const found = new Map<string, Found>();
  for (const name of servedNames(type, props)) {
    const zone = zoneOf(name, zones);
    if (zone === undefined) {
      found.set(`?${name}`, {
        kind: DependencyKind.dns,
        endpoint: name,
        vendor: UNATTRIBUTED,
        country: null,
        problem: `no DNS zone the plan declares records in covers '${name}', so whoever answers for it cannot be attributed; declare the zone's records in the program (sovereign:fleet.dns)`,
      });
      continue;
    }
    for (const a of zones.get(zone) ?? [])
      found.set(`${zone}\u0000${a.vendor}`, { kind: DependencyKind.dns, endpoint: zone, ...a });
  }
  return [...found.values()];
}
