/**
 * Output formats, chosen by `--format`. A format is one pure function from the CheckReport (and the run's
 * context: secrets to redact, where the program sits) to text; adding one (markdown, sarif, junit) is one entry
 * here and one file beside this one.
 */
import type { CheckReport } from "../engine/report";
import type { FormatContext } from "./context";
import { render as renderHtml } from "./html";
import { renderJson } from "./json";
import { render as renderJunit } from "./junit";
import { render as renderMarkdown } from "./markdown";
import { renderPreviewJson } from "./preview-json";
import { render as renderSarif } from "./sarif";
import { renderText } from "./text";

export type Renderer = (report: CheckReport, ctx?: FormatContext) => string;

export const RENDERERS: Readonly<Record<string, Renderer>> = {
  text: renderText,
  json: renderJson,
  markdown: renderMarkdown,
  sarif: renderSarif,
  junit: renderJunit,
  "preview-json": renderPreviewJson,
  html: renderHtml,
};

export const FORMAT_NAMES = Object.keys(RENDERERS);
