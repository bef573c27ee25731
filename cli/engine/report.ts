import type { Dependency } from "../../domain/dependencies";
import type { Survival } from "../../domain/survival";

/**
 * The result of one `sovereign check`: what every output format renders. `--format json` prints exactly this
 * (the contract in README.md); the other formats are views of it. Secret values never enter a report: resources
 * carry no inputs here, only their placement.
 */
import type { SovereigntyReport } from "../../domain/assurance/summary";
import type { ToolchainDependency } from "../../domain/toolchain";

export interface PlannedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Vendor id from the catalog, `neutral` for location-less packages, `unknown` when nothing places it. */
  readonly vendor: string;
  /** Canonical site id, or null when the resource has no place (components, neutral packages). */
  readonly region: string | null;
  readonly country: string | null;
  readonly parent: string | null;
  /** Where the program declared it (`stacks/deploy.ts:42`), when the engine could tell. */
  readonly source?: { readonly file: string; readonly line: number };
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  /**
   * True when the place comes from what the program declares (the `sovereign.eu/*` labels, or for a Kubernetes
   * provider whose kubeconfig is not readable offline, the labels of the objects it deploys) rather than from an
   * observed location (a region input, a kubeconfig's API server).
   */
  readonly declared?: true;
  /** The fleet target the resource belongs to (`sovereign.eu/target` label), when declared. */
  readonly target?: string;
  /** The workload a pod-bearing object runs (`app.kubernetes.io/name` label, else its name). */
  readonly workload?: string;
  /** Replicas a Deployment, StatefulSet or ReplicaSet asks for, when known. */
  readonly replicas?: number;
}

export type ReportedLevel = "mandatory" | "advisory";

export interface ReportedViolation {
  readonly pack: string;
  readonly policy: string;
  readonly enforcementLevel: ReportedLevel;
  /** The resource in violation, or null for a stack-level violation. */
  readonly urn: string | null;
  readonly message: string;
  readonly severity?: "low" | "medium" | "high" | "critical";
}

/** An exemption that matched at least one violation in this run (expired ones turn back into violations). */
export interface ExemptionInUse {
  readonly policy: string;
  readonly resource: string;
  readonly owner: string;
  readonly reason: string;
  readonly expires: string;
  readonly expired: boolean;
  /** URNs it suppressed. */
  readonly matched: readonly string[];
}

export interface PolicySummary {
  readonly pack: string;
  readonly policy: string;
  readonly description: string;
  readonly enforcementLevel: "mandatory" | "advisory" | "disabled" | "remediate";
  readonly severity?: string;
  readonly remediationSteps?: string;
}

export interface CheckReport {
  readonly project: string;
  readonly stack: string;
  readonly resources: readonly PlannedResource[];
  readonly violations: readonly ReportedViolation[];
  readonly summary: {
    readonly resources: number;
    readonly mandatory: number;
    readonly advisory: number;
  };
  /** Packs and policies that ran, for SARIF rules and JUnit cases. */
  readonly policies: readonly PolicySummary[];
  readonly exemptions: readonly ExemptionInUse[];
  /** Config keys filled with a placeholder under `--assume-config`. */
  readonly assumedConfig: readonly string[];
  /** Invokes no canned answer covered: their results were empty. */
  readonly unansweredInvokes: readonly string[];
  /** What the engine could not see or had to stand in for (ESC environments, Helm charts not rendered). */
  readonly notes?: readonly string[];
  /** Every run-time dependency of every target, attributed to a vendor and country (domain/dependencies). */
  readonly dependencies?: readonly Dependency[];
  /** Per vendor lost: the capacity left on targets that keep every serving dependency (domain/survival.ts). */
  readonly survival?: readonly Survival[];
  /**
   * Graded sovereignty under the EU Cloud Sovereignty Framework: SEAL and score per objective, overall, per
   * offering relied on and per workload (docs/sovereignty.md). Absent from reports made before it existed.
   */
  readonly sovereignty?: SovereigntyReport;
  /**
   * Where the stack's state and the key of its secrets would live, each attributed to a vendor and country
   * (domain/toolchain.ts). Absent from reports made before it existed.
   */
  readonly toolchain?: readonly ToolchainDependency[];
  /** Sections other modules add (the fleet exit report), keyed by id. */
  readonly sections?: Readonly<Record<string, unknown>>;
}
