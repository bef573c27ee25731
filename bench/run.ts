/**
 * `npm run bench`: the offline check of fleets of 10, 100 and 250 workloads on the eu-fleet stack's four targets,
 * against the floor (bench/floor.js: the bare Pulumi mock runtime registering as many resources of the same kinds,
 * all declared at once), the same floor declaring one workload's worth of objects per turn (as the program does),
 * and a single-target stack from a cold start. Every run is a fresh process, timed from spawn to exit; each figure
 * is the median of `--repeat` runs, taken per column. Prints the machine, JSON lines, then a table. Goals are in
 * BENCHMARKS.md, never in tests.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { fleetStackYaml } from "./fleet";
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

/** One fleet size: the check `times` times, then the floor of the same shape `times` times. */
function measureFleet(workloads: number, times: number, dir: string): Record<string, number> {
  const stackFile = path.join(dir, `Pulumi.bench-${workloads}.yaml`);
  const out = path.join(dir, `report-${workloads}.json`);
  writeFileSync(stackFile, fleetStackYaml(workloads));
  const check = median(
    repeat(times, () =>
      timed<Checked>([path.join("bench", "child.js"), stackFile, `bench-${workloads}`, out]),
    ),
  );
  const report = JSON.parse(readFileSync(out, "utf8")) as ReportShape;
  const resources = report.summary.resources;
  const k8s = report.resources.filter((r) => r.type.startsWith("kubernetes:")).length;
  const packs = new Set(report.policies.map((p) => p.pack)).size;
  const floorOf = (batch: number) =>
    median(
      repeat(times, () =>
        timed<Timed>([
          path.join("bench", "floor.js"),
          String(k8s),
          String(resources - k8s),
          String(batch),
        ]),
      ),
    );
  const floor = floorOf(0);
  // The program declares one workload on one target per turn (stacks/deploy.ts): the floor declaring as many
  // objects per turn shows what that alone is worth.
  const perWorkload = report.resources.filter((r) => r.type === WORKLOAD_TYPE).length;
  const batched = floorOf(Math.max(1, Math.round(k8s / Math.max(1, perWorkload))));
  const perResource = (ms: number, by = 1) => Number(((ms * 1000) / resources / by).toFixed(1));
  return {
    workloads,
    resources,
    k8s,
    wallMs: check.wallMs,
    startupMs: check.startupMs,
    programMs: check.programMs,
    policyMs: check.policyMs,
    outputMs: check.outputMs,
    usPerResourcePerPack: perResource(check.policyMs, Math.max(1, packs)),
    usPerResourceAllPacks: perResource(check.policyMs),
    peakMB: check.maxRssMB,
    mandatory: report.summary.mandatory,
    floorWallMs: floor.wallMs,
    floorProgramMs: floor.programMs,
    floorPeakMB: floor.maxRssMB,
    wallVsFloor: Number((check.wallMs / floor.wallMs).toFixed(2)),
    memoryVsFloor: Number((check.maxRssMB / floor.maxRssMB).toFixed(2)),
    batchedFloorWallMs: batched.wallMs,
    batchedFloorPeakMB: batched.maxRssMB,
    wallVsBatchedFloor: Number((check.wallMs / batched.wallMs).toFixed(2)),
    memoryVsBatchedFloor: Number((check.maxRssMB / batched.maxRssMB).toFixed(2)),
  };
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

function table(rows: readonly Record<string, number>[]): string {
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
  return [line(keys), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join("\n");
}

function main(): void {
  const { values } = parseArgs({
    options: {
      repeat: { type: "string", default: "3" },
      sizes: { type: "string", default: "10,100,250" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write("usage: npm run bench [-- --repeat N] [--sizes 10,100,250]\n");
    return;
  }
  const times = Number(values.repeat);
  const sizes = values.sizes.split(",").map(Number);
  const cpu = cpus();
  const machine = {
    node: process.version,
    cpus: cpu.length,
    cpu: cpu[0]?.model ?? "unknown",
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadBefore: loadavg().map((l) => Number(l.toFixed(2))),
    repeat: times,
  };
  process.stdout.write(`${JSON.stringify({ machine })}\n`);
  const dir = mkdtempSync(path.join(tmpdir(), "sovereign-bench-"));
  const rows: Record<string, number>[] = [];
  try {
    for (const n of sizes) {
      const row = measureFleet(n, times, dir);
      process.stdout.write(`${JSON.stringify(row)}\n`);
      rows.push(row);
    }
    const single = { stack: "scaleway-fr-par", coldStartWallMs: singleTarget(times) };
    process.stdout.write(`${JSON.stringify(single)}\n`);
    const loadAfter = loadavg().map((l) => Number(l.toFixed(2)));
    process.stdout.write(`${JSON.stringify({ loadAfter })}\n`);
    const wallOf = (n: number) => rows.find((r) => r.workloads === n)?.wallMs;
    const [t100, t250] = [wallOf(100), wallOf(250)];
    process.stdout.write(`\n${table(rows)}\n`);
    process.stdout.write(
      `single-target stack (scaleway-fr-par), spawn to exit: ${single.coldStartWallMs} ms\n`,
    );
    if (t100 && t250)
      process.stdout.write(`growth 250 vs 100 workloads: ${(t250 / t100).toFixed(2)}x\n`);
    process.stdout.write(
      `load average (1, 5, 15 min) before ${machine.loadBefore.join(", ")}, after ${loadAfter.join(", ")}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
