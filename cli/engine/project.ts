/**
 * Reads a Pulumi project the way the Pulumi CLI does: `Pulumi.yaml` (name, runtime, main, stackConfigDir,
 * project-level config) and the stack file `Pulumi.<stack>.yaml` beside it or in `stackConfigDir`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { yaml } from "./yaml";
import { CheckError } from "./errors";

export interface Project {
  /** Absolute project directory (where Pulumi.yaml is). */
  readonly dir: string;
  readonly file: string;
  readonly name: string;
  /** `main` from Pulumi.yaml, relative to `dir`; undefined when the project directory itself is the program. */
  readonly main: string | undefined;
  /** Absolute directory of the stack files. */
  readonly stackConfigDir: string;
  /** Raw `config:` block of Pulumi.yaml. */
  readonly config: Readonly<Record<string, unknown>>;
}

export interface StackFile {
  readonly file: string;
  /** Raw `config:` block. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Pulumi ESC environments the stack imports (not resolvable offline). */
  readonly environments: readonly string[];
}

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"] as const;

function readYaml(file: string): unknown {
  try {
    return yaml().parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new CheckError(`${file}: not valid YAML: ${(e as Error).message.split("\n")[0] ?? ""}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

function runtimeName(raw: unknown): unknown {
  return isRecord(raw) ? raw.name : raw;
}

/** Reads `Pulumi.yaml` in `dir`; fails with the fix when it is missing or not a Node.js project. */
export function loadProject(dir: string): Project {
  const abs = path.resolve(dir);
  const file = PROJECT_FILES.map((f) => path.join(abs, f)).find((f) => existsSync(f));
  if (!file) {
    throw new CheckError(
      `no Pulumi.yaml in ${abs}: pass the directory of a Pulumi program (sovereign check <program-dir> --stack <name>)`,
    );
  }
  const raw = readYaml(file);
  if (!isRecord(raw) || typeof raw.name !== "string" || raw.name === "") {
    throw new CheckError(`${file}: 'name' is required (the project name, e.g. name: my-project)`);
  }
  const runtime = runtimeName(raw.runtime);
  if (runtime !== "nodejs") {
    throw new CheckError(
      `${file}: runtime is ${JSON.stringify(runtime)}; the offline engine runs only Node.js programs (runtime: nodejs)`,
    );
  }
  const stackConfigDir = typeof raw.stackConfigDir === "string" ? raw.stackConfigDir : ".";
  return {
    dir: abs,
    file,
    name: raw.name,
    main: typeof raw.main === "string" ? raw.main : undefined,
    stackConfigDir: path.resolve(abs, stackConfigDir),
    config: isRecord(raw.config) ? raw.config : {},
  };
}

/** The short stack name a stack file is named after: `org/project/dev` → `dev`. */
export function stackShortName(stack: string): string {
  return stack.split("/").at(-1) ?? stack;
}

/** Stacks that have a `Pulumi.<stack>.yaml` in the project's stack config directory. */
export function knownStacks(project: Project): string[] {
  if (!existsSync(project.stackConfigDir)) return [];
  return readdirSync(project.stackConfigDir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** Reads the stack's config file, or `configFile` when given (like `pulumi --config-file`). */
export function loadStackFile(project: Project, stack: string, configFile?: string): StackFile {
  const short = stackShortName(stack);
  const candidates = configFile
    ? [path.resolve(configFile)]
    : ["yaml", "yml"].map((ext) => path.join(project.stackConfigDir, `Pulumi.${short}.${ext}`));
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    if (configFile) throw new CheckError(`--config-file ${configFile}: no such file`);
    const known = knownStacks(project);
    throw new CheckError(
      `unknown stack '${stack}': ${candidates[0] ?? ""} does not exist. ` +
        (known.length > 0
          ? `Known stacks: ${known.join(", ")}.`
          : "The project has no stack files yet.") +
        ` Create it with: pulumi stack init ${short}`,
    );
  }
  const raw = readYaml(file) ?? {};
  if (!isRecord(raw))
    throw new CheckError(`${file}: expected a YAML mapping with a 'config:' block`);
  const env = raw.environment;
  const environments = Array.isArray(env)
    ? env.map(String)
    : isRecord(env) && Array.isArray(env.imports)
      ? env.imports.map(String)
      : [];
  return { file, config: isRecord(raw.config) ? raw.config : {}, environments };
}
