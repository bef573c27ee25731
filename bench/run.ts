/**
 * `npm run bench`: the offline check of fleets of 10, 100 and 1,000 workloads on the eu-fleet stack's four targets,
 * against the floor (bench/floor.js: the bare Pulumi mock runtime registering as many resources of the same kinds,
 * one workload's worth per turn of the event loop as the program declares them), the same floor declaring
 * everything at once (up to --all-at-once-up-to workloads: beyond that it takes longer than the rest together), the
 * same plan read back from `--preview-json` and `--state` (at --imports-at workloads), and a single-target stack
 * from a cold start. Every run is a fresh process, timed from spawn to exit; the runs of one size are interleaved
 * (check, floors, inputs, check, ...) so that load from elsewhere hits them alike, and each figure is the median
 * of `--repeat` runs, taken per column. Prints the machine, JSON lines, then tables and the goals of BENCHMARKS.md
 * with the ratios this run measured. Goals are in BENCHMARKS.md, never in tests.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { fleetStackYaml } from "./fleet";
import { stackExportOf } from "./state";
import { WORKLOAD_TYPE } from "../components/workload";

const REPO = path.join(__dirname, "..");

interface Timed {
  readonly wallMs: number;
  readonly startupMs: number;
  readonly programMs: number;
  readonly maxRssMB: number;
}
interface Checked extends Timed {
  readonly policyMs: number;
  readonly outputMs: number;
}

/** Runs `node <args>` from the repository, timed from spawn to exit; returns the JSON line it printed last. */
function timed<T>(args: readonly string[]): T & { wallMs: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: REPO, encoding: "utf8" });
  const wallMs = Math.round(performance.now() - started);
  if (child.status !== 0)
    throw new Error(`node ${args.join(" ")} exited ${String(child.status)}:\n${child.stderr}`);
  const last = child.stdout.trim().split("\n").at(-1) ?? "{}";
  return { ...(JSON.parse(last) as T), wallMs };
}

/** Median of every numeric column, each taken on its own. */
function median<T extends object>(runs: readonly T[]): T {
  const rows = runs as readonly Record<string, unknown>[];
  const out: Record<string, unknown> = { ...rows[0] };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value !== "number") continue;
    const sorted = rows.map((r) => Number(r[key])).sort((a, b) => a - b);
    out[key] = sorted[Math.floor(sorted.length / 2)];
  }
  return out as T;
}

const repeat = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

interface ReportShape {
  readonly resources: readonly { readonly type: string }[];
  readonly policies: readonly { readonly pack: string }[];
  readonly summary: { readonly resources: number; readonly mandatory: number };
}

interface SizeOptions {
  readonly times: number;
  readonly dir: string;
  /** Also time the all-at-once floor. */
  readonly allAtOnce: boolean;
  /** Also time the same plan read from `--preview-json` and `--state`. */
  readonly imports: boolean;
}

/** `child.js <report> <format> <check args>`: one measured check (bench/child.ts). */
const checkRun = (out: string, format: string, args: readonly string[]) =>
  timed<Checked>([path.join("bench", "child.js"), out, format, ...args]);

/** What the report of the plan says about its size: resources, Kubernetes objects, workloads on targets, packs. */
function shapeOf(reportFile: string) {
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as ReportShape;
  return {
    resources: report.summary.resources,
    k8s: report.resources.filter((r) => r.type.startsWith("kubernetes:")).length,
    // The program declares one workload on one target per turn (stacks/deploy.ts).
    perTarget: report.resources.filter((r) => r.type === WORKLOAD_TYPE).length,
    packs: new Set(report.policies.map((p) => p.pack)).size,
    mandatory: report.summary.mandatory,
  };
}

/**
 * The plan of `programArgs` as `--preview-json` (our `--format preview-json`, one run not timed) and `--state`
 * (bench/state.ts), with the size of each file.
 */
function importedInputs(programArgs: readonly string[], dir: string, workloads: number) {
  const preview = path.join(dir, `preview-${workloads}.json`);
  const state = path.join(dir, `state-${workloads}.json`);
  checkRun(preview, "preview-json", programArgs);
  writeFileSync(state, stackExportOf(readFileSync(preview, "utf8")));
  const mb = (file: string) => Math.round(statSync(file).size / 2 ** 20);
  return { preview, state, previewMB: mb(preview), stateMB: mb(state) };
}

const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

