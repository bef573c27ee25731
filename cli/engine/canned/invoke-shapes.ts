/**
 * The shape of an invoke's result, read from the provider SDK's declarations, for invokes no canned answer covers.
 * A real preview runs invokes against the cloud, so their results are known values; offline they cannot be, so each
 * required field is answered with a placeholder of its type (INVOKE_PLACEHOLDER for text, 0, false), a list holds
 * one element of its element's shape and a map is empty. Not the runtime's unknown: a plain invoke given an unknown
 * input answers `{}` without asking (runtime/invoke.js), which would break the chained look-ups real programs make
 * (`getVpc` then `getSubnets({ vpcId })`). The program goes on instead of failing on `undefined` ("Missing required
 * property", `.ids.slice`); policies read placeholders as not known offline; the invoke is listed as unanswered.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { INVOKE_PLACEHOLDER } from "../../../domain/offline-placeholders";

/** npm packages that may hold a Pulumi package's SDK; the package.json's `pulumi.name` confirms it. */
const SDK_PACKAGES = (pkg: string) => [
  `@pulumi/${pkg}`,
  `@pulumiverse/${pkg}`,
  `@ovhcloud/pulumi-${pkg}`,
  `@pulumi/pulumi-${pkg}`,
];

/** Nested outputs deeper than this are answered with a placeholder as a whole. */
const MAX_DEPTH = 4;

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The body of `interface <name> {…}` from `from` on, without comments, or undefined. */
function interfaceBody(text: string, name: string, from = 0): string | undefined {
  const match = new RegExp(`\\binterface ${name}\\s*\\{`, "g");
  match.lastIndex = from;
  const found = match.exec(text);
  if (!found) return undefined;
  let depth = 1;
  let i = found.index + found[0].length;
  const start = i;
  for (; i < text.length && depth > 0; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}") depth--;
  }
  return text.slice(start, i - 1).replace(/\/\*[\s\S]*?\*\//g, "");
}

/** Members of an interface body split at its top-level `;`. */
function members(body: string): { name: string; optional: boolean; type: string }[] {
  const out: { name: string; optional: boolean; type: string }[] = [];
  let depth = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "{" || ch === "(" || ch === "<") depth++;
    else if (ch === "}" || ch === ")" || ch === ">") depth--;
    if (ch === ";" && depth === 0) {
      const m = /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)(\?)?\s*:\s*([\s\S]+?)\s*$/.exec(current);
      if (m) out.push({ name: m[1] ?? "", optional: m[2] === "?", type: m[3] ?? "" });
      current = "";
    } else current += ch;
  }
  return out;
}

interface Sdk {
  readonly root: string;
  readonly files: Map<string, string | undefined>;
}

function read(sdk: Sdk, file: string): string | undefined {
  if (!sdk.files.has(file)) {
    const full = path.join(sdk.root, file);
    sdk.files.set(file, existsSync(full) ? readFileSync(full, "utf8") : undefined);
  }
  return sdk.files.get(file);
}

/** The body of `outputs.<ns>…<Name>` in the SDK's types/output.d.ts. */
function outputInterface(sdk: Sdk, qualified: string): string | undefined {
  const text = read(sdk, path.join("types", "output.d.ts"));
  if (!text) return undefined;
  const parts = qualified.split(".");
  const name = parts.pop() ?? "";
  let from = 0;
  for (const ns of parts) {
    const at = text.indexOf(`namespace ${ns} {`, from);
    if (at < 0) return undefined;
    from = at;
  }
  return interfaceBody(text, name, from);
}

function valueOf(sdk: Sdk, type: string, depth: number): unknown {
  const t = type.trim().replace(/^\((.*)\)$/s, "$1");
  if (t.endsWith("[]")) return [valueOf(sdk, t.slice(0, -2), depth + 1)];
  if (t.startsWith("{")) return {};
  if (t === "number") return 0;
  if (t === "boolean") return false;
  const output = /^outputs\.([\w.]+)$/.exec(t)?.[1];
  if (output && depth < MAX_DEPTH) {
    const body = outputInterface(sdk, output);
    if (body !== undefined) return shapeOf(sdk, body, depth + 1);
  }
  return INVOKE_PLACEHOLDER;
}

function shapeOf(sdk: Sdk, body: string, depth: number): Record<string, unknown> {
  return Object.fromEntries(
    members(body)
      .filter((m) => !m.optional)
      .map((m) => [m.name, valueOf(sdk, m.type, depth)]),
  );
}

/** Where a token's function is declared: `aws:ec2/getVpc:getVpc` → ec2/getVpc.d.ts, `x:index/getY:getY` → getY.d.ts. */
function declarationFiles(token: string): string[] {
  const [, module = "", fn = ""] = token.split(":");
  const file = lowerFirst(fn);
  const dir = module.includes("/") ? module.slice(0, module.lastIndexOf("/")) : module;
  return [...new Set([path.join(dir === "index" ? "" : dir, `${file}.d.ts`), `${file}.d.ts`])];
}

/** The SDK of a Pulumi package as the first of `entries` that has it resolves it, or undefined. */
function findSdk(pkg: string, entries: readonly string[]): Sdk | undefined {
  for (const entry of entries) {
    const require = createRequire(entry);
    for (const name of SDK_PACKAGES(pkg)) {
      try {
        const manifest = require.resolve(`${name}/package.json`);
        const json = JSON.parse(readFileSync(manifest, "utf8")) as { pulumi?: { name?: string } };
        if ((json.pulumi?.name ?? pkg) === pkg)
          return { root: path.dirname(manifest), files: new Map() };
      } catch {
        // not installed under this name
      }
    }
  }
  return undefined;
}

/**
 * Answers invokes from the result types of the SDKs that `entries` (the program's entry, then the toolkit) resolve;
 * undefined when the SDK or the result type cannot be found.
 */
export function invokeShapes(
  entries: readonly string[],
): (token: string) => Record<string, unknown> | undefined {
  const sdks = new Map<string, Sdk | undefined>();
  return (token) => {
    const [pkg = "", , fn = ""] = token.split(":");
    if (!sdks.has(pkg)) sdks.set(pkg, findSdk(pkg, entries));
    const sdk = sdks.get(pkg);
    if (!sdk) return undefined;
    for (const file of declarationFiles(token)) {
      const text = read(sdk, file);
      const body = text && interfaceBody(text, `${upperFirst(fn)}Result`);
      if (body !== undefined) return shapeOf(sdk, body, 0);
    }
    return undefined;
  };
}
