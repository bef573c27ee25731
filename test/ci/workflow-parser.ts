/**
 * GitHub's workflow parser for the tests. @actions/workflow-parser is ESM that imports its JSON schema without an
 * import attribute, which Node refuses to load; esbuild bundles it (JSON included) into one CommonJS file that
 * `require` loads, without touching the test runner's configuration.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";

type Parser = typeof import("@actions/workflow-parser");

const ENTRY = join(__dirname, "../../node_modules/@actions/workflow-parser/dist/index.js");

/** The parser's exports, bundled once per test file. */
export function loadWorkflowParser(): Parser {
  const bundle = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const file = join(mkdtempSync(join(tmpdir(), "workflow-parser-")), "index.cjs");
  writeFileSync(file, bundle.outputFiles[0]?.text ?? "");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as Parser;
}
