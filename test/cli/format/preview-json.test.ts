import { describe, expect, test } from "vitest";
import { ASSUMED_PLACEHOLDER, SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import { UNKNOWN } from "../../../cli/engine/recorder";
import type { CheckReport } from "../../../cli/engine/report";
import { renderPreviewJson } from "../../../cli/format/preview-json";
import { readPreviewJson } from "../../../cli/inputs/preview-json";
import { recorded, stackResource, STACK_URN } from "../engine/recorded";

const PROVIDER = "urn:pulumi:dev::shop::pulumi:providers:kubernetes::par-kubernetes";
const plan = [
  stackResource(),
  recorded({
    type: "pulumi:providers:kubernetes",
    name: "par-kubernetes",
    urn: PROVIDER,
    inputs: { kubeconfig: SECRET_PLACEHOLDER, context: `https://${ASSUMED_PLACEHOLDER}` },
    secretPaths: ["kubeconfig"],
  }),
  recorded({
    type: "kubernetes:core/v1:Secret",
    name: "db",
    provider: `${PROVIDER}::par-id`,
    protect: true,
    inputs: {
      metadata: { name: "db" },
      stringData: { PGPASSWORD: "s3cret-password-value", PGSSLMODE: "require" },
      type: "Opaque",
    },
    secretPaths: ["stringData.PGPASSWORD", "stringData.PGSSLMODE"],
    dependencies: [PROVIDER],
    customTimeouts: { create: "5m", update: "", delete: "1h30m" },
  }),
];
const report = {
  resources: [{ urn: plan[2]?.urn ?? "", source: { file: "stacks/deploy.ts", line: 42 } }],
} as unknown as CheckReport;

const digest = () =>
  JSON.parse(renderPreviewJson(report, { plan })) as {
    steps: { op: string; urn: string; provider?: string; newState: Record<string, unknown> }[];
    changeSummary: Record<string, number>;
  };

describe("renderPreviewJson", () => {
  test("prints one create step per resource, with the state as Pulumi prints it", () => {
    const { steps, changeSummary } = digest();
    expect(changeSummary).toEqual({ create: 3 });
    expect(steps.map((s) => [s.op, s.urn])).toEqual(plan.map((r) => ["create", r.urn]));
    expect(steps[2]).toEqual({
      op: "create",
      urn: plan[2]?.urn,
      provider: `${PROVIDER}::par-id`,
      newState: {
        urn: plan[2]?.urn,
        custom: true,
        id: "db-id",
        type: "kubernetes:core/v1:Secret",
        inputs: { metadata: { name: "db" }, stringData: "[secret]", type: "Opaque" },
        parent: STACK_URN,
        protect: true,
        dependencies: [PROVIDER],
        provider: `${PROVIDER}::par-id`,
        customTimeouts: { create: 300, delete: 5400 },
        sourcePosition: "project:///stacks/deploy.ts#42",
      },
    });
  });

  test("never shows a secret or a value the offline engine made up", () => {
    const text = renderPreviewJson(report, { plan });
    for (const hidden of ["s3cret-password-value", SECRET_PLACEHOLDER, ASSUMED_PLACEHOLDER])
      expect(text).not.toContain(hidden);
    expect(digest().steps[1]?.newState.inputs).toEqual({
      kubeconfig: "[secret]",
      context: UNKNOWN,
    });
  });

  test("reads back as the same resources, secrets marked", () => {
    const back = readPreviewJson(renderPreviewJson(report, { plan }));
    expect(back.resources.map((r) => [r.urn, r.parent, r.provider, r.protect])).toEqual(
      plan.map((r) => [r.urn, r.parent, r.provider, r.protect]),
    );
    expect(back.resources[2]?.secretPaths).toEqual(["stringData"]);
    expect(back.sources).toEqual({ [plan[2]?.urn ?? ""]: { file: "stacks/deploy.ts", line: 42 } });
  });

  test("fails when the run kept no plan", () => {
    expect(() => renderPreviewJson(report, {})).toThrow(/did not keep/);
  });
});
