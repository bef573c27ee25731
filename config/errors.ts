/**
 * Config problems as one readable error: every problem, each with the stack file, the key path in Pulumi's
 * `--path` syntax (`sovereign:workloads[1].replicas`), the value received and what to change.
 */
import type { core } from "zod";

export interface ConfigIssue {
  /** Full key path, e.g. `sovereign:workloads[1].replicas`. */
  readonly key: string;
  readonly value: unknown;
  readonly problem: string;
  /** What to do, when more specific than setting the key to a valid value. */
  readonly fix?: string;
}

const NAMESPACE = "sovereign";

/** Environment variable through which `sovereign check` tells a program which stack file it read. */
export const STACK_FILE_ENV = "SOVEREIGN_STACK_FILE";

/** `["workloads", 1, "replicas"]` → `sovereign:workloads[1].replicas`. */
export function keyPath(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path;
  if (head === undefined) return `${NAMESPACE}:<top level>`;
  return rest.reduce<string>(
    (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`),
    `${NAMESPACE}:${String(head)}`,
  );
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** zod's type names in the words a YAML author uses. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  int: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a map of keys",
};

function problemOf(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `is required (${expected})` : `must be ${expected}`;
    }
    case "too_small":
      if (!issue.message.startsWith("Too small")) return issue.message;
      return `must be at least ${String(issue.minimum)}${issue.origin === "array" ? " entries" : ""}`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}${issue.origin === "array" ? " entries" : ""}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      return issue.message;
    default:
      return issue.message;
  }
}

/** A discriminated union reports the whole object; the value worth showing is the discriminator's. */
function valueAt(issue: core.$ZodIssue): unknown {
  const last = issue.path.at(-1);
  if (
    issue.code === "invalid_union" &&
    typeof last === "string" &&
    issue.input !== null &&
    typeof issue.input === "object"
  ) {
    return (issue.input as Record<string, unknown>)[last];
  }
  return issue.input;
}

/** One issue per unknown key, so a typo names its own path. */
export function issuesFromZod(issues: readonly core.$ZodIssue[]): ConfigIssue[] {
  return issues.flatMap((issue): ConfigIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((k) => ({
        key: keyPath([...issue.path, k]),
        value: (issue.input as Record<string, unknown> | undefined)?.[k],
        problem: "is not a known key (a typo?)",
        fix: `remove it (pulumi config rm --path '${keyPath([...issue.path, k])}') or fix its spelling; the config reference is in README.md`,
      }));
    }
    return [{ key: keyPath(issue.path), value: valueAt(issue), problem: problemOf(issue) }];
  });
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly issues: readonly ConfigIssue[],
    readonly where: { readonly stackFile?: string; readonly stack?: string } = {},
  ) {
    super(formatIssues(issues, where));
  }
}

export function formatIssues(
  issues: readonly ConfigIssue[],
  where: { stackFile?: string; stack?: string },
): string {
  const file = where.stackFile ?? "the stack config";
  const stackFlag = where.stack ? ` -s ${where.stack}` : "";
  const head = `${file}: ${issues.length} config problem${issues.length === 1 ? "" : "s"}`;
  const lines = issues.map((i) => {
    const fix =
      i.fix ?? `set it in ${file} or with: pulumi config set --path '${i.key}' <value>${stackFlag}`;
    return `  - ${i.key} ${i.problem}; got ${describe(i.value)}. Fix: ${fix}`;
  });
  return [head, ...lines].join("\n");
}
