/**
 * Reads a Pulumi project the way the Pulumi CLI does: `Pulumi.yaml` (name, runtime, main, stackConfigDir,
 * project-level config) and the stack file `Pulumi.<stack>.yaml` beside it or in `stackConfigDir`. A stack without
 * a file has empty stack config, as for the CLI.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { yaml } from "./yaml";
import { closestName } from "./closest-name";
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
  /** Raw `template.config:` block: what `pulumi new` asks for, with its defaults. */
  readonly templateConfig: Readonly<Record<string, unknown>>;
  /** `backend.url`: where the CLI keeps this project's state unless PULUMI_BACKEND_URL says otherwise. */
  readonly backendUrl?: string;
}

export interface StackFile {
  /** The stack's config file, or undefined for a stack without one (checked with the project's config only). */
  readonly file: string | undefined;
  /** Raw `config:` block. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Pulumi ESC environments the stack imports (not resolvable offline). */
  readonly environments: readonly string[];
  /** `secretsprovider`: the stack's secrets provider URL, when it is not the backend's default. */
  readonly secretsProvider?: string;
  /** True when the file holds an `encryptionsalt` (the passphrase provider's salt). */
  readonly encryptionSalt?: boolean;
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

function backendOf(raw: Record<string, unknown>): { backendUrl?: string } {
  const url = isRecord(raw.backend) ? raw.backend.url : undefined;
  return typeof url === "string" && url !== "" ? { backendUrl: url } : {};
}

/** The keys that say where the stack's secrets are encrypted (never their values' secrets). */
function secretsKeysOf(
  raw: Record<string, unknown>,
): Pick<StackFile, "secretsProvider" | "encryptionSalt"> {
  const provider = raw.secretsprovider;
  return {
    ...(typeof provider === "string" && provider !== "" ? { secretsProvider: provider } : {}),
    ...(typeof raw.encryptionsalt === "string" && raw.encryptionsalt !== ""
      ? { encryptionSalt: true }
      : {}),
  };
}

/**
 * Reads `Pulumi.yaml` in `dir`; fails with the fix when it is missing or, unless `anyRuntime` (a project whose
 * `--state` or `--preview-json` is checked, in any language), not a Node.js project.
 */
export function loadProject(dir: string, anyRuntime = false): Project {
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
  if (runtime !== "nodejs" && !anyRuntime) {
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
    templateConfig:
      isRecord(raw.template) && isRecord(raw.template.config) ? raw.template.config : {},
    ...backendOf(raw),
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

/** The stack checked when none is named: the project's only stack file, else `dev` when it has none. */
export const DEFAULT_STACK = "dev";

/** `--stack`, else the only stack with a file, else DEFAULT_STACK; several stack files need `--stack`. */
export function chooseStack(project: Project, requested: string | undefined): string {
  if (requested) return requested;
  const known = knownStacks(project);
  if (known.length > 1)
    throw new CheckError(
      `--stack <name> is required: the project has several stacks (${known.join(", ")})`,
    );
  return known[0] ?? DEFAULT_STACK;
}

function unknownStack(stack: string, file: string, close: string): CheckError {
  const short = stackShortName(stack);
  return new CheckError(
    `unknown stack '${stack}': ${file} does not exist; did you mean '${close}'? ` +
      `To check '${short}' with the project's config only, create the file empty (pulumi stack init ${short}).`,
  );
}

/**
 * Reads the stack's config file, or `configFile` when given (like `pulumi --config-file`). A stack without a file
 * has no stack config, unless its name looks like a typo of a stack that has one.
 */
export function loadStackFile(project: Project, stack: string, configFile?: string): StackFile {
  const short = stackShortName(stack);
  const candidates = configFile
    ? [path.resolve(configFile)]
    : ["yaml", "yml"].map((ext) => path.join(project.stackConfigDir, `Pulumi.${short}.${ext}`));
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    if (configFile) throw new CheckError(`--config-file ${configFile}: no such file`);
    const close = closestName(short, knownStacks(project));
    if (close !== undefined) throw unknownStack(stack, candidates[0] ?? "", close);
    return { file: undefined, config: {}, environments: [] };
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
  return {
    file,
    config: isRecord(raw.config) ? raw.config : {},
    environments,
    ...secretsKeysOf(raw),
  };
}
