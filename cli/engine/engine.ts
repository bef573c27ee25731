/**
 * The offline engine end to end: read the project and stack config, run the program under mocks, add default
 * providers, place every resource, run the policy packs, and return the CheckReport. Everything that is wrong
 * with the command line, the config or the program surfaces as a CheckError (exit 2).
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { cannedOutputs } from "./canned/outputs";
import { collectGarbage } from "./heap";
import { blindSpotNotes, remoteComponentNotes } from "./blind-spots";
import { cannedInvoke } from "./canned/invokes";
import { incompleteRun } from "./completeness";
import { invokeShapes } from "./canned/invoke-shapes";
import { buildConfig, withTemplateDefaults, type ProgramConfig } from "./config";
import { ASSUMED_PLACEHOLDER, SECRET_PLACEHOLDER } from "../../domain/offline-placeholders";
import { CheckError } from "./errors";
import { evaluate } from "./evaluate";
import { resolveEntry, TOOLKIT_ROOT } from "./loader";
import { DEFAULT_KUBERNETES_VERSION } from "../../config/kubernetes/sources";
import { uncheckedCustomResourcesNote } from "../../domain/kubernetes-schema/unchecked";
import {
  loadPackConfig,
  loadPackSource,
  selectPacks,
  withKubernetesVersion,
  type PackSource,
} from "./packs";
import { createPlacer, UNPLACED } from "./placement";
import { declaredFacts, declaredProviderPlaces } from "./declared";
import { describeProgramError } from "./program-errors";
import {
  chooseStack,
  loadProject,
  loadStackFile,
  stackShortName,
  type Project,
  type StackFile,
} from "./project";
import { providerUrnOf, withDefaultProviders } from "./providers";
import { redactor, secretInputValues } from "./redact";
import type { RecordedResource, Recording } from "./recorder";
import type { CheckReport, PlannedResource } from "./report";
import { fixFor, type MissingKey } from "./required-config";
import { runProgram } from "./run";
import { sovereigntyOf } from "./sovereignty";
import { STACK_FILE_ENV } from "../../config/errors";
import { fleetReport, FLEET_SECTION } from "../report/fleet";
import { fleetSurvival } from "../../domain/fleet-survival";
import type { ProviderPlacer } from "../../domain/dependencies";
import { readImported, type ImportedKind } from "../inputs";
import { importedToolchain, programToolchain } from "./toolchain";
import { TOOLCHAIN_VARIABLE } from "../../policies/lib/toolchain";
import type { ToolchainDependency } from "../../domain/toolchain";

export interface CheckOptions {
  /** The program directory (where Pulumi.yaml is). */
  readonly dir: string;
  /** The stack whose config to use. @default - the project's only stack file, else `dev` with no stack config */
  readonly stack?: string;
  /** Pack names to run. @default - every pack in policies/packs.ts */
  readonly packs?: readonly string[];
  /** Where packs come from. @default - policies/packs.ts of this toolkit, served for `environment` */
  readonly packSource?: PackSource;
  /** Environment whose enforcement levels the packs serve. @default - $SOVEREIGN_ENVIRONMENT, else the packs' default */
  readonly environment?: string;
  /** Pack config file (Pulumi policy-config shape). @default - none: each policy's own level and defaults */
  readonly packConfigFile?: string;
  /**
   * Kubernetes minor the schema and API-version policies judge objects for (checked by kubernetesVersionOption).
   * @default - each policy's own config, else config/kubernetes/sources.ts DEFAULT_KUBERNETES_VERSION
   */
  readonly kubernetesVersion?: string;
  /** `key=value` overrides of the stack config. @default [] */
  readonly config?: readonly string[];
  /** Use this file instead of Pulumi.<stack>.yaml. @default - the stack's file */
  readonly configFile?: string;
  /** Fill required config the stack does not set with placeholders instead of failing. @default false */
  readonly assumeConfig?: boolean;
  /** Receives the program's console output. @default - discarded */
  readonly log?: (line: string) => void;
  /** Receives phase names as the check proceeds. @default - none */
  readonly progress?: (phase: string) => void;
  /** Receives the secret scrubber as soon as the config is read, before the program runs. @default - none */
  readonly onRedactor?: (redact: (text: string) => string) => void;
  /**
   * Check what the Pulumi CLI printed instead of running the program: `pulumi preview --json` (`preview-json`) or
   * `pulumi stack export` (`state`), of a program in any language. @default - run the program
   */
  readonly input?: { readonly kind: ImportedKind; readonly file: string };
}

