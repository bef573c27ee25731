/**
 * `JSON.stringify(value, null, indent)` in pieces: the members of the objects and arrays down to `depth` one by
 * one, anything deeper stringified whole. Joined, the pieces are that text exactly; written one by one, no string
 * holds it all, so a plan's JSON may pass V8's longest string (about 512 MiB: a preview digest of some 1,500
 * workloads of the benchmark fleet).
 */

/**
 * An array whose items are made as they are written, one at a time, so they never all exist at once (a preview
 * digest's steps). `JSON.stringify` sees the whole array (`toJSON`).
 */
export class LazyJsonArray {
  constructor(private readonly makeItems: () => Iterable<unknown>) {}

  items(): Iterable<unknown> {
    return this.makeItems();
  }

  toJSON(): unknown[] {
    return [...this.makeItems()];
  }
}

/** What JSON.stringify writes for `value` under `key`: its `toJSON` result, else itself. A lazy array stays. */
function jsonValueOf(value: unknown, key: string): unknown {
  if (value instanceof LazyJsonArray) return value;
  const withToJson = value as { toJSON?: (key: string) => unknown } | null | undefined;
  return typeof withToJson?.toJSON === "function" ? withToJson.toJSON(key) : value;
}

/** The members of an object or array as `[key, value]`, a lazy array's made as they are read. */
function* membersOf(value: object): Generator<[string, unknown]> {
  if (value instanceof LazyJsonArray) {
    let i = 0;
    for (const item of value.items()) yield [String(i++), item];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) yield [String(i), value[i] as unknown];
  } else {
    for (const key of Object.keys(value)) yield [key, (value as Record<string, unknown>)[key]];
  }
}

/** A member JSON.stringify leaves out of an object (and writes as null in an array). */
const isOmitted = (value: unknown) =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

export function* jsonPieces(value: unknown, indent: number, depth: number): Generator<string> {
  yield* piecesAt(jsonValueOf(value, ""), indent, depth, "");
}

/** Pieces joined into runs of at least `size` characters: one write for many small pieces. */
function* joinedUpTo(pieces: Iterable<string>, size: number): Generator<string> {
  let run = "";
  for (const piece of pieces) {
    run += piece;
    if (run.length >= size) {
      yield run;
      run = "";
    }
  }
  if (run !== "") yield run;
}

/** A JSON file's text: `jsonPieces` in runs of about 256 KiB to write, and the final newline. */
export function* jsonFilePieces(value: unknown, indent: number, depth: number): Generator<string> {
  yield* joinedUpTo(jsonPieces(value, indent, depth), 256 * 1024);
  yield "\n";
}

function* piecesAt(value: unknown, indent: number, depth: number, pad: string): Generator<string> {
  const lazy = value instanceof LazyJsonArray;
  if ((depth === 0 && !lazy) || value === null || typeof value !== "object") {
    // Nested lines take this level's indentation; a newline inside a string is escaped, never literal.
    yield (JSON.stringify(value, null, indent) ?? "null").replace(/\n/g, `\n${pad}`);
    return;
  }
  // JSON.stringify's layout: with no indent, no line breaks and no space after a key's colon.
  const gap = " ".repeat(indent);
  const inner = pad + gap;
  const newline = (at: string) => (gap === "" ? "" : `\n${at}`);
  const array = lazy || Array.isArray(value);
  let first = true;
  for (const [key, raw] of membersOf(value)) {
    const member = jsonValueOf(raw, key);
    if (!array && isOmitted(member)) continue;
    const name = array ? "" : `${JSON.stringify(key)}:${gap === "" ? "" : " "}`;
    yield `${first ? (array ? "[" : "{") : ","}${newline(inner)}${name}`;
    first = false;
    if (array && isOmitted(member)) yield "null";
    else yield* piecesAt(member, indent, Math.max(0, depth - 1), inner);
  }
  yield first ? (array ? "[]" : "{}") : `${newline(pad)}${array ? "]" : "}"}`;
}
