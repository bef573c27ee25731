/**
 * `--format html`: one self-contained page for security teams who archive evidence. The verdict, the fleet map,
 * the violations with their remediation, the plan per place, and the report sections (the fleet's exit report)
 * with no request at view time: styles are inline and Mermaid's browser bundle is embedded to draw the map.
 */
import { readFileSync } from "node:fs";
import { Marked } from "marked";
import type { CheckReport, ReportedViolation } from "../engine/report";
import type { FormatContext } from "./context";
import { fleetMap } from "./map";
import { SECTION_RENDERERS } from "./markdown-sections";
import { declaredText, placeName, replicasText, summarisePlaces } from "./places";
import { sortedViolations, viewOf, type ReportView } from "./view";
import { cell } from "./markdown";
import { sovereigntyMarkdown } from "./sovereignty";
import { toolchainMarkdown } from "./toolchain";

/** Text as HTML: every character that could open markup escaped. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Markdown of the report's own sections as HTML; raw HTML in them is shown as text, never rendered. */
const markdown = new Marked({
  gfm: true,
  renderer: { html: ({ text }) => escapeHtml(text) },
});

/** Mermaid's browser bundle, read once; `</script` inside it is escaped so it cannot end its tag. */
let mermaidBundle: string | undefined;
function mermaidScript(): string {
  mermaidBundle ??= readFileSync(require.resolve("mermaid/dist/mermaid.min.js"), "utf8").replace(
    /<\/script/gi,
    "<\\/script",
  );
  return mermaidBundle;
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
.verdict{padding:.8rem 1rem;border-radius:6px;font-weight:600}
.fail{background:#ffebe9;border:1px solid #cf222e}.pass{background:#dafbe1;border:1px solid #1a7f37}
.warn{background:#fff8c5;border:1px solid #bf8700}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right}code{font-size:.9em;background:#f6f8fa;padding:.05rem .25rem;border-radius:3px}
.mandatory{color:#cf222e;font-weight:600}.advisory{color:#9a6700;font-weight:600}
pre.mermaid{background:#fff;text-align:center}.meta{color:#57606a;font-size:.9em}
`;

function verdictOf(r: CheckReport): { text: string; css: string } {
  const { mandatory, advisory } = r.summary;
  if (mandatory > 0)
    return { text: `FAIL — ${mandatory} mandatory, ${advisory} advisory`, css: "fail" };
  return advisory > 0
    ? { text: `PASS — no mandatory violation, ${advisory} advisory`, css: "warn" }
    : { text: "PASS — no violation", css: "pass" };
}

function violationRow(view: ReportView, v: ReportedViolation): string {
  const s = view.subjectOf(v.urn);
  const where = s.source
    ? `<br><code>${escapeHtml(`${s.source.file}:${s.source.line}`)}</code>`
    : "";
  const fix = view.policyOf(v).remediationSteps ?? "";
  return `<tr><td class="${v.enforcementLevel}">${v.enforcementLevel}</td><td><code>${escapeHtml(`${v.pack}/${v.policy}`)}</code></td><td><code>${escapeHtml(s.name)}</code> ${escapeHtml(s.type)}${where}</td><td>${escapeHtml(v.message).replace(/\n/g, "<br>")}</td><td>${escapeHtml(fix).replace(/\n/g, "<br>")}</td></tr>`;
}

function violationsPart(view: ReportView): string {
  const violations = sortedViolations(view.report);
  if (violations.length === 0) return "<h2>Violations</h2><p>None.</p>";
  return `<h2>Violations</h2><table><thead><tr><th>Level</th><th>Policy</th><th>Resource</th><th>Message</th><th>Remediation</th></tr></thead><tbody>${violations.map((v) => violationRow(view, v)).join("")}</tbody></table>`;
}

function planPart(r: CheckReport): string {
  const rows = summarisePlaces(r.resources).map(
    (p) =>
      `<tr><td>${escapeHtml(placeName(p))}</td><td class="n">${p.resources}</td><td>${escapeHtml(declaredText(p))}</td><td>${escapeHtml(p.targets.join(", "))}</td><td>${escapeHtml(replicasText(p.replicas, 8))}</td></tr>`,
  );
  return `<h2>Plan per place</h2><table><thead><tr><th>Vendor · place (country)</th><th>Resources</th><th>Placed by</th><th>Targets</th><th>Replicas</th></tr></thead><tbody>${rows.join("")}</tbody></table><p class="meta">declared: placed by the sovereign.eu/* labels the program sets, not by an observed region or API server.</p>`;
}

function notesPart(r: CheckReport): string {
  const items = [
    ...r.assumedConfig.map((k) => `config <code>${escapeHtml(k)}</code> filled with a placeholder`),
    ...(r.notes ?? []).map(escapeHtml),
    ...r.unansweredInvokes.map(
      (t) => `invoke <code>${escapeHtml(t)}</code> had no canned answer (its result was empty)`,
    ),
  ];
  return items.length === 0
    ? ""
    : `<h2>What this offline run assumed</h2><ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
}

function sectionsPart(r: CheckReport): string {
  return [
    ...Object.keys(r.sections ?? {}).map((id) => SECTION_RENDERERS[id]?.(r) ?? ""),
    sovereigntyMarkdown(r, cell).join("\n"),
    toolchainMarkdown(r, cell).join("\n"),
  ]
    .filter((text) => text.trim() !== "")
    .map((text) => `<section>${markdown.parse(text, { async: false })}</section>`)
    .join("");
}

/** Renders the report as one self-contained HTML page. */
export function render(report: CheckReport, ctx?: FormatContext): string {
  const view = viewOf(report, ctx);
  const r = view.report;
  const verdict = verdictOf(r);
  const title = `Sovereign check · ${r.project} / ${r.stack}`;
  const map = fleetMap(r);
  const mapPart =
    map === ""
      ? ""
      : `<h2>Fleet map</h2><pre class="mermaid" id="fleet-map">${escapeHtml(map)}</pre>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p class="verdict ${verdict.css}" id="verdict">${escapeHtml(verdict.text)}</p>
<p class="meta">${r.summary.resources} resources · ${r.policies.length} policies ran · sovereign check ${escapeHtml(view.ctx.toolVersion)}, offline under Pulumi's mocks: a real <code>pulumi preview</code> with the policy packs remains the final word.</p>
${mapPart}
${violationsPart(view)}
${planPart(r)}
${notesPart(r)}
${sectionsPart(r)}
${map === "" ? "" : `<script>${mermaidScript()}</script>\n<script>mermaid.initialize({ startOnLoad: false, securityLevel: "strict", flowchart: { htmlLabels: true } });\nmermaid.run({ querySelector: "pre.mermaid" }).then(() => document.body.dataset.map = "rendered", (e) => { document.body.dataset.map = "failed"; console.error(e); });</script>`}
</body></html>
`;
}
