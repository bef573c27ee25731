import { describe, expect, it } from "vitest";
import { deprecationWarnings, isDeprecatedKey } from "../../config/deprecated";

describe("deprecated config keys", () => {
  it("names passwordSeed as deprecated and says what replaced it and how to remove it", () => {
    expect(isDeprecatedKey("passwordSeed")).toBe(true);
    expect(deprecationWarnings(["targets", "passwordSeed"])).toEqual([
      "sovereign:passwordSeed is deprecated and ignored: database passwords are now random.RandomPassword " +
        "resources kept in the stack's state (rotate them with targets[].database.passwordRotation); remove the " +
        "key with: pulumi config rm sovereign:passwordSeed",
    ]);
  });

  it("warns about nothing for keys still read", () => {
    expect(deprecationWarnings(["targets", "workloads", "environment"])).toEqual([]);
    expect(isDeprecatedKey("toString")).toBe(false);
  });
});