export interface CheckOutcome {
  readonly report: CheckReport;
  /** The recorded resources, inputs included (secrets marked), for `--format preview-json`. */
  readonly resources: readonly RecordedResource[];
  /** Values no output may contain: the secret placeholder, `secure:` ciphertexts, secret inputs' plaintexts. */
  readonly secrets: readonly string[];
  /** Scrubs `secrets` from any text the CLI prints. */
  readonly redact: (text: string) => string;
  /** The stack config file, relative to the program directory. */
  readonly stackFile: string;
  /** The program directory, relative to the current directory ("" when it is the current directory). */
  readonly programDir: string;
}

function missingConfigError(
  missing: readonly MissingKey[],
  stack: string,
  stackFile: string,
): CheckError {
  const lines = missing.map(
    (m) => `  - ${m.key}${m.secret ? " (secret)" : ""}: ${fixFor(m, stack)}`,
  );
  return new CheckError(
    [
      `missing required config for stack '${stack}' (${stackFile}):`,
      ...lines,
      "Or run with --assume-config to check the plan with placeholder values.",
    ].join("\n"),
  );
}

/** A program failure under `--assume-config`: names the keys that held placeholders, the likely cause. */
function withAssumedKeys(error: CheckError, missing: readonly MissingKey[]): CheckError {
  const keys = unique(missing.map((m) => m.key)).join(", ");
  const cause = error.message.includes(ASSUMED_PLACEHOLDER)
    ? `the program used a placeholder of --assume-config as a real value (${keys})`
    : `--assume-config filled ${keys} with placeholders`;
  return new CheckError(
    `${error.message}; ${cause}: set the value the program needs with --config <key>=<value>`,
    error.detail,
  );
}

/**
 * A program failure after it used what the check does not render (a Helm v3 chart's objects read back): the
 * likely cause, and how to check the program anyway.
 */
function withBlindSpots(error: CheckError, recording: Recording): CheckError {
  const blind = blindSpotNotes(
    recording.resources.map((r) => r.type),
    recording.invokes.map((i) => i.token),
  );
  if (blind.length === 0) return error;
  return new CheckError(
    `${error.message}; the program may have read what this check does not render (${blind.join("; ")}): check the output of \`pulumi preview --json\` with --preview-json`,
    error.detail,
  );
}

function withAssumed(config: ProgramConfig): ProgramConfig {
  const values = { ...config.values };
  for (const m of config.missing)
    values[m.key] = m.secret ? SECRET_PLACEHOLDER : ASSUMED_PLACEHOLDER;
  const secretKeys = [
    ...config.secretKeys,
    ...config.missing.filter((m) => m.secret).map((m) => m.key),
  ];
  return { ...config, values, secretKeys, missing: [] };
}

function checkUniqueUrns(resources: readonly RecordedResource[]): void {
  const seen = new Set<string>();
  for (const r of resources) {
    if (seen.has(r.urn)) {
      throw new CheckError(
        `duplicate resource URN ${r.urn}: two resources of type ${r.type} are named '${r.name}' under the same parent; give them different names`,
      );
    }
    seen.add(r.urn);
  }
}

/** Where the program declared a resource, relative to the program directory; undefined inside dependencies. */
type SourceOf = (r: RecordedResource) => PlannedResource["source"];

function sourcesFromPositions(dir: string): SourceOf {
  return (r) => {
    if (!r.source?.uri.startsWith("file:")) return undefined;
    const file = path.relative(dir, fileURLToPath(r.source.uri));
    const outside = file.startsWith("..") || file.split(path.sep).includes("node_modules");
    return outside ? undefined : { file: file.split(path.sep).join("/"), line: r.source.line };
  };
}

