/**
 * Files the Pulumi CLI prints, read as recorded resources: `--preview-json` (`pulumi preview --json`) and
 * `--state` (`pulumi stack export`). Adding an input kind is one entry.
 */
import { CheckError } from "../engine/errors";
import { FileReadError, JsonSyntaxError, readJsonFile, type JsonFileOptions } from "./json-file";
import { previewNotJson, readPreviewDocument } from "./preview-json";
import { InputError, type ImportedResources } from "./resource-v3";
import { readStateDocument, stateNotJson } from "./state";

interface ImportedReader {
  /** The resources of the parsed document; an InputError says what is wrong with it. */
  readonly read: (doc: unknown) => ImportedResources;
  /** What a file that is not JSON is told. */
  readonly notJson: (why: string) => string;
}

export const IMPORTED_READERS = {
  "preview-json": { read: readPreviewDocument, notJson: previewNotJson },
  state: { read: readStateDocument, notJson: stateNotJson },
} as const satisfies Record<string, ImportedReader>;
export type ImportedKind = keyof typeof IMPORTED_READERS;

/** Reads `file` as `kind`; an unreadable or malformed file is a CheckError (exit 2) naming the file. */
export async function readImported(
  kind: ImportedKind,
  file: string,
  opts: JsonFileOptions = {},
): Promise<ImportedResources> {
  const reader: ImportedReader = IMPORTED_READERS[kind];
  let doc: unknown;
  try {
    doc = await readJsonFile(file, opts);
  } catch (e) {
    if (e instanceof FileReadError)
      throw new CheckError(`--${kind} ${file}: cannot read the file: ${e.message}`);
    if (e instanceof JsonSyntaxError)
      throw new CheckError(`--${kind} ${file}: ${reader.notJson(e.message)}`);
    throw e;
  }
  try {
    return reader.read(doc);
  } catch (e) {
    if (e instanceof InputError) throw new CheckError(`--${kind} ${file}: ${e.message}`);
    throw e;
  }
}
