import { describe, expect, test } from "vitest";
import { OBJECTIVE_IDS, OBJECTIVES, type Seal } from "../../../config/catalog/assurance";
import {
  objectiveScore,
  overallSeal,
  sovereigntyScore,
  weakestByObjective,
} from "../../../domain/assurance/score";

const levels = (...seals: Seal[]) =>
  Object.fromEntries(OBJECTIVE_IDS.map((id, i) => [id, seals[i] ?? 4])) as Record<
    (typeof OBJECTIVE_IDS)[number],
    Seal
  >;

describe("assurance scores", () => {
  test("weights the eight objectives to 100 percent, as published", () => {
    expect(OBJECTIVE_IDS.map((id) => OBJECTIVES[id].weight)).toEqual([
      15, 10, 10, 15, 20, 15, 10, 5,
    ]);
  });

  test("takes the weakest objective as the overall level", () => {
    expect(overallSeal(levels(4, 4, 3, 3, 2, 3, 3, 2))).toBe(2);
    expect(overallSeal(levels(4, 4, 4, 4, 4, 4, 4, 4))).toBe(4);
  });

  test.each([
    [levels(4, 4, 4, 4, 4, 4, 4, 4), 100],
    [levels(0, 0, 0, 0, 0, 0, 0, 0), 0],
    [levels(4, 4, 3, 3, 2, 3, 3, 2), 75],
    [levels(0, 4, 4, 4, 4, 4, 4, 4), 85],
    [levels(3, 3, 3, 2, 1, 1, 3, 2), 52.5],
  ])("scores %j at %d percent", (seals, score) => {
    expect(sovereigntyScore(seals)).toBe(score);
  });

  test("scores an objective as its level over four", () => {
    expect([0, 1, 2, 3, 4].map((s) => objectiveScore(s as Seal))).toEqual([0, 25, 50, 75, 100]);
  });

  test("keeps the weakest level per objective across offerings", () => {
    expect(weakestByObjective([levels(4, 1, 4), levels(2, 4, 4)])).toEqual(levels(2, 1, 4));
    expect(weakestByObjective([])).toBeUndefined();
  });
});
