import { describe, expect, test } from "vitest";
import {
  configMapKeys,
  configMapValues,
  envValues,
  secretValues,
} from "../../../../../policies/rules/data/lib/kubernetes-values";
import { base64, configMap, secret } from "../../../fixtures/kubernetes-config";
import { container, podSpec, workload } from "../../../fixtures/workloads";

type Json = Record<string, unknown>;
const props = (spec: { props?: Json }) => spec.props ?? {};

describe("envValues", () => {
  test("lists plain env values of every container, skipping valueFrom", () => {
    const spec = workload(
      "CronJob",
      podSpec({
        containers: [
          container({
            env: [
              { name: "A", value: "1" },
              { name: "B", valueFrom: { secretKeyRef: { name: "s", key: "b" } } },
            ],
          }),
        ],
        initContainers: [container({ env: [{ name: "C", value: "3" }] }, "init")],
      }),
    );
    expect(envValues(spec.type, props(spec))).toEqual([
      { name: "A", value: "1", where: 'env A of container "app" (containers[0])' },
      { name: "C", value: "3", where: 'env C of container "init" (initContainers[0])' },
    ]);
  });

  test("lists nothing for kinds that bear no pods", () => {
    expect(
      envValues("kubernetes:core/v1:Service", {
        spec: { containers: [{ env: [{ name: "A", value: "1" }] }] },
      }),
    ).toEqual([]);
  });
});

describe("secretValues", () => {
  test("reads stringData as is and data decoded from base64", () => {
    const spec = secret({ PGUSER: "shop" }, { data: { PGSSLMODE: base64("require") } });
    expect(secretValues(spec.type, props(spec))).toEqual([
      { name: "PGUSER", value: "shop", where: "key PGUSER (stringData)" },
      { name: "PGSSLMODE", value: "require", where: "key PGSSLMODE (data)" },
    ]);
  });

  test("reads nothing from a ConfigMap", () => {
    const spec = configMap();
    expect(secretValues(spec.type, props(spec))).toEqual([]);
  });
});

describe("configMapValues and configMapKeys", () => {
  const spec = configMap({ LOG_LEVEL: "info" }, { binaryData: { "logo.png": "iVBOR" } });

  test("lists text values", () => {
    expect(configMapValues(spec.type, props(spec))).toEqual([
      { name: "LOG_LEVEL", value: "info", where: "key LOG_LEVEL (data)" },
    ]);
  });

  test("lists text and binary keys", () => {
    expect(configMapKeys(spec.type, props(spec))).toEqual([
      { name: "LOG_LEVEL", where: "key LOG_LEVEL (data)" },
      { name: "logo.png", where: "key logo.png (binaryData)" },
    ]);
  });
});
