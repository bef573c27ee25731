/**
 * Files the Pulumi CLI prints, read as recorded resources: `--preview-json` (`pulumi preview --json`) and
 * `--state` (`pulumi stack export`). Adding an input kind is one entry.
 */
import { readFileSync } from "node:fs";
import { CheckError } from "../engine/errors";
import { readPreviewJson } from "./preview-json";
import { InputError, type ImportedResources } from "./resource-v3";
import { readState } from "./state";

export const IMPORTED_READERS = {
  "preview-json": readPreviewJson,
  state: readState,
} as const satisfies Record<string, (text: string) => ImportedResources>;
export type ImportedKind = keyof typeof IMPORTED_READERS;

/** Reads `file` as `kind`; an unreadable or malformed file is a CheckError (exit 2) naming the file. */
export function readImported(kind: ImportedKind, file: string): ImportedResources {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CheckError(`--${kind} ${file}: cannot read the file: ${(e as Error).message}`);
  }
  try {
    return IMPORTED_READERS[kind](text);
  } catch (e) {
    if (e instanceof InputError) throw new CheckError(`--${kind} ${file}: ${e.message}`);
    throw e;
  }
}
