/** `--format json`: the CheckReport itself, the contract CI jobs read. Nothing else is printed on stdout. */
import type { CheckReport } from "../engine/report";
import type { FormatContext } from "./context";
import { redactDeep } from "../engine/redact";

export function renderJson(report: CheckReport, ctx: FormatContext = {}): string {
  return `${JSON.stringify(redactDeep(report, ctx.secrets ?? []), null, 2)}\n`;
}
