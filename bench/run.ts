/**
 * `npm run bench`: measures the offline check of fleets of 10, 100 and 250 workloads on the eu-fleet stack's four
 * targets against the floor (the bare Pulumi mock runtime registering the same number of resources of the same
 * shape), and a single-target stack from a cold start. Each run is a fresh process; each figure is the median of
 * `--repeat` runs. Prints JSON lines, then a table. Goals live in BENCHMARKS.md, never in tests.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { fleetStackYaml } from "./fleet";

const REPO = path.join(__dirname, "..");
const CHILD = path.join(__dirname, "child.js");

interface ChildResult {
  readonly resources: number;
  readonly k8s?: number;
  readonly programMs: number;
  readonly policyMs: number;
  readonly packs: number;
  readonly maxRssMB: number;
  readonly mandatory?: number;
}
type Timed = ChildResult & { readonly wallMs: number };

function runChild(args: readonly string[]): Timed {
  const started = performance.now();
  const child = spawnSync(process.execPath, [CHILD, ...args], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const wallMs = Math.round(performance.now() - started);
  if (child.status !== 0) throw new Error(`bench run ${args.join(" ")} failed:\n${child.stderr}`);
  return { ...(JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as ChildResult), wallMs };
}

function median(runs: readonly Timed[]): Timed {
  const pick = (key: keyof Timed) =>
    [...runs].map((r) => r[key] as number).sort((a, b) => a - b)[
      Math.floor(runs.length / 2)
    ] as number;
  const first = runs[0] as Timed;
  return {
    ...first,
    wallMs: pick("wallMs"),
    programMs: pick("programMs"),
    policyMs: pick("policyMs"),
    maxRssMB: pick("maxRssMB"),
  };
}

const repeat = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

function cliWallMs(args: readonly string[]): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, [path.join(REPO, "cli", "bin.js"), ...args], {
    cwd: REPO,
    encoding: "utf8",
  });
  if (child.status !== 0)
    throw new Error(`sovereign ${args.join(" ")} exited ${String(child.status)}:\n${child.stderr}`);
  return Math.round(performance.now() - started);
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
  const dir = mkdtempSync(path.join(tmpdir(), "sovereign-bench-"));
  const rows: Record<string, string | number>[] = [];
  try {
    for (const n of sizes) {
      const stackFile = path.join(dir, `Pulumi.bench-${n}.yaml`);
      writeFileSync(stackFile, fleetStackYaml(n));
      const checked = median(repeat(times, () => runChild(["check", stackFile, `bench-${n}`])));
      const k8s = checked.k8s ?? 0;
      const floor = median(
        repeat(times, () => runChild(["floor", String(k8s), String(checked.resources - k8s)])),
      );
      const row = {
        workloads: n,
        resources: checked.resources,
        wallMs: checked.wallMs,
        programMs: checked.programMs,
        policyMs: checked.policyMs,
        usPerResourcePerPack: Number(
          ((checked.policyMs * 1000) / checked.resources / Math.max(1, checked.packs)).toFixed(1),
        ),
        usPerResourceAllPacks: Number(((checked.policyMs * 1000) / checked.resources).toFixed(1)),
        peakMB: checked.maxRssMB,
        mandatory: checked.mandatory ?? 0,
        floorWallMs: floor.wallMs,
        floorPeakMB: floor.maxRssMB,
        wallVsFloor: Number((checked.wallMs / floor.wallMs).toFixed(2)),
        memoryVsFloor: Number((checked.maxRssMB / floor.maxRssMB).toFixed(2)),
      };
      process.stdout.write(`${JSON.stringify(row)}\n`);
      rows.push(row);
    }
    const single = [
      ...repeat(times, () =>
        cliWallMs([
          "check",
          ".",
          "--stack",
          "scaleway-fr-par",
          "--assume-config",
          "--format",
          "json",
        ]),
      ),
    ].sort((a, b) => a - b);
    const singleRow = {
      stack: "scaleway-fr-par",
      coldStartWallMs: single[Math.floor(single.length / 2)] as number,
    };
    process.stdout.write(`${JSON.stringify(singleRow)}\n`);
    const at = (key: number) => rows.find((r) => r.workloads === key)?.wallMs as number | undefined;
    const t100 = at(100);
    const t250 = at(250);
    process.stdout.write(`\n${table(rows)}\n`);
    process.stdout.write(
      `single-target stack (scaleway-fr-par), process start to exit: ${singleRow.coldStartWallMs} ms\n`,
    );
    if (t100 && t250)
      process.stdout.write(`growth 250 vs 100 workloads: ${(t250 / t100).toFixed(2)}x\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows: readonly Record<string, string | number>[]): string {
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
  return [line(keys), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join("\n");
}

main();
