/**
 * What the acceptance suites share: where the toolkit and the fixtures are, the CLI run in-process through
 * `main(argv, io)` (test/cli/run-cli.ts), the toolkit's real packs with one spy pack added, and views of a report.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { parse } from "yaml";
import { loadPackSource, type PackSource } from "../../cli/engine/packs";
import type { CheckReport } from "../../cli/engine/report";
import { runCli, type CliRun } from "../cli/run-cli";

/** The toolkit's root: the Pulumi program of every stack in stacks/. */
export const ROOT = path.resolve(__dirname, "../..");
/** A fixture of test/fixtures/acceptance/. */
export const fixture = (...parts: string[]) =>
  path.join(ROOT, "test/fixtures/acceptance", ...parts);
/** A path as the CLI names it in messages: relative to the working directory. */
export const relative = (file: string) => path.relative(process.cwd(), file);

/** The first workload image of stacks/Pulumi.<stack>.yaml. */
export function workloadImage(stack: string): string {
  const file = path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`);
  const doc = parse(readFileSync(file, "utf8")) as {
    config: { "sovereign:workloads": { image: string }[] };
  };
  return doc.config["sovereign:workloads"][0]?.image ?? "";
}

/** A temporary folder and the function that removes it (call it in afterAll). */
export function temporaryFolder(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `sovereign-acceptance-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `sovereign check <argv>` in-process, with its stdout parsed as the JSON report. */
export async function checkJson(
  argv: readonly string[],
  packSource?: PackSource,
): Promise<CliRun & { report: CheckReport }> {
  const run = await runCli(["check", ...argv, "--format", "json"], { packSource });
  return { ...run, report: JSON.parse(run.stdout) as CheckReport };
}

/** The JSON report a run printed. */
export const reportOf = (run: CliRun) => JSON.parse(run.stdout) as CheckReport;

/** `sovereign check <ROOT> <argv>` in-process: the toolkit's own program, run afresh each time. */
export async function checkToolkit(
  argv: readonly string[],
  packSource?: PackSource,
): Promise<CliRun> {
  return runCli(["check", ROOT, ...argv], { packSource });
}

/** What the spy keeps of a Deployment: the images of its containers and its replicas. */
export interface SeenDeployment {
  readonly images: readonly string[];
  readonly replicas: unknown;
}

function deploymentOf(args: ResourceValidationArgs): SeenDeployment {
  const spec = args.props.spec as {
    replicas?: unknown;
    template: { spec: { containers: { image: string }[] } };
  };
  return { images: spec.template.spec.containers.map((c) => c.image), replicas: spec.replicas };
}

/**
 * The toolkit's packs as served in prod, plus an advisory spy pack that reports nothing and keeps every
 * Deployment it is shown, by URN: reports carry no inputs, the spy shows what the plan would deploy.
 */
export function packsWithSpy(): {
  source: PackSource;
  deployments: Map<string, SeenDeployment>;
} {
  const deployments = new Map<string, SeenDeployment>();
  const toolkit = loadPackSource("prod");
  const spy = {
    name: "spy",
    version: "0.0.1",
    description: "Keeps the Deployments of the plan.",
    policies: [
      {
        name: "spy-deployment-record-spec",
        description: "Records each Deployment's images and replicas.",
        enforcementLevel: "advisory" as const,
        validateResource: (args: ResourceValidationArgs) => {
          if (args.type === "kubernetes:apps/v1:Deployment")
            deployments.set(args.urn, deploymentOf(args));
        },
      },
    ],
  };
  return { source: { ...toolkit, packs: { ...toolkit.packs, spy } }, deployments };
}

/** The last `::`-separated part of a URN: the resource's name. */
export const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** `policy urn level` of every violation, sorted: what two runs must agree on. */
export const verdictsOf = (report: CheckReport) =>
  report.violations.map((v) => `${v.policy} ${v.urn ?? "(stack)"} ${v.enforcementLevel}`).sort();

/** URN → names of the policies with a mandatory violation on it. */
export function mandatoryPolicies(report: CheckReport): Map<string, string[]> {
  const byUrn = new Map<string, string[]>();
  for (const v of report.violations) {
    if (v.enforcementLevel !== "mandatory" || v.urn === null) continue;
    byUrn.set(v.urn, [...new Set([...(byUrn.get(v.urn) ?? []), v.policy])]);
  }
  return byUrn;
}
