// The floor: the bare Pulumi mock runtime registering <k8s> Kubernetes objects (ConfigMaps on one explicit
// provider) and <other> other resources (the root stack and that provider among them, the rest plain custom
// resources), inside runInPulumiStack as the language host runs a program, in preview mode as the engine does.
// Plain JavaScript on the same @pulumi/pulumi and @pulumi/kubernetes: no TypeScript hook, no source maps, nothing
// of this toolkit. What any program pays, whatever it does on top. Prints one JSON line at exit.
//
// usage: node bench/floor.js <k8s> <other> [batch]
//   batch: ConfigMaps declared per turn of the event loop, as stacks/deploy.ts declares a workload per turn
//   (default: all at once, the floor of the benchmark). For comparison only.
"use strict";
const pulumi = require("@pulumi/pulumi");
const k8s = require("@pulumi/kubernetes");

class Thing extends pulumi.CustomResource {
  constructor(name, props) {
    super("sovereign:bench:Thing", name, props);
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function run(k8sCount, otherCount, batch) {
  await pulumi.runtime.setMocks(
    { newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) },
    "sovereign-deploy",
    "floor",
    true,
  );
  const started = performance.now();
  await pulumi.runtime.runInPulumiStack(async () => {
    const provider = new k8s.Provider("floor", { kubeconfig: "apiVersion: v1" });
    for (let i = 0; i < k8sCount; i += 1) {
      if (batch > 0 && i > 0 && i % batch === 0) await nextTurn();
      const name = `cm-${i}`;
      const data = { key: `value-${i}` };
      new k8s.core.v1.ConfigMap(
        name,
        { metadata: { name, namespace: "floor" }, data },
        { provider },
      );
    }
    for (let i = 2; i < otherCount; i += 1) new Thing(`thing-${i}`, { index: i, region: "fr-par" });
    return {};
  });
  await pulumi.runtime.waitForRPCs();
  return performance.now() - started;
}

const [k8sCount, otherCount, batch = 0] = process.argv.slice(2).map(Number);
run(k8sCount, otherCount, batch).then(
  (ms) => {
    const result = { startupMs: Math.round(performance.now() - ms), programMs: Math.round(ms) };
    process.on("exit", () => {
      const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
      process.stdout.write(`${JSON.stringify({ ...result, maxRssMB })}\n`);
    });
  },
  (e) => {
    process.stderr.write(`bench floor failed: ${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
