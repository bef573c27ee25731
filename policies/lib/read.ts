/**
 * Reading fields by path from resource inputs, so location and image tables name fields as data
 * (`nodes[].region`, `replication.rules[].destination.region`) instead of code walking each shape.
 */
import { rawOf, unknownCause, type UnknownCause } from "./unknown";

export type Reading =
  | { readonly kind: "value"; readonly path: string; readonly value: unknown }
  | { readonly kind: "unknown"; readonly path: string; readonly cause: UnknownCause }
  | { readonly kind: "absent"; readonly path: string };

interface Segment {
  readonly key: string;
  /** `key[]`: read every element of the list. */
  readonly each: boolean;
}

/** Parsed paths: policies read the same few paths on every resource. */
const segmentsByPath = new Map<string, readonly Segment[]>();

function parse(path: string): readonly Segment[] {
  let segments = segmentsByPath.get(path);
  if (segments === undefined) {
    segments = path
      .split(".")
      .map((part) =>
        part.endsWith("[]") ? { key: part.slice(0, -2), each: true } : { key: part, each: false },
      );
    segmentsByPath.set(path, segments);
  }
  return segments;
}

const join = (at: string, key: string) => (at === "" ? key : `${at}.${key}`);

function leaf(value: unknown, path: string): Reading {
  const cause = unknownCause(value);
  if (cause) return { kind: "unknown", path, cause };
  if (value === undefined || value === null || value === "") return { kind: "absent", path };
  return { kind: "value", path, value };
}

function walk(node: unknown, segments: readonly Segment[], at: string): Reading[] {
  const [segment, ...rest] = segments;
  if (!segment) return [leaf(node, at)];
  const cause = unknownCause(node);
  if (cause) return [{ kind: "unknown", path: at, cause }];
  if (node === null || typeof node !== "object" || Array.isArray(node))
    return [{ kind: "absent", path: join(at, segment.key) }];
  const path = join(at, segment.key);
  const child = (node as Record<string, unknown>)[segment.key];
  if (!segment.each) return walk(child, rest, path);
  const childCause = unknownCause(child);
  if (childCause) return [{ kind: "unknown", path, cause: childCause }];
  if (!Array.isArray(child)) return [{ kind: "absent", path }];
  return child.flatMap((element, i) => walk(element, rest, `${path}[${i}]`));
}

/**
 * Every value at `path` in `props` (proxied or raw). A list read with `[]` yields one reading per element, and
 * none for an empty list; a missing list yields one `absent` reading.
 */
export function readPath(props: unknown, path: string): Reading[] {
  return walk(rawOf(props), parse(path), "");
}
