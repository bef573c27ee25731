/**
 * The HTML report of the default fleet in a real headless Chromium (Debian's package, driven by puppeteer-core):
 * it loads with no console error and no request leaving the file, and Mermaid draws the map. The map's screenshot
 * is compared with the one README shows (docs/images/fleet-map.png); SOVEREIGN_UPDATE_SCREENSHOTS=1 rewrites it.
 * Skipped, with the reason in its name, only where no Chromium is installed (.ci/run installs it).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "puppeteer-core";
import { render } from "../../../cli/format/html";
import { checkToolkit, ROOT, temporaryFolder } from "../../acceptance/helpers";
import type { CheckReport } from "../../../cli/engine/report";

const CHROMIUM = process.env.SOVEREIGN_CHROMIUM ?? "/usr/bin/chromium";
const hasBrowser = existsSync(CHROMIUM);
const SCREENSHOT = path.join(ROOT, "docs/images/fleet-map.png");

/** Flags a root, offline, headless Chromium needs here: no sandbox, no background requests to Google. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(!hasBrowser)(
  `html report in headless Chromium${hasBrowser ? "" : ` (skipped: no Chromium at ${CHROMIUM}; apt-get install chromium, or set SOVEREIGN_CHROMIUM)`}`,
  () => {
    const tmp = temporaryFolder("html");
    let browser: Browser;
    let file: string;

    beforeAll(async () => {
      const run = await checkToolkit([
        "--stack",
        "eu-fleet",
        "--assume-config",
        "--environment",
        "prod",
        "--format",
        "json",
      ]);
      expect(run.code).toBe(0);
      file = path.join(tmp.dir, "report.html");
      writeFileSync(file, render(JSON.parse(run.stdout) as CheckReport));
      const { launch } = await import("puppeteer-core");
      browser = await launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      tmp.remove();
    });

    test("loads with no console error and no request outside the file, and Mermaid draws the fleet map", async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`page error: ${String(e)}`));
      page.on("request", (r) => {
        if (!/^(file|data|about):/.test(r.url())) problems.push(`request: ${r.url()}`);
      });
      await page.setViewport({ width: 1200, height: 900 });
      await page.goto(`file://${file}`, { waitUntil: "load" });
      await page.waitForFunction(() => document.body.dataset.map !== undefined, {
        timeout: 60_000,
      });
      expect(await page.evaluate(() => document.body.dataset.map)).toBe("rendered");
      expect(problems).toEqual([]);
      const labels = await page.$$eval("#fleet-map svg .nodeLabel", (nodes) =>
        nodes.map((n) => n.textContent ?? ""),
      );
      for (const target of ["par", "gra", "ske", "ionos"])
        expect(labels.some((l) => l.startsWith(`${target} · `))).toBe(true);
      expect(await page.$eval("#verdict", (v) => v.textContent)).toMatch(/^PASS/);

      const map = await page.$("#fleet-map");
      const shot = Buffer.from((await map?.screenshot({ type: "png" })) ?? []);
      const size = pngSize(shot);
      if (process.env.SOVEREIGN_UPDATE_SCREENSHOTS === "1") writeFileSync(SCREENSHOT, shot);
      const kept = pngSize(readFileSync(SCREENSHOT));
      // Fonts differ a little between machines: the same layout is within a tenth of the kept size.
      expect(Math.abs(size.width - kept.width) / kept.width).toBeLessThan(0.1);
      expect(Math.abs(size.height - kept.height) / kept.height).toBeLessThan(0.1);
    }, 120_000);
  },
);
