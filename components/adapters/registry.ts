/**
 * One adapter per provider, as a table keyed by `ProviderId`: a provider left out fails to compile, and shared code
 * never branches on the provider.
 */
import type { ProviderId, Target } from "../../config/schema";
import type { PlatformAdapter } from "../contract/types";
import { kubernetesAdapter } from "./kubernetes";
import { ovhcloudAdapter } from "./ovhcloud";
import { scalewayAdapter } from "./scaleway";

export type AdapterRegistry = {
  readonly [P in ProviderId]: PlatformAdapter<Extract<Target, { provider: P }>>;
};

export const ADAPTERS: AdapterRegistry = {
  scaleway: scalewayAdapter,
  ovhcloud: ovhcloudAdapter,
  kubernetes: kubernetesAdapter,
};

/** The adapter of a target's provider. */
export function adapterOf<T extends Target>(target: T): PlatformAdapter<T> {
  return ADAPTERS[target.provider] as unknown as PlatformAdapter<T>;
}

/** A secret config key (in `sovereign:`) an adapter reads beyond those the target names itself. */
export interface AdapterSecretKey {
  readonly key: string;
  readonly target: string;
  readonly holds: string;
}

/**
 * Per provider, the secret keys its adapter reads for a target. None today: database passwords are generated
 * (random.RandomPassword, or by OVHcloud) and kept in state, so a managed target plans with no secret set.
 */
const ADAPTER_SECRET_KEYS: {
  readonly [P in ProviderId]: (t: Extract<Target, { provider: P }>) => AdapterSecretKey[];
} = {
  scaleway: () => [],
  ovhcloud: () => [],
  kubernetes: () => [],
};

/** The secret keys the adapter of `target` reads beyond `secretKeysOf` (config/schema.ts). */
export function adapterSecretKeysOf(target: Target): AdapterSecretKey[] {
  return (ADAPTER_SECRET_KEYS[target.provider] as (t: Target) => AdapterSecretKey[])(target);
}