type Place = ReturnType<typeof createPlacer>;

function placerOf(resources: readonly RecordedResource[]): {
  place: Place;
  placeProvider: ProviderPlacer;
  providerOf: (r: RecordedResource) => RecordedResource | undefined;
} {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const providerOf = (r: RecordedResource) =>
    r.provider ? byUrn.get(providerUrnOf(r.provider)) : undefined;
  const providerUrn = (r: RecordedResource) => (r.provider ? providerUrnOf(r.provider) : undefined);
  const placeOwn = createPlacer(providerOf);
  const placed = resources.map(placeOwn);
  const own = new Map(resources.map((r, i) => [r.urn, placed[i] ?? UNPLACED]));
  const declared = declaredProviderPlaces(resources, placed, providerUrn);
  // A Kubernetes provider, or an unlabelled object it deploys, takes the place its labelled objects declare.
  const place: Place = (r) => {
    const placed = own.get(r.urn) ?? placeOwn(r);
    if (placed !== UNPLACED) return placed;
    const provider = providerUrn(r);
    return (
      declared.get(r.urn) ?? (provider === undefined ? undefined : declared.get(provider)) ?? placed
    );
  };
  const placeProvider: ProviderPlacer = (urn) => {
    const provider = byUrn.get(urn);
    const placed = provider && place(provider);
    return placed && placed.vendor !== UNPLACED.vendor ? placed : undefined;
  };
  return { place, placeProvider, providerOf };
}

function planOf(
  resources: readonly RecordedResource[],
  sourceOf: SourceOf,
  place: Place,
): PlannedResource[] {
  return resources.map((r) => {
    const source = sourceOf(r);
    return {
      urn: r.urn,
      type: r.type,
      name: r.name,
      ...place(r),
      parent: r.parent ?? null,
      ...(source ? { source } : {}),
      protect: r.protect,
      retainOnDelete: r.retainOnDelete,
      ...declaredFacts(r),
    };
  });
}

