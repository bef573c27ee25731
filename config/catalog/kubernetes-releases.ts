/**
 * Upstream Kubernetes minor releases and their support windows, as kubernetes.io/releases/<minor>/ states them
 * (checked 2026-12-02). Upstream supports the three newest minors (N-2); a minor past its end of life gets no fixes.
 * Which of them the offline schema check can judge is config/kubernetes/sources.ts's business.
 */

export interface KubernetesRelease {
  /** The minor, `1.36`. */
  readonly minor: string;
  /** First release of the minor (`.0`). */
  readonly released: string;
  /** Upstream end of life: no patch after this date. */
  readonly endOfLife: string;
}

/** Source of every date below. */
export const KUBERNETES_RELEASES_SOURCE =
  "https://kubernetes.io/releases/ (per-minor pages), read 2026-12-02";

export const KUBERNETES_RELEASES: readonly KubernetesRelease[] = [
  { minor: "1.33", released: "2025-04-23", endOfLife: "2026-06-28" },
  { minor: "1.34", released: "2025-08-27", endOfLife: "2026-10-27" },
  { minor: "1.35", released: "2025-12-17", endOfLife: "2027-02-28" },
  { minor: "1.36", released: "2026-04-22", endOfLife: "2027-06-28" },
  { minor: "1.37", released: "2026-08-26", endOfLife: "2027-10-28" },
];

/** The minors upstream still patches on `day` (an ISO date). */
export function supportedMinors(day: string): string[] {
  return KUBERNETES_RELEASES.filter((r) => r.released <= day && day <= r.endOfLife).map(
    (r) => r.minor,
  );
}

/** `1.36`, `v1.36` and `1.36.2` all name the minor `1.36`; undefined when `text` names no minor. */
export function minorOf(text: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** Orders minors numerically (`1.9` before `1.10`). */
export function compareMinors(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
