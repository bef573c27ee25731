/**
 * Required config the stack does not set. Pulumi's `config.require*` throws ConfigMissingError at the first
 * missing key; the engine wraps the `require*` methods of the program's own `Config` class instead, fills the key
 * with a placeholder and lets the program go on, so one run names every missing key once. Without
 * `--assume-config` the run then fails listing them; with it, the plan is checked and the keys are reported.
 */
import type * as PulumiModule from "@pulumi/pulumi";
import type { ProgramConfig } from "./config";
import { ASSUMED_PLACEHOLDER, SECRET_PLACEHOLDER } from "../../domain/offline-placeholders";

type Pulumi = typeof PulumiModule;

export interface MissingKey {
  readonly key: string;
  /** Read with a `requireSecret*` method: the fix is `pulumi config set --secret`. */
  readonly secret: boolean;
}

type Kind = "string" | "boolean" | "number" | "object";

/** Every `require*` method, with what it reads. */
const REQUIRE_METHODS: Readonly<Record<string, { readonly kind: Kind; readonly secret: boolean }>> =
  {
    require: { kind: "string", secret: false },
    requireSecret: { kind: "string", secret: true },
    requireBoolean: { kind: "boolean", secret: false },
    requireSecretBoolean: { kind: "boolean", secret: true },
    requireNumber: { kind: "number", secret: false },
    requireSecretNumber: { kind: "number", secret: true },
    requireObject: { kind: "object", secret: false },
    requireSecretObject: { kind: "object", secret: true },
  };

/** The placeholder each kind parses to. */
const PLACEHOLDERS: Readonly<Record<Kind, (secret: boolean) => string>> = {
  string: (secret) => (secret ? SECRET_PLACEHOLDER : ASSUMED_PLACEHOLDER),
  boolean: () => "false",
  number: () => "0",
  // An empty list reads as an empty object too (no keys, no entries) and also maps and iterates.
  object: () => "[]",
};

function missingKeyOf(e: unknown): string | undefined {
  if (e === null || typeof e !== "object") return undefined;
  const err = e as { constructor?: { name?: string }; key?: unknown };
  return err.constructor?.name === "ConfigMissingError" && typeof err.key === "string"
    ? err.key
    : undefined;
}

export interface RequiredConfigGuard {
  /** Keys the program required and the stack did not set, in the order first asked for. */
  readonly missing: MissingKey[];
  /** Puts the original methods back. */
  restore(): void;
}

/** Wraps `pulumi.Config.prototype.require*` so a missing key is filled with a placeholder and recorded. */
export function guardRequiredConfig(pulumi: Pulumi, config: ProgramConfig): RequiredConfigGuard {
  const values: Record<string, string> = { ...config.values };
  const secrets = new Set(config.secretKeys);
  const missing: MissingKey[] = [];
  const proto = pulumi.Config.prototype as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();

  const fill = (key: string, kind: Kind, secret: boolean, opts: unknown) => {
    const allowed = (opts as { allowedValues?: unknown[] } | undefined)?.allowedValues;
    values[key] = typeof allowed?.[0] === "string" ? allowed[0] : PLACEHOLDERS[kind](secret);
    if (secret) secrets.add(key);
    if (!missing.some((m) => m.key === key)) missing.push({ key, secret });
    pulumi.runtime.setAllConfig(values, [...secrets]);
  };

  for (const [method, { kind, secret }] of Object.entries(REQUIRE_METHODS)) {
    const original = proto[method];
    if (typeof original !== "function") continue;
    originals.set(method, original);
    proto[method] = function (this: unknown, ...args: unknown[]) {
      try {
        return original.apply(this, args);
      } catch (e) {
        const key = missingKeyOf(e);
        if (key === undefined) throw e;
        fill(key, kind, secret, args[1]);
        return original.apply(this, args);
      }
    };
  }
  return {
    missing,
    restore: () => {
      for (const [method, original] of originals) proto[method] = original;
    },
  };
}

/** The fix for one missing key, as the Pulumi CLI spells it. */
export function fixFor(m: MissingKey, stack: string): string {
  return `pulumi config set${m.secret ? " --secret" : ""} ${m.key} <value> -s ${stack}`;
}
