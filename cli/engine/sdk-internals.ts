/**
 * The engine leans on a few internals of `@pulumi/pulumi` (the mock monitor's registration path, `waitForRPCs`,
 * the promise and stack-trace helpers, the modules it loads at start). Each module that uses one declares it here
 * with the SDK versions its use was verified against; with the program's SDK outside that range, or the internal
 * missing, the module falls back to Pulumi's public behaviour and the report says so. A run that then records no
 * root stack or fewer registrations than the program declared stops with exit 2 (completeness.ts).
 */

/** Versions of @pulumi/pulumi from `from` (inclusive) to `below` (exclusive). */
export interface VerifiedRange {
  readonly from: string;
  readonly below: string;
}

/** An internal of @pulumi/pulumi the engine uses, the versions it was verified against, and what replaces it. */
export interface SdkInternal {
  readonly name: string;
  readonly verified: VerifiedRange;
  /** The public behaviour used instead, as the report says it. */
  readonly fallback: string;
}

/** The SDK every internal was verified against: the one package.json pins (~3.248.0). */
export const VERIFIED_SDK: VerifiedRange = { from: "3.248.0", below: "3.249.0" };

/** `3.248.1-alpha.2` → [3, 248, 1]; a pre-release sorts with its release (close enough to refuse nothing). */
function numbers(version: string): number[] {
  return version
    .replace(/[-+].*$/, "")
    .split(".")
    .map((part) => Number.parseInt(part, 10) || 0);
}

function compare(a: string, b: string): number {
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < 3; i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when `version` lies in `range`. */
export function isVerified(version: string, range: VerifiedRange): boolean {
  return compare(version, range.from) >= 0 && compare(version, range.below) < 0;
}

/** The internals a run could not use, one per name, in the order they were met. */
export class InternalsInUse {
  readonly #fellBack = new Map<string, SdkInternal>();

  constructor(readonly sdkVersion: string) {}

  /** True when `internal` may be used with this SDK; else records the fallback and returns false. */
  use(internal: SdkInternal, present = true): boolean {
    if (present && isVerified(this.sdkVersion, internal.verified)) return true;
    this.#fellBack.set(internal.name, internal);
    return false;
  }

  /** What the report says about the fallbacks, or nothing when every internal was used. */
  notes(): string[] {
    return [...this.#fellBack.values()].map(
      (i) =>
        `@pulumi/pulumi ${this.sdkVersion} (the program's) is outside the versions the engine verified ${i.name} against (>=${i.verified.from} <${i.verified.below}) or lacks it: ${i.fallback}`,
    );
  }
}
