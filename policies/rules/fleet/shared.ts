/** Metadata and wording the fleet policies share. */

/** The EU regulation whose ICT concentration-risk and backup articles these policies implement. */
export const DORA = {
  name: "DORA",
  version: "Regulation (EU) 2022/2554",
  reference: "https://eur-lex.europa.eu/eli/reg/2022/2554/oj",
};

export const FLEET_TAGS = ["fleet", "diversification", "resilience"] as const;

/** `["a", "b"]`, "vendor" → `2 vendors (a, b)`; `[]` → `no vendor`. */
export function list(items: readonly string[], noun: string, plural = `${noun}s`): string {
  if (items.length === 0) return `no ${noun}`;
  return `${items.length} ${items.length === 1 ? noun : plural} (${items.join(", ")})`;
}

/** 62.5 → "62.5 %", 50 → "50 %". */
export function percent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)} %`;
}