/** Report sections other modules derive from the resources: the fleet's exit report when there is a fleet. */
function sectionsOf(resources: readonly RecordedResource[]): CheckReport["sections"] {
  const fleet = fleetReport(resources);
  return fleet.fleets.length > 0 ? { [FLEET_SECTION]: fleet } : undefined;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** What the report must say about the stack config the program read. */
function configNotes(project: Project, stack: string, stackFile: StackFile): string[] {
  const { environments } = stackFile;
  const esc =
    environments.length > 0
      ? [
          `the stack imports Pulumi ESC environments (${environments.join(", ")}): their values are not resolved offline`,
        ]
      : [];
  const withoutFile = stackFile.file
    ? []
    : [
        `stack '${stack}' has no config file (${path.relative(project.dir, stackConfigPath(project, stack, stackFile))}): checked with the project's config only, as the Pulumi CLI runs a stack without one`,
      ];
  return [...withoutFile, ...esc];
}

/** The stack's config file, or where it would be when the stack has none. */
function stackConfigPath(project: Project, stack: string, stackFile: StackFile): string {
  return stackFile.file ?? path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
}

/** What the report must say the check could not see. */
function notesOf(
  sourceNotes: readonly string[],
  packCount: number,
  resources: readonly RecordedResource[],
  invokes: readonly { readonly token: string }[],
): string[] {
  const unchecked =
    packCount === 0 ? ["no policy packs ran: the plan was recorded but not checked"] : [];
  const blind = blindSpotNotes(
    resources.map((r) => r.type),
    invokes.map((i) => i.token),
  );
  const remote = remoteComponentNotes(
    resources.filter((r) => r.remote === true).map((r) => r.type),
  );
  return [...sourceNotes, ...unchecked, ...blind, ...remote];
}

/** What the resources were recorded from, and what the report must say about that. */
interface Recorded {
  readonly project: string;
  readonly stack: string;
  readonly resources: RecordedResource[];
  readonly sourceOf: SourceOf;
  /** What the report must say about where the config came from (no stack file, ESC environments). */
  readonly notes: readonly string[];
  readonly assumedConfig: string[];
  readonly invokes: readonly { token: string; answered: boolean }[];
  /** Values no output may contain. */
  readonly secrets: string[];
  readonly stackFile: string;
  readonly programDir: string;
  /** Where the stack's state and secrets' key would live (cli/engine/toolchain.ts). */
  readonly toolchain: readonly ToolchainDependency[];
}

/** Runs the program under the mocks and records its resources, with the engine's default providers added. */
async function recordProgram(
  opts: CheckOptions,
  progress: (phase: string) => void,
): Promise<Recorded> {
  progress("reading project and stack config");
  const project = loadProject(opts.dir);
  const stackName = chooseStack(project, opts.stack);
  const stack = stackShortName(stackName);
  const stackFile = loadStackFile(project, stackName, opts.configFile);
  const configPath = stackConfigPath(project, stack, stackFile);
  const stackFileName = path.relative(process.cwd(), configPath) || configPath;
  let config = buildConfig(project, stackFile, opts.config ?? []);
  opts.onRedactor?.(redactor(config.ciphertexts));

  // Declared in Pulumi.yaml without a default and set nowhere: filled like a missing `require`, reported with them.
  const declaredMissing: MissingKey[] = [...config.missing];
  config = withAssumed(config);
  const template = opts.assumeConfig ? withTemplateDefaults(config, project) : undefined;
  if (template) config = template.config;
  const templateKeys = template?.assumed ?? [];

  const entry = resolveEntry(project.dir, project.main);
  progress(`running ${path.relative(project.dir, entry) || entry}`);
  process.env[STACK_FILE_ENV] = stackFileName;
  let run: Awaited<ReturnType<typeof runProgram>>;
  try {
    run = await runProgram({
      dir: project.dir,
      entry,
      project: project.name,
      stack,
      config,
      answers: {
        outputs: cannedOutputs,
        invoke: (token, inputs) => cannedInvoke(token, inputs, config.values),
        shape: invokeShapes([entry, path.join(TOOLKIT_ROOT, "package.json")]),
      },
      log: opts.log ?? (() => undefined),
    });
  } finally {
    Reflect.deleteProperty(process.env, STACK_FILE_ENV);
  }
  const missing = [...declaredMissing, ...run.missing];
  if (missing.length > 0 && !opts.assumeConfig)
    throw missingConfigError(missing, stack, stackFileName);
  if (run.errors.length > 0) {
    const error = withBlindSpots(
      describeProgramError(run.errors[0], { dir: project.dir }),
      run.recording,
    );
    throw missing.length > 0 ? withAssumedKeys(error, missing) : error;
  }
  if (run.loggedErrors.length > 0) {
    throw new CheckError(
      `the program logged errors (a real run fails on them):\n  - ${run.loggedErrors.join("\n  - ")}`,
    );
  }
  const incomplete = incompleteRun(run.recording.resources, run.declared, run.sdk.version);
  if (incomplete !== undefined) throw new CheckError(incomplete);
  const resources = withDefaultProviders(
    run.recording.resources,
    config,
    { project: project.name, stack },
    run.recording.defaultProviderUses,
  );
  return {
    project: project.name,
    stack,
    resources,
    sourceOf: sourcesFromPositions(project.dir),
    notes: [...configNotes(project, stack, stackFile), ...run.sdk.notes],
    assumedConfig: unique([...missing.map((m) => m.key), ...templateKeys]),
    invokes: run.recording.invokes,
    secrets: [SECRET_PLACEHOLDER, ...config.ciphertexts, ...secretInputValues(resources)],
    // Findings without a source line point at the stack file, else at Pulumi.yaml.
    stackFile: path.relative(project.dir, stackFile.file ?? project.file),
    programDir: path.relative(process.cwd(), project.dir),
    toolchain: programToolchain(project, stackFile, process.env),
  };
}

/** Reads the resources of a `pulumi preview --json` or `pulumi stack export` file. */
async function recordImported(
  input: NonNullable<CheckOptions["input"]>,
  dir: string,
  progress: (phase: string) => void,
): Promise<Recorded> {
  progress(`reading ${input.file}`);
  const imported = await readImported(input.kind, input.file);
  const toolchain = importedToolchain(dir, imported, process.env);
  return {
    project: imported.project,
    stack: imported.stack,
    resources: imported.resources,
    sourceOf: (r) => imported.sources[r.urn],
    notes: toolchain.notes,
    toolchain: toolchain.toolchain,
    assumedConfig: [],
    invokes: [],
    secrets: [
      SECRET_PLACEHOLDER,
      ...imported.secretValues,
      ...secretInputValues(imported.resources),
    ],
    stackFile: input.file,
    programDir: "",
  };
}

/** Runs `run` with the toolchain handed to the packs' toolchain policy (policies/lib/toolchain.ts), then restores. */
async function withToolchain<T>(
  toolchain: readonly ToolchainDependency[],
  run: () => Promise<T>,
): Promise<T> {
  const before = process.env[TOOLCHAIN_VARIABLE];
  process.env[TOOLCHAIN_VARIABLE] = JSON.stringify(toolchain);
  try {
    return await run();
  } finally {
    if (before === undefined) Reflect.deleteProperty(process.env, TOOLCHAIN_VARIABLE);
    else process.env[TOOLCHAIN_VARIABLE] = before;
  }
}

/** Runs the whole check and returns the report; throws CheckError when the check cannot be made. */
export async function check(opts: CheckOptions): Promise<CheckOutcome> {
  const progress = opts.progress ?? (() => undefined);
  const source = opts.packSource ?? loadPackSource(opts.environment);
  const packs = selectPacks(source.packs, opts.packs ?? []);
  const fileConfig = opts.packConfigFile ? loadPackConfig(opts.packConfigFile, packs) : {};
  const packConfig = opts.kubernetesVersion
    ? withKubernetesVersion(fileConfig, packs, opts.kubernetesVersion)
    : fileConfig;

  const recorded = opts.input
    ? await recordImported(opts.input, opts.dir, progress)
    : await recordProgram(opts, progress);
  // The run's (or the file's) garbage goes before the packs allocate; the packs' before the report (heap.ts).
  collectGarbage();
  const { resources } = recorded;
  checkUniqueUrns(resources);
  const { place, placeProvider, providerOf } = placerOf(resources);
  const plan = planOf(resources, recorded.sourceOf, place);
  const sovereignty = sovereigntyOf(resources, plan, providerOf);
  progress(
    `checking ${resources.length} resources against ${packs.length} pack${packs.length === 1 ? "" : "s"}`,
  );
  source.resetExemptions?.();
  const evaluation = await withToolchain(recorded.toolchain, () =>
    evaluate(resources, packs, packConfig),
  );

  collectGarbage();
  const notes = [
    ...notesOf(recorded.notes, packs.length, resources, recorded.invokes),
    ...uncheckedCustomResourcesNote(
      resources.map((r) => r.type),
      opts.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    ),
  ];
  const violations = evaluation.violations;
  const sections = sectionsOf(resources);
  const { model, survival } = fleetSurvival(resources, placeProvider);
  const report: CheckReport = {
    project: recorded.project,
    stack: recorded.stack,
    resources: plan,
    violations,
    summary: {
      resources: plan.length,
      mandatory: violations.filter((v) => v.enforcementLevel === "mandatory").length,
      advisory: violations.filter((v) => v.enforcementLevel === "advisory").length,
    },
    policies: evaluation.policies,
    exemptions: source.exemptionsInUse?.() ?? [],
    assumedConfig: recorded.assumedConfig,
    unansweredInvokes: unique(recorded.invokes.filter((i) => !i.answered).map((i) => i.token)),
    notes,
    dependencies: model.dependencies,
    survival,
    ...(sections ? { sections } : {}),
    sovereignty,
    toolchain: recorded.toolchain,
  };
  return {
    report,
    resources,
    secrets: recorded.secrets,
    redact: redactor(recorded.secrets),
    stackFile: recorded.stackFile,
    programDir: recorded.programDir,
  };
}
