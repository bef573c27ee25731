import { describe, expect, test } from "vitest";
import { escapeHtml, render } from "../../../cli/format/html";
import { fleetMap } from "../../../cli/format/map";
import { sampleReport, URN } from "./sample-report";

describe("render (html)", () => {
  const html = render(sampleReport(), { secrets: [] });

  /** The page without the bodies of its inline scripts (Mermaid's bundle mentions tags in its own code). */
  const markup = html.replace(/<script>[\s\S]*?<\/script>/g, "<script></script>");

  test("is one self-contained page: no script, style, image or link fetched from anywhere", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(/<(script|img|iframe)[^>]*\ssrc=/i.test(markup)).toBe(false);
    expect(/<link[^>]*href=/i.test(markup)).toBe(false);
    expect(/@import|url\(\s*['"]?https?:/i.test(markup)).toBe(false);
    expect(markup.match(/<script>/g)).toHaveLength(2);
    expect(html.includes("mermaid.initialize(")).toBe(true);
  });

  test("shows the verdict, the map source, and each violation with its remediation", () => {
    expect(html).toContain(
      '<p class="verdict fail" id="verdict">FAIL — 3 mandatory, 1 advisory</p>',
    );
    expect(html).toContain(
      `<pre class="mermaid" id="fleet-map">${escapeHtml(fleetMap(sampleReport()))}</pre>`,
    );
    const report = sampleReport();
    const withFix = report.policies.find((p) => p.remediationSteps !== undefined);
    expect(withFix).toBeDefined();
    expect(html).toContain(escapeHtml(withFix?.remediationSteps ?? "").replace(/\n/g, "<br>"));
    expect(html).toContain("<code>stacks/deploy.ts:88</code>");
  });

  test("escapes markup from messages, names and report sections", () => {
    expect(html).toContain("add one &lt;b&gt;now&lt;/b&gt;");
    expect(html.includes("<b>now</b>")).toBe(false);
    const hostile = render(
      sampleReport({
        sections: {
          fleet: {
            fleets: [
              {
                urn: URN.stack,
                name: "<img src=x onerror=alert(1)>",
                problem: "<script>alert(1)</script>",
                workloads: [],
                copies: [],
                uncopied: [],
              },
            ],
          },
        },
      }),
    );
    expect(hostile.includes("<img src=x")).toBe(false);
    expect(hostile.includes("<script>alert(1)</script>")).toBe(false);
    expect(hostile).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("redacts the run's secrets", () => {
    const secret = "hunter2-secret";
    const page = render(sampleReport({ notes: [`a note with ${secret}`] }), { secrets: [secret] });
    expect(page).not.toContain(secret);
    expect(page).toContain("a note with [secret]");
  });

  test("leaves Mermaid out of a plan with nothing placed", () => {
    const page = render(sampleReport({ resources: [] }));
    expect(page.includes("mermaid.initialize(")).toBe(false);
    expect(page.length).toBeLessThan(100_000);
  });
});
