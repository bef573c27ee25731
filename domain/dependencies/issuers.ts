/**
 * Certificate issuers: every cert-manager Issuer or ClusterIssuer that speaks ACME depends on its CA's directory
 * (config/catalog/certificate-authorities.ts), and every Ingress or Certificate naming an issuer depends on that
 * issuer's CA. An issuer named but not declared on the same target lives outside the plan: its CA cannot be
 * attributed.
 */
import { acmeAuthorityOf } from "../../config/catalog/certificate-authorities";
import type { Attribution } from "./attribute";
import type { Found } from "./found";
import { DependencyKind, UNATTRIBUTED, type TargetPlace } from "./model";
import {
  at,
  isRecord,
  knownString,
  propsOf,
  type DependencyResource,
  type Json,
} from "./resources";

const ISSUER_TYPE = /^kubernetes:cert-manager\.io\/v1:(?<kind>Cluster)?Issuer$/;

/** Annotations of Ingresses that ask cert-manager for a certificate, and the issuer kind each names. */
const ISSUER_ANNOTATIONS: Readonly<Record<string, string>> = {
  "cert-manager.io/cluster-issuer": "ClusterIssuer",
  "cert-manager.io/issuer": "Issuer",
};

interface DeclaredIssuer extends Attribution {
  readonly server: string;
}

/** `<target>\0<kind>\0<name>` → the ACME server an issuer declared in the plan uses. */
export type IssuerIndex = ReadonlyMap<string, DeclaredIssuer>;

const keyOf = (target: string, kind: string, name: string) => `${target}\u0000${kind}\u0000${name}`;

function acmeOf(props: Json): DeclaredIssuer | undefined {
  const server = knownString(at(props, ["spec", "acme", "server"]));
  if (server === undefined) return undefined;
  const ca = acmeAuthorityOf(server);
  return ca
    ? { server, vendor: ca.id, country: ca.country }
    : {
        server,
        vendor: UNATTRIBUTED,
        country: null,
        problem: `ACME server '${server}' is no CA in the catalog (config/catalog/certificate-authorities.ts)`,
      };
}

export function issuerIndex(
  resources: readonly DependencyResource[],
  targetOf: (r: DependencyResource) => TargetPlace | undefined,
): IssuerIndex {
  const index = new Map<string, DeclaredIssuer>();
  for (const r of resources) {
    const match = ISSUER_TYPE.exec(r.type);
    const target = match ? targetOf(r) : undefined;
    if (!match || !target) continue;
    const props = propsOf(r);
    const name = knownString(at(props, ["metadata", "name"]));
    const acme = acmeOf(props);
    const kind = match.groups?.kind ? "ClusterIssuer" : "Issuer";
    if (name && acme) index.set(keyOf(target.name, kind, name), acme);
  }
  return index;
}

/** The issuers an object names: Ingress annotations, a Certificate's `issuerRef`. */
function referencedIssuers(type: string, props: Json): { kind: string; name: string }[] {
  const refs: { kind: string; name: string }[] = [];
  const annotations = at(props, ["metadata", "annotations"]);
  if (type.endsWith(":Ingress") && isRecord(annotations))
    for (const [key, kind] of Object.entries(ISSUER_ANNOTATIONS)) {
      const name = knownString(annotations[key]);
      if (name) refs.push({ kind, name });
    }
  if (type === "kubernetes:cert-manager.io/v1:Certificate") {
    const name = knownString(at(props, ["spec", "issuerRef", "name"]));
    const kind = knownString(at(props, ["spec", "issuerRef", "kind"])) ?? "Issuer";
    if (name) refs.push({ kind, name });
  }
  return refs;
}

export function issuersOf(
  type: string,
  props: Json,
  target: TargetPlace,
  issuers: IssuerIndex,
): Found[] {
  const own = ISSUER_TYPE.test(type) ? acmeOf(props) : undefined;
  const found: Found[] = own
    ? [{ kind: DependencyKind.certificateIssuer, endpoint: own.server, ...own }]
    : [];
  for (const ref of referencedIssuers(type, props)) {
    const declared = issuers.get(keyOf(target.name, ref.kind, ref.name));
    found.push(
      declared
        ? { kind: DependencyKind.certificateIssuer, endpoint: declared.server, ...declared }
        : {
            kind: DependencyKind.certificateIssuer,
            endpoint: `${ref.kind} ${ref.name}`,
            vendor: UNATTRIBUTED,
            country: null,
            problem: `${ref.kind} ${ref.name} is not declared on target ${target.name} in the plan, so its ACME server cannot be attributed; declare the issuer in the program`,
          },
    );
  }
  return found;
}
