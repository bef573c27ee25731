/**
 * The README's generated blocks (`<!-- generated:start id -->` … `<!-- generated:end id -->`), from the catalog and
 * the policy registry, so the README cannot drift from what the code enforces. `npm run docs` rewrites them; a
 * test fails when they are stale.
 */
import { policyTable } from "../../policies/packs";
import { regionMatrix } from "./region-matrix";

export const GENERATED_BLOCKS: Readonly<Record<string, () => string>> = {
  "region-matrix": regionMatrix,
  "policy-table": policyTable,
};

/** `text` with every generated block replaced by its generator's output; throws when a block's markers are missing. */
export function withGeneratedBlocks(text: string): string {
  return Object.entries(GENERATED_BLOCKS).reduce((doc, [id, generate]) => {
    const start = `<!-- generated:start ${id} -->`;
    const end = `<!-- generated:end ${id} -->`;
    const from = doc.indexOf(start);
    const to = doc.indexOf(end);
    if (from < 0 || to < from)
      throw new Error(`README.md lacks the markers of generated block '${id}'`);
    return `${doc.slice(0, from + start.length)}\n${generate()}\n${doc.slice(to)}`;
  }, text);
}
