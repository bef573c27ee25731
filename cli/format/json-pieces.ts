/**
 * `JSON.stringify(value, null, indent)` in pieces: the members of the objects and arrays down to `depth` one by
 * one, anything deeper stringified whole. Joined, the pieces are that text exactly; written one by one, no string
 * holds it all, so a plan's JSON may pass V8's longest string (about 512 MiB: a preview digest of some 1,500
 * workloads of the benchmark fleet).
 */

/** What JSON.stringify writes for `value` under `key`: its `toJSON` result, else itself. */
function jsonValueOf(value: unknown, key: string): unknown {
  const withToJson = value as { toJSON?: (key: string) => unknown } | null | undefined;
  return typeof withToJson?.toJSON === "function" ? withToJson.toJSON(key) : value;
}

/** A member JSON.stringify leaves out of an object (and writes as null in an array). */
const isOmitted = (value: unknown) =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

export function* jsonPieces(value: unknown, indent: number, depth: number): Generator<string> {
  yield* piecesAt(jsonValueOf(value, ""), indent, depth, "");
}

/** A JSON file's text in pieces: `jsonPieces` and the final newline. */
export function* jsonFilePieces(value: unknown, indent: number, depth: number): Generator<string> {
  yield* jsonPieces(value, indent, depth);
  yield "\n";
}

function* piecesAt(value: unknown, indent: number, depth: number, pad: string): Generator<string> {
  if (depth === 0 || value === null || typeof value !== "object") {
    // Nested lines take this level's indentation; a newline inside a string is escaped, never literal.
    yield (JSON.stringify(value, null, indent) ?? "null").replace(/\n/g, `\n${pad}`);
    return;
  }
  // JSON.stringify's layout: with no indent, no line breaks and no space after a key's colon.
  const gap = " ".repeat(indent);
  const inner = pad + gap;
  const newline = (at: string) => (gap === "" ? "" : `\n${at}`);
  const array = Array.isArray(value);
  const members: [string, unknown][] = array
    ? value.map((item: unknown, i) => [String(i), item])
    : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  let first = true;
  for (const [key, raw] of members) {
    const member = jsonValueOf(raw, key);
    if (!array && isOmitted(member)) continue;
    const name = array ? "" : `${JSON.stringify(key)}:${gap === "" ? "" : " "}`;
    yield `${first ? (array ? "[" : "{") : ","}${newline(inner)}${name}`;
    first = false;
    if (array && isOmitted(member)) yield "null";
    else yield* piecesAt(member, indent, depth - 1, inner);
  }
  yield first ? (array ? "[]" : "{}") : `${newline(pad)}${array ? "]" : "}"}`;
}
