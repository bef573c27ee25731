/**
 * What a renderer may know beyond the report: where the program sits in the repository (for SARIF locations) and
 * which secret values must never be printed. Every field is optional so `render(report)` works on its own.
 */
import { version as packageVersion } from "../../package.json";
import type { RecordedResource } from "../engine/recorder";

export interface FormatContext {
  /**
   * Secret values known to the run (secret inputs' plaintexts, `secure:` config ciphertexts): every occurrence
   * in any string of the report is replaced by `[secret]` before rendering.
   * @default [] - the report is rendered as it is
   */
  readonly secrets?: readonly string[];
  /**
   * The stack's config file, relative to the program directory: where results without a declaration line point.
   * @default "Pulumi.yaml" - the project file, which exists for every program
   */
  readonly stackFile?: string;
  /**
   * The program directory relative to the repository root, prefixed to every file a report names (SARIF needs
   * repository-relative paths).
   * @default "" - the program is the repository root
   */
  readonly programDir?: string;
  /**
   * The version reported as the tool's (SARIF driver, JUnit properties).
   * @default the `version` of package.json
   */
  readonly toolVersion?: string;
  /**
   * The recorded resources with their inputs, for formats that print the plan itself (`preview-json`).
   * @default - none: only the report is rendered
   */
  readonly plan?: readonly RecordedResource[];
  /**
   * List every resource and every violation, however long the plan (text format).
   * @default false - long plans are summarised by type, long violation lists counted per policy
   */
  readonly verbose?: boolean;
}

/** The fields of a context with their defaults applied. */
export interface ResolvedContext {
  readonly secrets: readonly string[];
  readonly stackFile: string;
  readonly programDir: string;
  readonly toolVersion: string;
}

export function resolveContext(ctx: FormatContext = {}): ResolvedContext {
  return {
    secrets: ctx.secrets ?? [],
    stackFile: ctx.stackFile ?? "Pulumi.yaml",
    programDir: (ctx.programDir ?? "").replace(/^\.\/?/, "").replace(/\/+$/, ""),
    toolVersion: ctx.toolVersion ?? packageVersion,
  };
}

/** A program-relative path as a repository-relative one, with forward slashes. */
export function repoPath(ctx: ResolvedContext, file: string): string {
  const clean = file.replace(/\\/g, "/").replace(/^\.\//, "");
  return ctx.programDir === "" ? clean : `${ctx.programDir}/${clean}`;
}
