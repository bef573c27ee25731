import { describe, expect, test } from "vitest";
import { jsonPieces, LazyJsonArray } from "../../../cli/format/json-pieces";

const VALUES: [string, unknown][] = [
  ["a scalar", 42],
  ["a string with a newline and quotes", 'two\nlines "quoted"'],
  ["null", null],
  ["empty containers", { a: {}, b: [], c: [{}, []] }],
  [
    "a report-like document",
    {
      resources: [
        { urn: "urn:a", inputs: { spec: { ports: [{ port: 80 }] }, note: "x\ny" } },
        { urn: "urn:b", inputs: {} },
      ],
      summary: { mandatory: 0, advisory: 4 },
      skipped: undefined,
    },
  ],
  [
    "what JSON.stringify leaves out or writes as null",
    { f: () => 1, u: undefined, list: [undefined, () => 1, 1] },
  ],
  ["toJSON at any depth", { when: new Date(0), items: [{ at: new Date(1000) }] }],
];

describe("jsonPieces", () => {
  test.each(VALUES)("joined, is JSON.stringify of %s at every indent and depth", (_what, value) => {
    for (const indent of [0, 2, 4])
      for (const depth of [0, 1, 2, 3, 8])
        expect([...jsonPieces(value, indent, depth)].join("")).toBe(
          JSON.stringify(value, null, indent),
        );
  });

  test("yields each member of the containers down to the depth on its own", () => {
    const resources = Array.from({ length: 1000 }, (_, i) => ({ urn: `urn:${i}`, inputs: { i } }));
    const pieces = [...jsonPieces({ resources }, 2, 2)];
    expect(pieces.length).toBeGreaterThan(2000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100);
  });

  test("writes a lazy array as the array of its items, making each only when it is written", () => {
    let made = 0;
    const steps = new LazyJsonArray(function* () {
      for (const urn of ["urn:a", "urn:b", "urn:c"]) {
        made += 1;
        yield { op: "create", urn, newState: { inputs: { n: made } } };
      }
    });
    const pieces = jsonPieces({ steps, changeSummary: { create: 3 } }, 4, 2);
    const firstPieces = [pieces.next(), pieces.next(), pieces.next()];
    expect(firstPieces.every((p) => p.done === false)).toBe(true);
    expect(made).toBe(1);
    const text = [...firstPieces.map((p) => p.value as string), ...pieces].join("");
    made = 0;
    expect(text).toBe(JSON.stringify({ steps, changeSummary: { create: 3 } }, null, 4));
    expect(JSON.parse(text)).toMatchObject({
      steps: [{ urn: "urn:a" }, { urn: "urn:b" }, { urn: "urn:c" }],
    });
  });
});
