/**
 * Values the offline engine makes up where it cannot know the real one: a `secure:` config value it does not
 * decrypt, and a required key it fills under `--assume-config`. The engine writes them; policies and reports must
 * never judge them as a region, host or image, so every layer reads them from here.
 */
/** What a program reads for a `secure:` value. Policies treat it as "not known offline". */
export const SECRET_PLACEHOLDER = "offline-placeholder:secret-not-decrypted";
/** What a program reads for a required key filled under `--assume-config`. */
export const ASSUMED_PLACEHOLDER = "offline-placeholder:assumed";

/**
 * What a program reads for a text field of an invoke result no canned answer covers (the cloud would answer). Quoted,
 * so it is also a JSON document: programs that parse a looked-up value (an SSM parameter) go on.
 */
export const INVOKE_PLACEHOLDER = '"offline-placeholder:invoke-result"';

/** True when `value` is, or contains, a value the engine made up (a secret it did not decrypt, assumed config). */
export function isOfflinePlaceholder(value: unknown): boolean {
  return (
    typeof value === "string" &&
    (value.includes(SECRET_PLACEHOLDER) ||
      value.includes(ASSUMED_PLACEHOLDER) ||
      value.includes(INVOKE_PLACEHOLDER))
  );
}
