/**
 * Reads where the checked stack's state and secrets' key would live, as the Pulumi CLI decides it: PULUMI_BACKEND_URL,
 * else Pulumi.yaml `backend.url`, else Pulumi Cloud; the stack file's `secretsprovider` or `encryptionsalt`, else
 * the backend's default; for `--state`, the secrets provider the export records. Attribution is domain/toolchain.ts.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import {
  toolchainOf,
  type Environment,
  type ToolchainDependency,
  type ToolchainFacts,
} from "../../domain/toolchain";
import { loadProject, loadStackFile, type Project, type StackFile } from "./project";

const relative = (project: Project, file: string) =>
  path.relative(project.dir, file).split(path.sep).join("/");

function projectFacts(project: Project): Pick<ToolchainFacts, "projectBackend" | "projectFile"> {
  const file = relative(project, project.file);
  return {
    projectFile: file,
    ...(project.backendUrl
      ? { projectBackend: { value: project.backendUrl, source: `${file} backend.url` } }
      : {}),
  };
}

function stackFacts(
  project: Project,
  stackFile: StackFile,
): Pick<ToolchainFacts, "secretsProvider" | "encryptionSalt"> {
  if (!stackFile.file) return {};
  const file = relative(project, stackFile.file);
  return {
    ...(stackFile.secretsProvider
      ? { secretsProvider: { value: stackFile.secretsProvider, source: `${file} secretsprovider` } }
      : {}),
    ...(stackFile.encryptionSalt ? { encryptionSalt: `${file} encryptionsalt` } : {}),
  };
}

/** The toolchain of a program's stack, from its project and stack files and the environment. */
export function programToolchain(
  project: Project,
  stackFile: StackFile,
  env: Environment,
): ToolchainDependency[] {
  return toolchainOf({ ...projectFacts(project), ...stackFacts(project, stackFile), env });
}

/** The project in `dir` when it is the one the imported file was made from (same name), else undefined. */
function matchingProject(dir: string, name: string): Project | undefined {
  if (!["Pulumi.yaml", "Pulumi.yml"].some((f) => existsSync(path.join(dir, f)))) return undefined;
  const project = loadProject(dir, true);
  return project.name === name ? project : undefined;
}

export interface ImportedToolchain {
  readonly toolchain: ToolchainDependency[];
  /** What the report must say about what could not be read. */
  readonly notes: string[];
}

/**
 * The toolchain of a `--state` or `--preview-json` check: the export's recorded secrets provider, and the project
 * files of `dir` when they belong to the same project (its stack file gives the secrets provider of a preview).
 */
export function importedToolchain(
  dir: string,
  imported: { readonly project: string; readonly stack: string; readonly secretsProvider?: string },
  env: Environment,
): ImportedToolchain {
  const project = matchingProject(dir, imported.project);
  const recorded = imported.secretsProvider
    ? {
        secretsProvider: {
          value: imported.secretsProvider,
          source: "the state file's secrets_providers",
        },
      }
    : {};
  if (!project) {
    return {
      toolchain: toolchainOf({ ...recorded, env }),
      notes: [
        `no Pulumi.yaml of project '${imported.project}' in ${path.resolve(dir)}: the state backend is read from PULUMI_BACKEND_URL only, else taken as Pulumi Cloud (pass the program directory to read its backend.url and stack file)`,
      ],
    };
  }
  const stackFile = loadStackFile(project, imported.stack);
  return {
    toolchain: toolchainOf({
      ...projectFacts(project),
      ...stackFacts(project, stackFile),
      ...recorded,
      env,
    }),
    notes: [],
  };
}
