/**
 * One measured `sovereign check`, run through the CLI's own `main` (argument parsing, engine, rendering, secret
 * scrubbing, `--out` file) as `node cli/bin.js check` runs it. Its progress reports (the CLI draws them on an
 * interactive stderr) mark the phases. At exit it prints one JSON line: phase times and peak memory; the parent
 * measures wall time from outside and reads the report from `--out`.
 *
 * usage: child.js <report file> <format> <check arguments...>
 *   e.g. child.js report.json json . --stack bench-100 --config-file Pulumi.bench-100.yaml --assume-config
 *        child.js report.json json --preview-json preview.json
 */
import { main } from "../cli/main";
import type { CliIO } from "../cli/io";

const [out = "", format = "json", ...checkArgs] = process.argv.slice(2);
/** A program run starts its measured part at `running <entry>`, a file's at `reading <file>` (cli/engine/engine.ts). */
const imported = checkArgs.includes("--preview-json") || checkArgs.includes("--state");
const PHASES = { running: imported ? "reading " : "running ", checking: "checking " } as const;
const marks: Partial<Record<keyof typeof PHASES | "checked", number>> = {};
let errors = "";

const io: CliIO = {
  stdout: () => undefined,
  stderr: (text) => {
    const now = performance.now();
    for (const [phase, prefix] of Object.entries(PHASES) as [keyof typeof PHASES, string][])
      if (marks[phase] === undefined && text.includes(` ${prefix}`)) marks[phase] = now;
    // The progress line is cleared once, when the check is done and rendering starts.
    if (text === "\r\x1b[2K") marks.checked = now;
    else if (!text.startsWith("\r")) errors += text;
  },
  interactive: true,
};

main(["check", ...checkArgs, "--format", format, "--out", out], io).then(
  (code) => {
    const end = performance.now();
    if (code > 1) {
      process.stderr.write(`bench check exited ${code}:\n${errors}`);
      process.exitCode = 1;
      return;
    }
    const { running = 0, checking = end, checked = end } = marks;
    const result = {
      startupMs: Math.round(running),
      programMs: Math.round(checking - running),
      policyMs: Math.round(checked - checking),
      outputMs: Math.round(end - checked),
    };
    // Peak memory is read at exit, after everything the process does.
    process.on("exit", () => {
      const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
      process.stdout.write(`${JSON.stringify({ ...result, maxRssMB })}\n`);
    });
  },
  (e: unknown) => {
    process.stderr.write(`bench check failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
