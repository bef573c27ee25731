/** `--format json`: the CheckReport itself, the contract CI jobs read. Nothing else is printed on stdout. */
import type { CheckReport } from "../engine/report";
import type { FormatContext } from "./context";
import { redactDeep } from "../engine/redact";
import { jsonFilePieces } from "./json-pieces";

/** The report's JSON in runs of pieces, never one string (json-pieces.ts). */
export function renderJsonPieces(report: CheckReport, ctx: FormatContext = {}): Iterable<string> {
  return jsonFilePieces(redactDeep(report, ctx.secrets ?? []), 2, 2);
}

export function renderJson(report: CheckReport, ctx: FormatContext = {}): string {
  return [...renderJsonPieces(report, ctx)].join("");
}
