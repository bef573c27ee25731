/** "Did you mean": the known name a mistyped one most likely meant. */

/** Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known name closest to `name` when it is close enough to be a typo: the same name in another case, or at
 * most two edits away and fewer edits than half its length (`prd` → `prod`, not `dev` → `prod`).
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const typo = distance === 0 || (distance <= 2 && distance * 2 < Math.max(name.length, 2));
    if (typo && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}
