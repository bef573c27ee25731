import { describe, expect, it } from "vitest";
import { PASSWORD_SHAPE, passwordKeepers } from "../../../components/adapters/passwords";
import { cannedOutputs } from "../../../cli/engine/canned/outputs";

describe("passwordKeepers", () => {
  it("keeps a password by its role and the target's rotation", () => {
    expect(passwordKeepers({ role: "app", rotation: "2026-12" })).toEqual({
      role: "app",
      rotation: "2026-12",
    });
  });

  it("keeps an empty rotation when the target sets none, so setting one later rotates", () => {
    expect(passwordKeepers({ role: "app", rotation: undefined })).toEqual({
      role: "app",
      rotation: "",
    });
  });
});

describe("PASSWORD_SHAPE", () => {
  // Scaleway RDB: 8-128 characters, at least one digit, upper-case, lower-case and special character.
  it("asks for every character class Scaleway requires, within its length limits", () => {
    expect(PASSWORD_SHAPE.length).toBeGreaterThanOrEqual(8);
    expect(PASSWORD_SHAPE.length).toBeLessThanOrEqual(128);
    expect(PASSWORD_SHAPE).toMatchObject({
      minUpper: 1,
      minLower: 1,
      minNumeric: 1,
      minSpecial: 1,
    });
  });

  it("uses only URL-safe specials, so a DSN needs no escaping", () => {
    expect(encodeURIComponent(PASSWORD_SHAPE.overrideSpecial)).toBe(PASSWORD_SHAPE.overrideSpecial);
  });

  it("is met by the offline engine's canned password", () => {
    const { result } = cannedOutputs("random:index/randomPassword:RandomPassword", "p", {
      ...PASSWORD_SHAPE,
    });
    expect(result).toHaveLength(PASSWORD_SHAPE.length);
    expect(result).toMatch(/[A-Z]/);
    expect(result).toMatch(/[a-z]/);
    expect(result).toMatch(/[0-9]/);
    expect(result).toMatch(/[-_]/);
  });
});
