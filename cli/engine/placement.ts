/**
 * Where a recorded resource runs, for the report: vendor, canonical site and country. Policies decide verdicts;
 * this only describes the plan. Placement comes from the resource's package (config/catalog/vendors.ts), its
 * location inputs, else its provider's, read through the region policies' table (domain/locations.ts);
 * Kubernetes objects are placed by their provider's kubeconfig server, else by the `sovereign.eu/*` labels our
 * components set.
 */
import { yaml } from "./yaml";
import {
  isEuVendor,
  isNeutralPackage,
  packageOfType,
  vendorOfPackage,
} from "../../config/catalog/vendors";
import { placeOf } from "../../config/catalog/places";
import { ACCOUNT_KEYS, accountEntityOf } from "../../config/catalog/accounts";
import { KUBERNETES_ENDPOINTS, matchHost } from "../../config/catalog/hosts";
import { LABEL } from "../../domain/labels";
import {
  locationRuleOf,
  PROVIDER_LOCATION_FIELDS,
  type LocationField,
} from "../../domain/locations";
import { readPath } from "../../policies/lib/read";
import { isOfflinePlaceholder } from "../../domain/offline-placeholders";
import { isProviderType } from "./providers";
import { ROOT_STACK_TYPE, UNKNOWN, type RecordedResource } from "./recorder";

export interface Placed {
  /** Vendor id, or `neutral`, `component`, `unknown`. */
  readonly vendor: string;
  readonly region: string | null;
  readonly country: string | null;
  /** Placed from labels the program declares, not from an observed location. */
  readonly declared?: true;
}

/** The key of a place (`vendor|region|country`): two resources with the same key are at the same place. */
export const placeKey = (p: Pick<Placed, "vendor" | "region" | "country">) =>
  `${p.vendor}|${p.region ?? ""}|${p.country ?? ""}`;

export const NEUTRAL: Placed = { vendor: "neutral", region: null, country: null };
export const COMPONENT: Placed = { vendor: "component", region: null, country: null };
export const UNPLACED: Placed = { vendor: "unknown", region: null, country: null };

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** A usable location string: known, not a placeholder. */
function known(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" && v !== UNKNOWN && !isOfflinePlaceholder(v)
    ? v
    : undefined;
}

function placeByName(vendor: string, name: string | undefined): Placed | undefined {
  if (name === undefined || !isEuVendor(vendor)) return undefined;
  const place = placeOf(vendor, name);
  return place ? { vendor, region: place.site, country: place.country } : undefined;
}

/**
 * The first location `fields` give in `props` (a list's first element): a name, `null` when it is computed during
 * preview (a provider's default then says nothing about where it will be), undefined when none is set. A value the
 * offline check filled in for config it could not read is passed over.
 */
function locationIn(
  props: Record<string, unknown>,
  fields: readonly LocationField[],
): string | null | undefined {
  for (const field of fields) {
    const [first] = readPath(props, field.path);
    if (first?.kind === "unknown" && first.cause === "preview") return null;
    if (first?.kind === "value" && typeof first.value === "string") return first.value;
  }
  return undefined;
}

/** Reads the same location fields as the region policies (domain/locations.ts), first set one first. */
function placeVendorResource(
  vendor: string,
  r: RecordedResource,
  provider: RecordedResource | undefined,
): Placed {
  const pkg = packageOfType(r.type);
  const providerFields = PROVIDER_LOCATION_FIELDS[pkg] ?? [];
  const ownFields = isProviderType(r.type)
    ? providerFields
    : (locationRuleOf(r.type)?.fields ?? []);
  const own = locationIn(r.inputs, ownFields);
  // The resource's own location wins over its provider's, even when the catalog cannot place it.
  if (own !== undefined)
    return (
      (own === null ? undefined : placeByName(vendor, own)) ?? {
        vendor,
        region: null,
        country: null,
      }
    );
  const props = provider?.inputs ?? {};
  const placed = placeByName(vendor, locationIn(props, providerFields) ?? undefined);
  if (placed) return placed;
  // An account-scoped resource (OVHcloud) has no region but a contracting entity, whose country the report gives.
  const account = ACCOUNT_KEYS[pkg];
  const selector = account && (known(props[account.key]) ?? known(r.inputs[account.key]));
  const entity = account && selector ? accountEntityOf(account, selector) : undefined;
  return { vendor, region: null, country: entity?.country ?? null };
}

