/**
 * The container's environment: the workload's plain variables, then one `secretKeyRef` per key of each wired
 * connection. Pure, so the wiring and its collisions are tested without a runtime.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { CONNECTIONS, type ConnectionName } from "./secrets";

type EnvVar = k8s.types.input.core.v1.EnvVar;

/** A wired connection and the name of the Secret that holds its values. */
export interface ConnectionSecretRef {
  readonly connection: ConnectionName;
  readonly secretName: pulumi.Input<string>;
}

/** Plain variables sorted by name, so reordering the config never rolls the pods. */
export function plainEnv(env: Readonly<Record<string, string>>): EnvVar[] {
  return Object.keys(env)
    .sort()
    .map((name) => ({ name, value: env[name] }));
}

/** One variable per key of the connection, each read from the Secret's key of the same name. */
export function secretEnv(ref: ConnectionSecretRef): EnvVar[] {
  return CONNECTIONS[ref.connection].keys.map((key) => ({
    name: key,
    valueFrom: { secretKeyRef: { name: ref.secretName, key, optional: false } },
  }));
}

/** The whole environment: plain variables first, then the connections in the order given. */
export function containerEnv(
  env: Readonly<Record<string, string>>,
  refs: readonly ConnectionSecretRef[],
): EnvVar[] {
  return [...plainEnv(env), ...refs.flatMap(secretEnv)];
}

/**
 * Plain variables that a wired connection also sets, with the connection that owns each; the workload must not
 * override a connection's value (two entries of one name make Kubernetes keep the last, silently).
 */
export function envCollisions(
  env: Readonly<Record<string, string>>,
  connections: readonly ConnectionName[],
): { name: string; connection: ConnectionName }[] {
  return connections.flatMap((connection) =>
    CONNECTIONS[connection].keys
      .filter((key) => Object.hasOwn(env, key))
      .map((name) => ({ name, connection })),
  );
}
