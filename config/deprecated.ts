/**
 * Config keys Sovereign Deploy no longer reads. Contracts change only by adding, so a stack that still sets one
 * keeps working: the key is accepted, ignored, and named in a warning that says what replaced it.
 */

/** Deprecated `sovereign:` keys (without the namespace) and what replaced each. */
export const DEPRECATED_KEYS: Readonly<Record<string, string>> = {
  passwordSeed:
    "database passwords are now random.RandomPassword resources kept in the stack's state (rotate them with " +
    "targets[].database.passwordRotation); remove the key with: pulumi config rm sovereign:passwordSeed",
};

/** True when `key` is deprecated: accepted and ignored. */
export function isDeprecatedKey(key: string): boolean {
  return Object.hasOwn(DEPRECATED_KEYS, key);
}

/** One warning per deprecated key the stack sets, in the order given. Pure. */
export function deprecationWarnings(keys: readonly string[]): string[] {
  return keys
    .filter(isDeprecatedKey)
    .map((key) => `sovereign:${key} is deprecated and ignored: ${DEPRECATED_KEYS[key]}`);
}
