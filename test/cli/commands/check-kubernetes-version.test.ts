import * as path from "node:path";
import { describe, expect, test } from "vitest";
import type { CheckReport } from "../../../cli/engine/report";
import { runCli } from "../run-cli";

const PROGRAM = path.resolve(__dirname, "../../fixtures/programs/kubernetes-objects");
const POLICIES = ["workload-kubernetes-enforce-schema", "workload-kubernetes-disallow-removed-api"];
const GUIDE = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";

async function check(extra: readonly string[]) {
  const run = await runCli([
    "check",
    PROGRAM,
    "--stack",
    "dev",
    "--pack",
    "workload-baseline",
    "--format",
    "json",
    ...extra,
  ]);
  return { ...run, report: run.code === 2 ? undefined : (JSON.parse(run.stdout) as CheckReport) };
}

/** `name: message` of the schema and API-version violations. */
const verdicts = (report: CheckReport | undefined) =>
  (report?.violations ?? [])
    .filter((v) => POLICIES.includes(v.policy))
    .map((v) => `${v.urn?.slice(v.urn.lastIndexOf("::") + 2) ?? ""}: ${v.message}`)
    .sort();

describe("sovereign check --kubernetes-version", () => {
  test.each([
    ["1.35", ["--kubernetes-version", "1.35"]],
    ["1.36", ["--kubernetes-version", "v1.36.2"]],
    ["1.36", []],
  ])("judges every object for Kubernetes %s", async (minor, flag) => {
    const { code, report } = await check(flag);
    expect(code).toBe(1);
    expect(verdicts(report)).toEqual([
      `legacy: policy/v1beta1 PodDisruptionBudget is not an API of Kubernetes ${minor}: its OpenAPI document defines no such version or kind`,
      `legacy: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25 and is not served by ${minor}; use policy/v1 (served since 1.21) (${GUIDE}#v1-25)`,
      `wrong: apps/v1 Deployment spec.replicas: must be integer (Kubernetes ${minor} schema)`,
    ]);
  });

  test("says in the report which custom resources were not schema-checked", async () => {
    const { report } = await check([]);
    expect(report?.notes).toContain(
      "Custom resources without a vendored CRD were not schema-checked (workload-kubernetes-enforce-schema): example.com/v1 Widget",
    );
  });

  test.each([
    [
      "1.37",
      "--kubernetes-version 1.37: no vendored Kubernetes schema for 1.37; use one of 1.35, 1.36",
    ],
    ["latest", "--kubernetes-version latest: expected a Kubernetes minor such as 1.36"],
  ])(
    "fails when the version is %s, before running the program (exit 2)",
    async (version, message) => {
      const { code, stderr } = await check(["--kubernetes-version", version]);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
    },
  );
});
