/**
 * Database passwords the platform sets itself (Scaleway managed PostgreSQL, CloudNativePG): one
 * `random.RandomPassword` per role, kept (encrypted) in the stack's state, so a plan needs no secret and a password
 * changes only when its keepers do. `database.passwordRotation` is the keeper users change to rotate.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

/**
 * Shape of every generated password. Scaleway's RDB API wants 8-128 characters with at least one digit, one
 * upper-case, one lower-case and one special character (scaleway-sdk-js, packages/clients/src/api/rdb/v1/
 * types.gen.ts, CreateInstanceRequest.password / CreateUserRequest.password); the specials are URL-safe
 * (`-` and `_`) so a DSN built from the password needs no escaping.
 */
export const PASSWORD_SHAPE = {
  length: 32,
  special: true,
  overrideSpecial: "-_",
  minUpper: 1,
  minLower: 1,
  minNumeric: 1,
  minSpecial: 1,
} as const;

/** What a password is drawn for: the database role and the rotation the target's config asks for. */
export interface PasswordFor {
  readonly role: string;
  /** `database.passwordRotation` of the target; changing it draws a new password. */
  readonly rotation: string | undefined;
}

/** Keepers of a role's password: a new value of any of them replaces the password. Pure. */
export function passwordKeepers(wanted: PasswordFor): Record<string, string> {
  return { role: wanted.role, rotation: wanted.rotation ?? "" };
}

/** Child `${name}-${role}-password` (role kebab-cased): the generated password, secret. */
export function databasePassword(
  name: string,
  wanted: PasswordFor,
  parent: pulumi.Resource,
): pulumi.Output<string> {
  const password = new random.RandomPassword(
    `${name}-${wanted.role.replace(/_/g, "-")}-password`,
    { ...PASSWORD_SHAPE, keepers: passwordKeepers(wanted) },
    // The default `random` provider: no cloud provider applies, so only the parent is passed.
    { parent },
  );
  return pulumi.secret(password.result);
}
