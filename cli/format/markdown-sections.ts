/**
 * Markdown for the report sections other modules add (`report.sections[id]`), keyed by section id: a section
 * without an entry here is left to `--format json`, and an entry that renders "" adds nothing.
 */
import type { CheckReport } from "../engine/report";
import { FLEET_SECTION, fleetSectionMarkdown } from "../report/fleet";

export const SECTION_RENDERERS: Readonly<Record<string, (report: CheckReport) => string>> = {
  [FLEET_SECTION]: fleetSectionMarkdown,
};
