/**
 * One measured run in a fresh process, so peak memory is this run's alone. `check <stackFile>` runs the whole
 * offline check of the repository's program; `floor <k8s> <other>` registers the same number of resources on the
 * bare Pulumi mock runtime (Kubernetes objects as ConfigMaps on one explicit provider, the rest as plain custom
 * resources): what any program pays whatever it does on top. Prints one JSON line.
 */
import * as path from "node:path";
import { check } from "../cli/engine/engine";

const REPO = path.join(__dirname, "..");

interface Measure {
  readonly resources: number;
  readonly programMs: number;
  readonly policyMs: number;
  readonly packs: number;
  readonly maxRssMB: number;
}

const maxRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function measureCheck(
  stackFile: string,
  stack: string,
): Promise<Measure & { k8s: number; mandatory: number }> {
  const marks: { phase: string; at: number }[] = [];
  const outcome = await check({
    dir: REPO,
    stack,
    configFile: stackFile,
    assumeConfig: true,
    progress: (phase) => marks.push({ phase, at: performance.now() }),
  });
  const end = performance.now();
  const at = (prefix: string) => marks.find((m) => m.phase.startsWith(prefix))?.at ?? end;
  const { report } = outcome;
  return {
    resources: report.summary.resources,
    k8s: report.resources.filter((r) => r.type.startsWith("kubernetes:")).length,
    programMs: Math.round(at("checking") - at("running")),
    policyMs: Math.round(end - at("checking")),
    packs: new Set(report.policies.map((p) => p.pack)).size,
    mandatory: report.summary.mandatory,
    maxRssMB: maxRssMB(),
  };
}

async function measureFloor(k8sCount: number, otherCount: number): Promise<Measure> {
  const pulumi = await import("@pulumi/pulumi");
  const k8s = await import("@pulumi/kubernetes");
  await pulumi.runtime.setMocks(
    { newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) },
    "sovereign-deploy",
    "floor",
    true,
  );
  const started = performance.now();
  const provider = new k8s.Provider("floor", { kubeconfig: "apiVersion: v1" });
  class Thing extends pulumi.CustomResource {
    constructor(name: string, props: Record<string, unknown>) {
      super("sovereign:bench:Thing", name, props);
    }
  }
  const urns: import("@pulumi/pulumi").Output<string>[] = [provider.urn];
  for (let i = 0; i < k8sCount - 1; i += 1) {
    urns.push(
      new k8s.core.v1.ConfigMap(
        `cm-${i}`,
        { metadata: { name: `cm-${i}`, namespace: "floor" }, data: { key: `value-${i}` } },
        { provider },
      ).urn,
    );
  }
  for (let i = 0; i < otherCount; i += 1) {
    urns.push(new Thing(`thing-${i}`, { index: i, region: "fr-par" }).urn);
  }
  await new Promise<void>((resolve) => pulumi.all(urns).apply(() => resolve()));
  return {
    resources: k8sCount + otherCount,
    programMs: Math.round(performance.now() - started),
    policyMs: 0,
    packs: 0,
    maxRssMB: maxRssMB(),
  };
}

async function main(): Promise<void> {
  const [mode, a = "", b = ""] = process.argv.slice(2);
  const result =
    mode === "floor" ? await measureFloor(Number(a), Number(b)) : await measureCheck(a, b);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(
      `bench child failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  },
);
