/**
 * One adapter per provider, as a table keyed by `ProviderId`: a provider left out fails to compile, and shared code
 * never branches on the provider.
 */
import type { ProviderId, Target } from "../../config/schema";
import type { PlatformAdapter } from "../contract/types";
import { kubernetesAdapter } from "./kubernetes";
import { ovhcloudAdapter } from "./ovhcloud";
import { scalewayAdapter } from "./scaleway";
import { PASSWORD_SEED_KEY } from "./common";

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

const seedFor = (target: string): AdapterSecretKey => ({
  key: PASSWORD_SEED_KEY,
  target,
  holds: "seed of the derived database passwords",
});

/** Per provider, the secret keys its adapter reads for a target: the password seed where it sets passwords. */
const ADAPTER_SECRET_KEYS: {
  readonly [P in ProviderId]: (t: Extract<Target, { provider: P }>) => AdapterSecretKey[];
} = {
  scaleway: (t) => (t.database.enabled ? [seedFor(t.name)] : []),
  // OVHcloud generates the database user's password itself.
  ovhcloud: () => [],
  kubernetes: (t) => (t.database.mode === "in-cluster" ? [seedFor(t.name)] : []),
};

/** The secret keys the adapter of `target` reads beyond `secretKeysOf` (config/schema.ts). */
export function adapterSecretKeysOf(target: Target): AdapterSecretKey[] {
  return (ADAPTER_SECRET_KEYS[target.provider] as (t: Target) => AdapterSecretKey[])(target);
}
