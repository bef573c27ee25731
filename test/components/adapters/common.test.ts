import { describe, expect, it, test } from "vitest";
import { passwordFromSeed, statefulOptions } from "../../../components/adapters/common";
import { adapterSecretKeysOf } from "../../../components/adapters/registry";
import { parseStackConfig, type StackConfigInput, type Target } from "../../../config/schema";
import { TARGETS } from "./fixtures";

describe("passwordFromSeed", () => {
  it("gives the same password for the same seed, stack, target and role", () => {
    expect(passwordFromSeed("seed", "prod", "par", "app")).toBe(
      passwordFromSeed("seed", "prod", "par", "app"),
    );
  });

  test.each([
    ["another seed", ["seed2", "prod", "par", "app"]],
    ["another stack", ["seed", "dev", "par", "app"]],
    ["another target", ["seed", "prod", "gra", "app"]],
    ["another role", ["seed", "prod", "par", "sovereign_admin"]],
  ] as const)("gives a different password for %s", (_, [seed, stack, target, role]) => {
    expect(passwordFromSeed(seed, stack, target, role)).not.toBe(
      passwordFromSeed("seed", "prod", "par", "app"),
    );
  });

  it("meets complexity rules and needs no escaping in a URL", () => {
    expect(passwordFromSeed("seed", "prod", "par", "app")).toMatch(/^Sd9-[A-Za-z0-9_-]{32}$/);
  });
});

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
  const seed = (target: string) => [
    { key: "passwordSeed", target, holds: "seed of the derived database passwords" },
  ];

  test.each([
    ["a Scaleway database", TARGETS.scaleway, seed("par")],
    ["no Scaleway database", { ...TARGETS.scaleway, database: { enabled: false } }, []],
    ["an OVHcloud database (OVH generates the password)", TARGETS.ovhcloud, []],
    ["an in-cluster database", TARGETS.kubernetes, seed("ske")],
    [
      "an external database",
      {
        ...TARGETS.kubernetes,
        database: { mode: "external", host: "h", database: "d", user: "u", passwordSecret: "pw" },
      },
      [],
    ],
  ] as const)("asks for the password seed only when it sets passwords: %s", (_, target, keys) => {
    expect(adapterSecretKeysOf(targetOf(target as StackConfigInput["targets"][number]))).toEqual(
      keys,
    );
  });
});