/** One fleet size, its runs interleaved `times` times: the check, the floors, the check of the imported plan. */
function measureFleet(workloads: number, opts: SizeOptions): Record<string, number> {
  const { times, dir } = opts;
  const stackFile = path.join(dir, `Pulumi.bench-${workloads}.yaml`);
  const out = path.join(dir, `report-${workloads}.json`);
  writeFileSync(stackFile, fleetStackYaml(workloads));
  const programArgs = [
    ".",
    ...["--stack", `bench-${workloads}`, "--config-file", stackFile, "--assume-config"],
  ];
  const inputs = opts.imports ? importedInputs(programArgs, dir, workloads) : undefined;
  const runs = {
    check: [] as Checked[],
    floor: [] as Timed[],
    allAtOnce: [] as Timed[],
    preview: [] as Checked[],
    state: [] as Checked[],
  };
  let shape: ReturnType<typeof shapeOf> | undefined;
  for (let i = 0; i < times; i += 1) {
    runs.check.push(checkRun(out, "json", programArgs));
    shape ??= shapeOf(out);
    const { resources, k8s, perTarget } = shape;
    const floor = (batch: number) =>
      timed<Timed>([path.join("bench", "floor.js"), ...[k8s, resources - k8s, batch].map(String)]);
    runs.floor.push(floor(Math.max(1, Math.round(k8s / Math.max(1, perTarget)))));
    if (opts.allAtOnce) runs.allAtOnce.push(floor(0));
    if (inputs) {
      runs.preview.push(checkRun(out, "json", ["--preview-json", inputs.preview]));
      runs.state.push(checkRun(out, "json", ["--state", inputs.state]));
    }
  }
  if (!shape) throw new Error("--repeat must be at least 1");
  const check = median(runs.check);
  const floor = median(runs.floor);
  const perResource = (ms: number, by = 1) =>
    Number(((ms * 1000) / shape.resources / by).toFixed(1));
  const row: Record<string, number> = {
    workloads,
    resources: shape.resources,
    k8s: shape.k8s,
    wallMs: check.wallMs,
    startupMs: check.startupMs,
    programMs: check.programMs,
    policyMs: check.policyMs,
    outputMs: check.outputMs,
    usPerResourcePerPack: perResource(check.policyMs, Math.max(1, shape.packs)),
    usPerResourceAllPacks: perResource(check.policyMs),
    peakMB: check.maxRssMB,
    mandatory: shape.mandatory,
    floorWallMs: floor.wallMs,
    floorPeakMB: floor.maxRssMB,
    wallVsFloor: ratio(check.wallMs, floor.wallMs),
    memoryVsFloor: ratio(check.maxRssMB, floor.maxRssMB),
  };
  if (opts.allAtOnce) {
    const all = median(runs.allAtOnce);
    Object.assign(row, {
      allAtOnceFloorWallMs: all.wallMs,
      allAtOnceFloorPeakMB: all.maxRssMB,
      wallVsAllAtOnceFloor: ratio(check.wallMs, all.wallMs),
      memoryVsAllAtOnceFloor: ratio(check.maxRssMB, all.maxRssMB),
    });
  }
  if (inputs) {
    const [preview, state] = [median(runs.preview), median(runs.state)];
    Object.assign(row, {
      previewJsonMB: inputs.previewMB,
      previewJsonWallMs: preview.wallMs,
      previewJsonReadMs: preview.programMs,
      previewJsonPeakMB: preview.maxRssMB,
      previewJsonVsProgram: ratio(preview.wallMs, check.wallMs),
      stateMB: inputs.stateMB,
      stateWallMs: state.wallMs,
      stateReadMs: state.programMs,
      statePeakMB: state.maxRssMB,
      stateVsProgram: ratio(state.wallMs, check.wallMs),
    });
  }
  return row;
}

