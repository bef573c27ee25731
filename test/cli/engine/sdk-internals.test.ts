import { describe, expect, test } from "vitest";
import { InternalsInUse, isVerified, type SdkInternal } from "../../../cli/engine/sdk-internals";

const range = { from: "3.248.0", below: "3.249.0" };
const internal: SdkInternal = {
  name: "runtime.thing",
  verified: range,
  fallback: "the public way",
};

describe("isVerified", () => {
  test.each([
    ["3.248.0", true],
    ["3.248.7", true],
    ["3.248.1-alpha.3", true],
    ["3.247.9", false],
    ["3.249.0", false],
    ["4.0.0", false],
  ])("%s → %s", (version, verified) => {
    expect(isVerified(version, range)).toBe(verified);
  });
});

describe("InternalsInUse", () => {
  test("allows an internal of a verified SDK that is present, with nothing to report", () => {
    const internals = new InternalsInUse("3.248.2");
    expect([internals.use(internal), internals.notes()]).toEqual([true, []]);
  });

  test("falls back when the internal is missing, and reports it once", () => {
    const internals = new InternalsInUse("3.248.2");
    expect([internals.use(internal, false), internals.use(internal, false)]).toEqual([
      false,
      false,
    ]);
    expect(internals.notes()).toEqual([
      "@pulumi/pulumi 3.248.2 (the program's) is outside the versions the engine verified runtime.thing against (>=3.248.0 <3.249.0) or lacks it: the public way",
    ]);
  });

  test("falls back outside the verified range even when the internal is there", () => {
    const internals = new InternalsInUse("3.250.0");
    expect([internals.use(internal), internals.notes().length]).toEqual([false, 1]);
  });
});
