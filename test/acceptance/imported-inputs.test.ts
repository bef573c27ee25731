/**
 * Issue "Reports and CI", done when: `--preview-json` and `--state` give the same verdicts as running the program.
 * test/fixtures/acceptance/inputs holds a small TypeScript program and, hand-written in the shape the Pulumi CLI
 * prints (see test/fixtures/preview/README.md and test/fixtures/state/README.md), the `pulumi preview --json
 * --show-sames` and `pulumi stack export` of that program: same URNs, types and inputs.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { CheckReport, PlannedResource } from "../../cli/engine/report";
import { checkJson, fixture, verdictsOf } from "./helpers";

const PACK = ["--pack", "eu-sovereignty"];
const KINDS = ["program", "preview", "state"] as const;
type Kind = (typeof KINDS)[number];
const INPUTS: Readonly<Record<Kind, readonly string[]>> = {
  program: [fixture("inputs"), "--stack", "dev"],
  // The program directory gives the imported files their project's backend.url (toolchain).
  preview: [fixture("inputs"), "--preview-json", fixture("inputs", "preview.json")],
  state: [fixture("inputs"), "--state", fixture("inputs", "state.json")],
};
const runs = new Map<Kind, { code: number; report: CheckReport }>();
const reportOf = (kind: Kind): CheckReport => {
  const run = runs.get(kind);
  if (!run) throw new Error(`no ${kind} run`);
  return run.report;
};

beforeAll(async () => {
  for (const kind of KINDS) runs.set(kind, await checkJson([...INPUTS[kind], ...PACK]));
});

const P = "urn:pulumi:dev::acceptance-inputs::";

describe("Issue Reports and CI: the program, its preview JSON and its state export", () => {
  test("each exits 1 on the same stack", () => {
    expect([...runs].map(([kind, r]) => [kind, r.code, r.report.project, r.report.stack])).toEqual([
      ["program", 1, "acceptance-inputs", "dev"],
      ["preview", 1, "acceptance-inputs", "dev"],
      ["state", 1, "acceptance-inputs", "dev"],
    ]);
  });

  test("give the same verdicts: policy, resource and level", () => {
    const expected = [
      `endpoint-kubeconfig-enforce-eu-server ${P}pulumi:providers:kubernetes::eks mandatory`,
      `image-container-enforce-eu-registry ${P}kubernetes:apps/v1:Deployment::web mandatory`,
      `region-resource-enforce-eu-location ${P}ovh:CloudProject/kube:Kube::cluster-bhs mandatory`,
      `seal-enforce-minimum ${P}pulumi:providers:aws::aws-eu mandatory`,
      `seal-enforce-minimum ${P}pulumi:providers:aws::aws-eu mandatory`,
      `vendor-resource-disallow-non-eu-vendor ${P}aws:s3/bucket:Bucket::backups mandatory`,
      `vendor-resource-disallow-non-eu-vendor ${P}pulumi:providers:aws::aws-eu mandatory`,
    ];
    expect([
      verdictsOf(reportOf("program")),
      verdictsOf(reportOf("preview")),
      verdictsOf(reportOf("state")),
    ]).toEqual([expected, expected, expected]);
  });

  test("plan the same resources, placed alike, declared on the same lines", () => {
    const declared = (x: PlannedResource) => (x.source ? `${x.source.file}:${x.source.line}` : "-");
    const plan = (r: CheckReport) =>
      r.resources
        .map((x) => `${x.urn} ${x.vendor} ${x.region ?? "-"} ${x.country ?? "-"} ${declared(x)}`)
        .sort();
    expect(plan(reportOf("preview"))).toEqual(plan(reportOf("program")));
    expect(plan(reportOf("state"))).toEqual(plan(reportOf("program")));
  });
});
