/**
 * Output formats, chosen by `--format`. A format is one pure function from the CheckReport (and the run's
 * context: secrets to redact, where the program sits) to text; adding one (markdown, sarif, junit) is one entry
 * here and one file beside this one.
 */
import type { CheckReport } from "../engine/report";
import type { FormatContext } from "./context";
import { render as renderHtml } from "./html";
import { renderJsonPieces } from "./json";
import { render as renderJunit } from "./junit";
import { render as renderMarkdown } from "./markdown";
import { renderPreviewJsonPieces } from "./preview-json";
import { render as renderSarif } from "./sarif";
import { renderText } from "./text";

/**
 * The output in pieces, written in order: one for most formats; for the JSON ones, which grow with the plan, runs
 * of about 256 KiB, so that no one string has to hold a text larger than V8's longest (json-pieces.ts).
 */
export type Renderer = (report: CheckReport, ctx?: FormatContext) => Iterable<string>;

/** A format rendered as one text. */
const whole =
  (render: (report: CheckReport, ctx?: FormatContext) => string): Renderer =>
  (report, ctx) => [render(report, ctx)];

export const RENDERERS: Readonly<Record<string, Renderer>> = {
  text: whole(renderText),
  json: renderJsonPieces,
  markdown: whole(renderMarkdown),
  sarif: whole(renderSarif),
  junit: whole(renderJunit),
  "preview-json": renderPreviewJsonPieces,
  html: whole(renderHtml),
};

export const FORMAT_NAMES = Object.keys(RENDERERS);