/** `sovereign check` of a one-target stack, as a user runs it, from spawn to exit. */
function singleTarget(times: number): number {
  const args = ["cli/bin.js", "check", ".", "--stack", "scaleway-fr-par", "--assume-config"];
  const runs = repeat(times, () => {
    const started = performance.now();
    const child = spawnSync(process.execPath, [...args, "--format", "json"], { cwd: REPO });
    if (child.status !== 0)
      throw new Error(`sovereign ${args.slice(1).join(" ")} exited ${String(child.status)}`);
    return Math.round(performance.now() - started);
  });
  return [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;
}

/** A table of `keys` (those some row has); a row without a key shows "-". */
function table(rows: readonly Record<string, number>[], keys: readonly string[]): string {
  const shown = keys.filter((k) => rows.some((r) => k in r));
  const cell = (r: Record<string, number>, k: string) => (k in r ? String(r[k]) : "-");
  const widths = shown.map((k) => Math.max(k.length, ...rows.map((r) => cell(r, k).length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
  return [line(shown), ...rows.map((r) => line(shown.map((k) => cell(r, k))))].join("\n");
}

const TABLES = [
  [
    ...["workloads", "resources", "k8s", "wallMs", "startupMs", "programMs", "policyMs"],
    ...["outputMs", "peakMB", "usPerResourceAllPacks", "usPerResourcePerPack", "mandatory"],
  ],
  [
    ...["workloads", "wallMs", "peakMB", "floorWallMs", "floorPeakMB", "wallVsFloor"],
    ...["memoryVsFloor", "allAtOnceFloorWallMs", "allAtOnceFloorPeakMB", "wallVsAllAtOnceFloor"],
    "memoryVsAllAtOnceFloor",
  ],
  [
    ...["workloads", "wallMs", "previewJsonMB", "previewJsonWallMs", "previewJsonReadMs"],
    ...["previewJsonPeakMB", "previewJsonVsProgram", "stateMB", "stateWallMs", "stateReadMs"],
    ...["statePeakMB", "stateVsProgram"],
  ],
] as const;

/** The goals of BENCHMARKS.md, with what this run measured. */
function goals(rows: readonly Record<string, number>[], singleMs: number): string[] {
  const at = (n: number) => rows.find((r) => r.workloads === n);
  const lines: string[] = [];
  const goal = (what: string, value: number | undefined, limit: number, unit = "x") => {
    if (value === undefined || Number.isNaN(value)) return;
    const shown = unit === "x" ? `${value.toFixed(2)}x` : `${value}${unit}`;
    lines.push(
      `${value <= limit ? "met    " : "NOT MET"}  ${what}: ${shown} (goal <= ${limit}${unit})`,
    );
  };
  for (const n of [100, 1000]) {
    goal(`${n} workloads: wall time vs the floor`, at(n)?.wallVsFloor, 1.2);
    goal(`${n} workloads: peak memory vs the floor`, at(n)?.memoryVsFloor, 1.2);
  }
  const [w100, w1000] = [at(100)?.wallMs, at(1000)?.wallMs];
  if (w100 && w1000) goal("1,000 workloads vs 100, wall time", w1000 / w100, 10.5);
  for (const r of rows.filter((row) => "previewJsonVsProgram" in row)) {
    goal(
      `${r.workloads} workloads from --preview-json vs the program run`,
      r.previewJsonVsProgram,
      1.1,
    );
    goal(`${r.workloads} workloads from --state vs the program run`, r.stateVsProgram, 1.1);
  }
  goal("all packs, µs per resource at 100 workloads", at(100)?.usPerResourceAllPacks, 50, " µs");
  goal("single-target stack from a cold start", singleMs, 3000, " ms");
  return lines;
}

const USAGE = `usage: npm run bench [-- options]
  --repeat N[,N...]          runs of each measurement, medians reported; one count, or one per size
                             (default 3)
  --sizes 10,100,1000        fleet sizes in workloads (default 10,100,1000)
  --imports-at N             size whose plan is also checked from --preview-json and --state
                             (default: the largest of --sizes; 0: none)
  --all-at-once-up-to N      sizes up to N also run the floor declaring everything at once (default 250)
  --no-single                skip the single-target cold start
`;

function main(): void {
  const { values } = parseArgs({
    options: {
      repeat: { type: "string", default: "3" },
      sizes: { type: "string", default: "10,100,1000" },
      "imports-at": { type: "string" },
      "all-at-once-up-to": { type: "string", default: "250" },
      "no-single": { type: "boolean", default: false },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const sizes = values.sizes.split(",").map(Number);
  // One count for every size, or one per size: the largest fleets take minutes per run.
  const repeats = values.repeat.split(",").map(Number);
  const timesOf = (i: number) => repeats[Math.min(i, repeats.length - 1)] ?? 1;
  const importsAt = Number(values["imports-at"] ?? Math.max(...sizes));
  const allAtOnceUpTo = Number(values["all-at-once-up-to"]);
  if ([...repeats, ...sizes].some((n) => !(n >= 1))) throw new Error(USAGE);
  const times = repeats[0] ?? 1;
  const cpu = cpus();
  const machine = {
    node: process.version,
    cpus: cpu.length,
    cpu: cpu[0]?.model ?? "unknown",
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadBefore: loadavg().map((l) => Number(l.toFixed(2))),
    repeat: sizes.map((n, i) => `${n}: ${timesOf(i)}`).join(", "),
    date: new Date().toISOString(),
  };
  process.stdout.write(`${JSON.stringify({ machine })}\n`);
  const dir = mkdtempSync(path.join(tmpdir(), "sovereign-bench-"));
  const rows: Record<string, number>[] = [];
  const started = performance.now();
  try {
    for (const [i, n] of sizes.entries()) {
      const row = measureFleet(n, {
        times: timesOf(i),
        dir,
        allAtOnce: n <= allAtOnceUpTo,
        imports: n === importsAt,
      });
      process.stdout.write(`${JSON.stringify(row)}\n`);
      rows.push(row);
    }
    const singleMs = values["no-single"] ? Number.NaN : singleTarget(times);
    if (!values["no-single"])
      process.stdout.write(
        `${JSON.stringify({ stack: "scaleway-fr-par", coldStartWallMs: singleMs })}\n`,
      );
    const loadAfter = loadavg().map((l) => Number(l.toFixed(2)));
    const minutes = Number(((performance.now() - started) / 60_000).toFixed(1));
    process.stdout.write(`${JSON.stringify({ loadAfter, minutes })}\n`);
    for (const keys of TABLES) process.stdout.write(`\n${table(rows, keys)}\n`);
    if (!values["no-single"])
      process.stdout.write(
        `\nsingle-target stack (scaleway-fr-par), spawn to exit: ${singleMs} ms\n`,
      );
    process.stdout.write(`\n${goals(rows, singleMs).join("\n")}\n`);
    process.stdout.write(
      `\nruns of each (medians): ${machine.repeat}, single target ${times}; ${minutes} min; load average (1, 5, 15 min) before ${machine.loadBefore.join(", ")}, after ${loadAfter.join(", ")}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
