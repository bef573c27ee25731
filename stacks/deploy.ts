/**
 * The stack's composition, pure of `pulumi.Config`: one Platform per target (placed from the catalog, labelled,
 * protected in production), each target's share of every workload's replicas, and the fleet when
 * `sovereign:fleet` is set. `stacks/index.ts` reads the config and calls `deploy`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { placeOf } from "../config/catalog/places";
import { replicasByTarget } from "../domain/fleet-math";
import { vendorOfTarget, type StackConfig, type Target } from "../config/schema";
import { placementLabels } from "../components/contract/labels";
import type { Placement, TargetContext, TargetSecrets } from "../components/contract/types";
import { deployFleet, sharedHostOf, type Fleet } from "../components/fleet";
import { Platform, type ConnectionDetails, type PlatformWorkload } from "../components/platform";

/** What the stack exports per target. */
export interface TargetExports {
  /** Public address of the target's ingress controller. */
  readonly ingress: pulumi.Output<string>;
  /** Secret. */
  readonly connections: pulumi.Output<ConnectionDetails>;
}

export interface Deployment {
  readonly platforms: Readonly<Record<string, Platform>>;
  /** Present when `sovereign:fleet` is set. */
  readonly fleet?: Fleet;
  readonly exports: Readonly<Record<string, TargetExports>>;
}

/** Where a target runs, from the catalog; the schema has already refused regions the catalog cannot place. */
export function placementOf(target: Target): Placement {
  const vendor = vendorOfTarget(target);
  const place = placeOf(vendor, target.region);
  if (place === undefined) {
    throw new Error(
      `target ${target.name}: region ${target.region} of ${vendor} is not in config/catalog/regions.ts; ` +
        `parse the config with parseStackConfig before deploying it`,
    );
  }
  return {
    vendor,
    site: place.site,
    region: target.region,
    country: place.country,
    jurisdiction: place.jurisdiction,
  };
}

/** Everything the adapters know of one target. Protection defaults to on in `prod`. */
export function contextOf(
  config: StackConfig,
  target: Target,
  secrets: TargetSecrets,
  stack: string,
): TargetContext {
  const placement = placementOf(target);
  return {
    target,
    placement,
    stack,
    environment: config.environment,
    protect: target.protect ?? config.environment === "prod",
    secrets,
    labels: placementLabels(target.name, placement),
  };
}

/**
 * The workloads each target runs, with its share of their replicas (domain/fleet-math.ts: fixed counts, then
 * `sovereign:fleet` weights, largest remainder). A target whose share is 0 does not run the workload.
 */
export function workloadsByTarget(config: StackConfig): Record<string, PlatformWorkload[]> {
  const replicas = replicasByTarget(config);
  return Object.fromEntries(
    config.targets.map((t) => [
      t.name,
      config.workloads
        .map((workload) => ({
          workload,
          replicas: replicas[workload.name]?.[t.name] ?? 0,
          // The fleet's DNS sends the shared host to every target, so every target's Ingress must answer it.
          aliases: config.fleet ? [sharedHostOf(workload, config.domain)] : [],
        }))
        .filter((w) => w.replicas > 0),
    ]),
  );
}

/** Lets the runtime carry the registrations declared so far as far as they go. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Deploys the stack: one Platform per target (named after it), its workloads, then the fleet over them.
 *
 * Pulumi registers every declared resource concurrently, one step of each in turn, so whatever a registration
 * holds on to stays alive until every other one has taken the same step: declaring a large stack at once keeps
 * all of it in memory. The runtime takes each workload's registrations as far as they go before the next is
 * declared, and so the fleet its DNS records (250 workloads on four targets: 0.7 GB instead of 2.7 GB, and half the
 * time, in the offline check).
 */
export async function deploy(
  config: StackConfig,
  secrets: TargetSecrets,
  stack: string,
): Promise<Deployment> {
  const assigned = workloadsByTarget(config);
  const platforms = Object.fromEntries(
    config.targets.map((target) => [
      target.name,
      new Platform(target.name, {
        context: contextOf(config, target, secrets, stack),
        domain: config.domain,
        images: config.images,
        certificates: config.certificates,
        workloadImages: (assigned[target.name] ?? []).map((w) => w.workload.image),
      }),
    ]),
  );
  for (const target of config.targets) {
    const platform = platforms[target.name] as Platform;
    for (const workload of assigned[target.name] ?? []) {
      platform.addWorkload(workload);
      await nextTurn();
    }
  }
  const fleet =
    config.fleet &&
    deployFleet("fleet", {
      config,
      pace: nextTurn,
      platforms: config.targets.map((target) => {
        const platform = platforms[target.name] as Platform;
        return {
          target,
          contract: platform.contract,
          workloads: (assigned[target.name] ?? []).map(({ workload, replicas }) => ({
            name: workload.name,
            replicas,
            host: (platform.workloads[workload.name] as NonNullable<Platform["workloads"][string]>)
              .host,
          })),
        };
      }),
    });
  await fleet?.declared;
  const exports = Object.fromEntries(
    Object.entries(platforms).map(([name, p]) => [
      name,
      { ingress: p.ingressAddress, connections: p.connections },
    ]),
  );
  return { platforms, fleet, exports };
}
