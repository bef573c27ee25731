/**
 * Exemptions as reviewed data: a resource (URN or name pattern), the policy it is exempt from, who owns the
 * decision, why, and until when. `withExemptions` wraps a policy so a matching violation is suppressed while the
 * exemption is valid and reported again, with the exemption named, once it has expired. Every match is recorded,
 * so reports (the offline engine, via `exemptionUses`) list each exemption in use.
 */
import type { ReportViolation } from "@pulumi/policy";
import { z } from "zod";
import { isoDate } from "../../config/iso-date";
import { isStackPolicy, type ScopedValidation, type SovereignPolicy } from "./define";

export const exemptionSchema = z
  .object({
    /** Policy name the exemption applies to. */
    policy: z.string().min(1),
    /** A URN (`urn:pulumi:…`) or a logical-name pattern; `*` matches any run of characters. */
    resource: z.string().min(1),
    /** Team or person accountable for the exemption. */
    owner: z.string().min(1),
    /** Why the violation is accepted, in one sentence. */
    reason: z.string().min(1),
    /** Last day (UTC) the exemption holds; from the next day the violation is reported again. */
    expires: isoDate,
    /** `waiver`: accepted risk; `mitigated`: handled elsewhere (Azure Policy's categories). @default "waiver" */
    category: z.enum(["waiver", "mitigated"]).default("waiver"),
  })
  .strict();
export type Exemption = z.output<typeof exemptionSchema>;

/** The exemptions of a reviewed file, or an error naming each bad entry and field. */
export function parseExemptions(raw: unknown, source = "policies/exemptions.json"): Exemption[] {
  const result = z.array(exemptionSchema).safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `[${i.path.join(".")}] ${i.message}`);
  throw new Error(`${source} is not a valid exemption list: ${problems.join("; ")}`);
}

/** One exemption that matched at least one violation (same shape as the report's `ExemptionInUse`). */
export interface ExemptionUse {
  readonly policy: string;
  readonly resource: string;
  readonly owner: string;
  readonly reason: string;
  readonly expires: string;
  readonly expired: boolean;
  readonly matched: readonly string[];
}

/** Collects exemption matches across policies; the offline engine reads it after a run. */
export class ExemptionRecorder {
  private readonly uses = new Map<Exemption, { expired: boolean; matched: Set<string> }>();

  record(exemption: Exemption, expired: boolean, urn: string): void {
    const use = this.uses.get(exemption) ?? { expired, matched: new Set<string>() };
    use.matched.add(urn);
    this.uses.set(exemption, use);
  }

  /** Every exemption that matched, in the order first matched. */
  list(): ExemptionUse[] {
    return [...this.uses].map(([e, use]) => ({
      policy: e.policy,
      resource: e.resource,
      owner: e.owner,
      reason: e.reason,
      expires: e.expires,
      expired: use.expired,
      matched: [...use.matched],
    }));
  }

  clear(): void {
    this.uses.clear();
  }
}

/** The recorder packs use unless given another. */
export const EXEMPTION_USES = new ExemptionRecorder();

/** Exemptions that matched in this process, for reports. */
export function exemptionUses(): ExemptionUse[] {
  return EXEMPTION_USES.list();
}

const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .split("*")
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );

/** True when the exemption's resource pattern covers `urn` (by URN, or by the logical name at its end). */
export function exemptionCovers(exemption: Exemption, urn: string): boolean {
  const pattern = globToRegExp(exemption.resource);
  if (exemption.resource.startsWith("urn:")) return pattern.test(urn);
  return pattern.test(urn.slice(urn.lastIndexOf("::") + 2));
}

/** True from the day after `expires` (UTC). */
export function isExpired(exemption: Exemption, now: Date): boolean {
  return now.toISOString().slice(0, 10) > exemption.expires;
}

export interface ExemptionOptions {
  /** Where matches are recorded. @default EXEMPTION_USES */
  readonly recorder?: ExemptionRecorder;
  /** The clock expiry is judged by. @default - the current time */
  readonly now?: () => Date;
}

/** `policy` with `exemptions` applied to its violations; the policy itself is not changed. */
export function withExemptions<P extends SovereignPolicy>(
  policy: P,
  exemptions: readonly Exemption[],
  opts: ExemptionOptions = {},
): P {
  const mine = exemptions.filter((e) => e.policy === policy.name);
  if (mine.length === 0) return policy;
  const recorder = opts.recorder ?? EXEMPTION_USES;
  const now = opts.now ?? (() => new Date());

  const filter =
    (report: ReportViolation, resourceUrn: string | undefined): ReportViolation =>
    (message, urn) => {
      const target = urn ?? resourceUrn ?? "";
      const exemption = mine.find((e) => exemptionCovers(e, target));
      if (!exemption) return report(message, urn);
      const expired = isExpired(exemption, now());
      recorder.record(exemption, expired, target);
      if (!expired) return undefined;
      return report(
        `${message} (exemption '${exemption.resource}' owned by ${exemption.owner} expired on ${exemption.expires}: fix the resource or renew the exemption in policies/exemptions.json)`,
        urn,
      );
    };

  if (isStackPolicy(policy)) {
    return {
      ...policy,
      validateStack: (args, report) => policy.validateStack(args, filter(report, undefined)),
    };
  }
  const validations = [policy.validateResource].flat();
  return {
    ...policy,
    validateResource: validations.map((validate) => {
      const filtered = (args: Parameters<typeof validate>[0], report: ReportViolation) =>
        validate(args, filter(report, args.urn));
      // A scoped validation stays scoped: exemptions only filter what it reports.
      const { appliesTo } = validate as Partial<ScopedValidation>;
      return appliesTo ? Object.assign(filtered, { appliesTo }) : filtered;
    }),
  };
}
