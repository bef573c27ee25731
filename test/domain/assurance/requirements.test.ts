import { describe, expect, test } from "vitest";
import {
  minimumsFor,
  parseSealRequirements,
  strictest,
  type SealRequirements,
} from "../../../domain/assurance/requirements";

const parsed = (raw: unknown): SealRequirements => {
  const result = parseSealRequirements(raw);
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.value;
};

describe("SEAL requirements", () => {
  test("defaults to no pack-wide minimum and internal as the default class", () => {
    expect(parsed({})).toEqual({
      minimum: {},
      byClassification: {},
      defaultClassification: "internal",
    });
  });

  test("gets stricter with the class", () => {
    const req = parsed({});
    expect(minimumsFor("public", req)).toEqual({});
    expect(minimumsFor("internal", req)).toEqual({ "SOV-2": 2, "SOV-3": 2 });
    expect(minimumsFor("restricted", req)["SOV-2"]).toBe(4);
  });

  test("raises a class's levels to the pack-wide minimum and replaces them per class", () => {
    const req = parsed({ minimum: { "SOV-5": 3 }, byClassification: { internal: { "SOV-2": 1 } } });
    expect(minimumsFor("internal", req)).toEqual({ "SOV-2": 1, "SOV-3": 2, "SOV-5": 3 });
  });

  test("keeps the strictest level per objective", () => {
    expect(strictest([{ "SOV-1": 2 }, { "SOV-1": 3, "SOV-2": 1 }])).toEqual({
      "SOV-1": 3,
      "SOV-2": 1,
    });
  });

  test.each([
    [{ minimum: { "SOV-1": 5 } }, "minimum.SOV-1: must be 0, 1, 2, 3 or 4"],
    [{ minimum: { "SOV-1": -1 } }, "minimum.SOV-1: must be 0, 1, 2, 3 or 4"],
    [
      { minimum: { "SOV-9": 2 } },
      "minimum: unknown key 'SOV-9'; use SOV-1, SOV-2, SOV-3, SOV-4, SOV-5, SOV-6, SOV-7, SOV-8",
    ],
    [
      { byClassification: { secret: {} } },
      "byClassification: unknown key 'secret'; use public, internal, confidential, restricted",
    ],
    [
      { minimums: {} },
      "unknown key 'minimums'; use minimum, byClassification, defaultClassification",
    ],
  ])("fails when the config is %j", (raw, problem) => {
    expect(parseSealRequirements(raw)).toEqual({ ok: false, problems: [problem] });
  });
});
