/**
 * Values a policy cannot judge yet, and how it hands them back to the engine. Two kinds exist: a value unknown
 * during preview (computed by another resource), and a value the offline engine made up (a `secure:` config value
 * it could not decrypt, or config it assumed). Neither is ever judged as a region, host or image: the policy throws
 * CrossGuard's own `UnknownValueError`, which the engine reports as "can't run policy … during preview" and runs
 * again at update, when the value is known.
 */
import * as proxyModule from "@pulumi/policy/proxy";
import { isOfflinePlaceholder } from "../../domain/offline-placeholders";

/** The members of `@pulumi/policy/proxy` we use; the package marks them internal, so its typings omit them. */
interface ProxyModule {
  readonly unknownBooleanValue: string;
  readonly unknownNumberValue: string;
  readonly unknownStringValue: string;
  readonly unknownArrayValue: string;
  readonly unknownAssetValue: string;
  readonly unknownArchiveValue: string;
  readonly unknownObjectValue: string;
  readonly getSpecialProxyTarget: string;
  readonly isSpecialProxy: string;
  readonly UnknownValueError: new (sentinel: string, props: PropertyKey[]) => Error;
  unknownCheckingProxy<T extends object>(value: T): T;
}

/** CrossGuard's proxy module, typed: the same instance the engine's analyzer server uses. */
export const policyProxy = proxyModule as unknown as ProxyModule;

/** The values the engine sends for each kind of value unknown during preview. */
export const UNKNOWN_SENTINELS: ReadonlySet<unknown> = new Set([
  policyProxy.unknownBooleanValue,
  policyProxy.unknownNumberValue,
  policyProxy.unknownStringValue,
  policyProxy.unknownArrayValue,
  policyProxy.unknownAssetValue,
  policyProxy.unknownArchiveValue,
  policyProxy.unknownObjectValue,
]);

/** Why a value cannot be judged now. */
export type UnknownCause = "preview" | "offline";

/** The cause when `value` cannot be judged now, else undefined. */
export function unknownCause(value: unknown): UnknownCause | undefined {
  if (UNKNOWN_SENTINELS.has(value)) return "preview";
  return isOfflinePlaceholder(value) ? "offline" : undefined;
}

/**
 * The plain object behind CrossGuard's unknown-checking proxy (or `value` itself when it is not proxied). Policies
 * read the raw object so that an unknown field is a value they can name, not an exception thrown mid-check.
 */
export function rawOf<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  const proxied = value as Record<string, unknown>;
  return proxied[policyProxy.isSpecialProxy] === true
    ? (proxied[policyProxy.getSpecialProxyTarget] as T)
    : value;
}

/** A property path whose value cannot be judged now. */
export interface UnknownAt {
  readonly path: string;
  readonly cause: UnknownCause;
}

const CAUSE_TEXT: Readonly<Record<UnknownCause, string>> = {
  preview:
    "unknown during preview (computed by another resource); the engine runs this policy again at update, when the value is known",
  offline:
    "a secret or assumed config value the offline engine could not read; run `pulumi preview` with the stack's secrets to check it",
};

/**
 * CrossGuard's `UnknownValueError` with a message naming the fields and what happens next. The engine turns it into
 * an advisory "can't run policy … during preview: <message>" (pulumi/pulumi-policy server.js).
 */
export class DeferredToEngine extends policyProxy.UnknownValueError {
  constructor(readonly unknowns: readonly UnknownAt[]) {
    super(
      policyProxy.unknownStringValue,
      unknowns.map((u) => u.path),
    );
    this.message = deferralMessage(unknowns);
  }
}

/** `region is unknown during preview (…)`; one clause per cause. */
export function deferralMessage(unknowns: readonly UnknownAt[]): string {
  const causes = [...new Set(unknowns.map((u) => u.cause))];
  return causes
    .map((cause) => {
      const paths = [...new Set(unknowns.filter((u) => u.cause === cause).map((u) => u.path))];
      return `${paths.join(", ")} ${paths.length === 1 ? "is" : "are"} ${CAUSE_TEXT[cause]}`;
    })
    .join("; ");
}

/** Throws `DeferredToEngine` when anything was unknown; call it after reporting every known violation. */
export function deferUnknowns(unknowns: readonly UnknownAt[]): void {
  if (unknowns.length > 0) throw new DeferredToEngine(unknowns);
}
