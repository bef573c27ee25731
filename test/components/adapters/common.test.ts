import { describe, expect, test } from "vitest";
import { statefulOptions } from "../../../components/adapters/common";
import { adapterSecretKeysOf } from "../../../components/adapters/registry";
import { parseStackConfig, type StackConfigInput, type Target } from "../../../config/schema";
import { TARGETS } from "./fixtures";

describe("statefulOptions", () => {
  test.each([true, false])("protects and retains when protect is %s", (protect) => {
    expect(statefulOptions({ protect })).toEqual({ protect, retainOnDelete: protect });
  });
});

describe("adapterSecretKeysOf", () => {
  const targetOf = (t: StackConfigInput["targets"][number]) =>
    parseStackConfig({
      targets: [t],
      workloads: [{ name: "shop", image: "rg.fr-par.scw.cloud/a/shop:1" }],
    }).targets[0] as Target;
  test.each([
    ["a Scaleway database", TARGETS.scaleway, []],
    ["no Scaleway database", { ...TARGETS.scaleway, database: { enabled: false } }, []],
    ["an OVHcloud database", TARGETS.ovhcloud, []],
    ["an in-cluster database", TARGETS.kubernetes, []],
    [
      "an external database",
      {
        ...TARGETS.kubernetes,
        database: { mode: "external", host: "h", database: "d", user: "u", passwordSecret: "pw" },
      },
      [],
    ],
  ] as const)("reads no secret of its own, passwords are generated: %s", (_, target, keys) => {
    expect(adapterSecretKeysOf(targetOf(target as StackConfigInput["targets"][number]))).toEqual(
      keys,
    );
  });
});
