import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, test } from "vitest";
import type { ProgramConfig } from "../../../cli/engine/config";
import { ASSUMED_PLACEHOLDER, SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import {
  fixFor,
  guardRequiredConfig,
  type RequiredConfigGuard,
} from "../../../cli/engine/required-config";

const config: ProgramConfig = {
  values: { "shop:region": "fr-par" },
  secretKeys: [],
  ciphertexts: [],
  missing: [],
};
let guard: RequiredConfigGuard | undefined;
afterEach(() => guard?.restore());

function guarded(): { guard: RequiredConfigGuard; cfg: pulumi.Config } {
  pulumi.runtime.setAllConfig({ ...config.values }, []);
  guard = guardRequiredConfig(pulumi, config);
  return { guard, cfg: new pulumi.Config("shop") };
}

describe("guardRequiredConfig", () => {
  test("fills each missing key with a placeholder of its kind and records it once", () => {
    const { guard, cfg } = guarded();
    expect([
      cfg.require("region"),
      cfg.require("projectId"),
      cfg.require("projectId"),
      cfg.requireNumber("nodes"),
      cfg.requireBoolean("debug"),
      cfg.requireObject("targets"),
      cfg.require("tier", { allowedValues: ["small", "large"] }),
    ]).toEqual(["fr-par", ASSUMED_PLACEHOLDER, ASSUMED_PLACEHOLDER, 0, false, [], "small"]);
    expect(guard.missing).toEqual([
      { key: "shop:projectId", secret: false },
      { key: "shop:nodes", secret: false },
      { key: "shop:debug", secret: false },
      { key: "shop:targets", secret: false },
      { key: "shop:tier", secret: false },
    ]);
  });

  test("marks a key read with requireSecret secret, in the record and in the runtime", async () => {
    const { guard, cfg } = guarded();
    const value = cfg.requireSecret("token");
    expect(await pulumi.isSecret(value)).toBe(true);
    expect(guard.missing).toEqual([{ key: "shop:token", secret: true }]);
    const runtime = pulumi.runtime as unknown as { isConfigSecret(key: string): boolean };
    expect([pulumi.runtime.getConfig("shop:token"), runtime.isConfigSecret("shop:token")]).toEqual([
      SECRET_PLACEHOLDER,
      true,
    ]);
  });

  test("puts the original methods back", () => {
    const { guard, cfg } = guarded();
    guard.restore();
    expect(() => cfg.require("projectId")).toThrow(
      "Missing required configuration variable 'shop:projectId'",
    );
  });
});

describe("fixFor", () => {
  test.each([
    [{ key: "shop:token", secret: true }, "pulumi config set --secret shop:token <value> -s dev"],
    [{ key: "shop:region", secret: false }, "pulumi config set shop:region <value> -s dev"],
  ])("spells the fix for %o", (missing, fix) => {
    expect(fixFor(missing, "dev")).toBe(fix);
  });
});