/** The API server host a kubeconfig's current (or chosen) context points at, or undefined. */
export function kubeconfigServerHost(
  kubeconfig: string,
  context?: string,
  cluster?: string,
): string | undefined {
  let doc: unknown;
  try {
    doc = yaml().parse(kubeconfig);
  } catch {
    return undefined;
  }
  const contextName = context ?? known(at(doc, ["current-context"]));
  const contexts = at(doc, ["contexts"]);
  const ctx = Array.isArray(contexts)
    ? contexts.find((c) => at(c, ["name"]) === contextName)
    : undefined;
  const clusterName = cluster ?? known(at(ctx, ["context", "cluster"]));
  const clusters = at(doc, ["clusters"]);
  if (!Array.isArray(clusters)) return undefined;
  const entry =
    clusterName === undefined && clusters.length === 1
      ? clusters[0]
      : clusters.find((c) => at(c, ["name"]) === clusterName);
  const server = known(at(entry, ["cluster", "server"]));
  if (!server) return undefined;
  try {
    return new URL(server).host;
  } catch {
    return undefined;
  }
}

function placeKubeconfig(props: Record<string, unknown>): Placed | undefined {
  // A secret part (a `secure:` token) leaves the plain server readable; kubeconfigServerHost reads only known parts.
  const kubeconfig = props.kubeconfig;
  if (typeof kubeconfig !== "string" || kubeconfig === UNKNOWN) return undefined;
  const host = kubeconfigServerHost(kubeconfig, known(props.context), known(props.cluster));
  const match = host === undefined ? undefined : matchHost(KUBERNETES_ENDPOINTS, host);
  if (!match) return undefined;
  return (
    placeByName(match.vendor, match.site) ?? { vendor: match.vendor, region: null, country: null }
  );
}

function placeByLabels(inputs: Record<string, unknown>): Placed | undefined {
  const labels = at(inputs, ["metadata", "labels"]);
  const vendor = known(at(labels, [LABEL.vendor]));
  if (!vendor) return undefined;
  const region = known(at(labels, [LABEL.region]));
  const placed = placeByName(vendor, region) ?? {
    vendor,
    region: region ?? null,
    country: known(at(labels, [LABEL.country])) ?? null,
  };
  return { ...placed, declared: true };
}

/**
 * Places resources; kubeconfig placements are cached per provider, so a cluster's thousand objects parse its
 * kubeconfig once.
 */
export function createPlacer(
  providerOf: (r: RecordedResource) => RecordedResource | undefined,
): (r: RecordedResource) => Placed {
  const byKubeProvider = new Map<string, Placed | undefined>();
  const kubeProviderPlace = (provider: RecordedResource): Placed | undefined => {
    if (!byKubeProvider.has(provider.urn))
      byKubeProvider.set(provider.urn, placeKubeconfig(provider.inputs));
    return byKubeProvider.get(provider.urn);
  };
  return (r) => {
    const pkg = packageOfType(r.type);
    if (pkg === "kubernetes") {
      const provider = r.type.startsWith("pulumi:providers:") ? r : providerOf(r);
      return (
        (provider && kubeProviderPlace(provider)) ??
        placeByLabels(r.inputs) ??
        (r.custom ? UNPLACED : COMPONENT)
      );
    }
    if (r.type === ROOT_STACK_TYPE) return NEUTRAL;
    // A remote component is its package's: the provider plugin builds what is inside.
    if (!r.custom && r.remote !== true) return COMPONENT;
    if (isNeutralPackage(pkg)) return NEUTRAL;
    const vendor = vendorOfPackage(pkg);
    return vendor ? placeVendorResource(vendor.id, r, providerOf(r)) : UNPLACED;
  };
}
