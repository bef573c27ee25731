/**
 * `sovereign check`: run a Pulumi program offline, check the plan against the policy packs, print the plan and
 * the verdicts. Exit 0 without mandatory violations, 1 with, 2 when the command line, config or program is wrong.
 */
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import type { CliIO, MainOptions } from "../io";
import type * as Engine from "../engine/engine";
import { DEFAULT_KUBERNETES_VERSION, SCHEMA_VERSIONS } from "../../config/kubernetes/sources";
import { CheckError, ExitCode } from "../engine/errors";
import { ensureTypeScript } from "../engine/loader";
import { kubernetesVersionOption } from "../engine/kubernetes-version";
import { redactor } from "../engine/redact";
import { FORMAT_NAMES, RENDERERS } from "../format";
import { createProgress } from "../progress";
import { writeOut } from "./out-file";

export const CHECK_HELP = `Usage: sovereign check [program-dir] [--stack <name>] [options]
       sovereign check --preview-json <file> | --state <file> [options]

Runs the Pulumi program in program-dir (default: the current directory) under Pulumi's mock runtime, without
the Pulumi CLI, credentials or a cloud account; records every resource it would create; places each one
(vendor, region, country); checks them against the policy packs; prints the plan and the verdicts.
With --preview-json or --state it checks what the Pulumi CLI printed for a program in any language (Python,
Go, YAML, .NET) instead of running one.
It also reports where the stack's state and secrets' key would live (PULUMI_BACKEND_URL, Pulumi.yaml
backend.url, the stack file's secretsprovider; with --state, the export's): a program-dir given beside
--preview-json or --state supplies its Pulumi.yaml and stack file (docs/sovereignty.md "The toolchain").

Options:
  -s, --stack <name>         Stack to check; its config is Pulumi.<name>.yaml in the project's stackConfigDir.
                             A stack without that file is checked with the project's config only, as the
                             Pulumi CLI runs it. Default: the project's only stack file, else 'dev'.
  -p, --pack <name>          Policy pack to run; repeat for several. Default: every pack in policies/packs.ts.
  -f, --format <format>      Output format: ${FORMAT_NAMES.join(" | ")}. Default: text.
  -o, --out <file>           Write the rendered output to <file> (whole or not at all: it is written beside
                             it and renamed when complete); stdout then gets one result line.
  -c, --config <key=value>   Set a config value (as 'pulumi config set' would); repeat for several. A key
                             without a namespace gets the project's (region → <project>:region).
      --config-file <file>   Read stack config from <file> instead of Pulumi.<stack>.yaml.
      --preview-json <file>  Check the output of 'pulumi preview --json --show-sames' instead of running a
                             program; project and stack come from its URNs.
      --state <file>         Check the output of 'pulumi stack export' instead of running a program.
      --environment <env>    Enforcement levels the packs serve for dev | staging | prod (policies/packs.ts).
                             Default: $SOVEREIGN_ENVIRONMENT, else prod.
      --pack-config <file>   Policy pack config (JSON or YAML): { "all": "mandatory",
                             "<policy>": "advisory" | { "enforcementLevel": ..., <settings> } }.
      --kubernetes-version <minor>
                             Kubernetes minor the cluster runs (e.g. 1.36): objects are validated against its
                             OpenAPI schema and the vendored CRDs, and APIs it removed or deprecated are
                             reported (workload-baseline). Sets 'kubernetesVersion' of those policies over
                             --pack-config. Vendored: ${SCHEMA_VERSIONS.join(", ")}. Default: ${DEFAULT_KUBERNETES_VERSION}.
      --assume-config        Fill required config the stack does not set with placeholders and list the keys
                             in the report, instead of failing.
  -v, --verbose              List every resource and every violation (text format); by default a plan of
                             more than 40 resources is summarised by type.
      --debug                Show stack traces for program and engine errors.
  -h, --help                 Show this help.

Secrets: 'secure:' values are never decrypted. The program reads a placeholder and policies treat the value as
not known offline; neither the placeholder nor the ciphertext appears in any output.

What a real 'pulumi preview' shows and this does not: provider Check (server-side validation and defaults),
auto-naming, values computed by the cloud, Helm charts rendered by the provider. See docs/engine.md.

Exit codes:
  0  no mandatory violation
  1  at least one mandatory violation
  2  the command line, the config or the program is wrong (the message says what to fix)

Examples:
  sovereign check . --stack eu-fleet
  sovereign check infra/ --stack prod --pack eu-sovereignty --format json --out report.json
  sovereign check . --stack dev --config sovereign:replicas=3 --assume-config
  sovereign check --state prod-export.json --format sarif --out sovereign.sarif
  sovereign check . --stack prod --pack workload-baseline --kubernetes-version 1.35
  CI=true sovereign check . --stack staging --pack-config policy-config.json
`;

const OPTIONS = {
  stack: { type: "string", short: "s" },
  pack: { type: "string", short: "p", multiple: true },
  format: { type: "string", short: "f", default: "text" },
  out: { type: "string", short: "o" },
  config: { type: "string", short: "c", multiple: true },
  "config-file": { type: "string" },
  "preview-json": { type: "string" },
  state: { type: "string" },
  "pack-config": { type: "string" },
  environment: { type: "string" },
  "kubernetes-version": { type: "string" },
  "assume-config": { type: "boolean", default: false },
  verbose: { type: "boolean", short: "v", default: false },
  debug: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Parsed = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>
>;

function parse(argv: readonly string[]): Parsed {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    const option = /'(-[^']*)'/.exec(message)?.[1];
    const what =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option
        ? `unknown option '${option}'`
        : (message.split(". ")[0] ?? message);
    throw new CheckError(`${what}\nRun 'sovereign check --help' for the options.`);
  }
}

/** The engine, loaded on first use: `--help` and argument errors stay fast. */
function loadEngine(): typeof Engine {
  ensureTypeScript();
  return createRequire(__filename)("../engine/engine") as typeof Engine;
}

/** `--preview-json` or `--state`, never both. */
function importedInput(
  previewJson: string | undefined,
  state: string | undefined,
): Engine.CheckOptions["input"] {
  if (previewJson && state) throw new CheckError("use --preview-json or --state, not both");
  if (previewJson) return { kind: "preview-json", file: previewJson };
  return state ? { kind: "state", file: state } : undefined;
}

function resultLine(mandatory: number, advisory: number): string {
  return mandatory > 0
    ? `sovereign check: FAIL — ${mandatory} mandatory, ${advisory} advisory violation(s)\n`
    : `sovereign check: PASS — no mandatory violation, ${advisory} advisory\n`;
}

/** Runs `sovereign check` with `argv` (the arguments after `check`) and returns the exit code. */
export async function runCheck(
  argv: readonly string[],
  io: CliIO,
  options: MainOptions = {},
): Promise<number> {
  let redact = redactor([]);
  let debug = argv.includes("--debug");
  const progress = createProgress(io);
  try {
    const { values, positionals } = parse(argv);
    debug = values.debug;
    if (values.help) {
      io.stdout(CHECK_HELP);
      return ExitCode.ok;
    }
    if (positionals.length > 1) {
      throw new CheckError(`expected at most one program directory, got: ${positionals.join(" ")}`);
    }
    const input = importedInput(values["preview-json"], values.state);
    const render = RENDERERS[values.format];
    if (!render)
      throw new CheckError(
        `unknown format '${values.format}': use one of ${FORMAT_NAMES.join(", ")}`,
      );
    const outcome = await loadEngine().check({
      dir: positionals[0] ?? ".",
      stack: values.stack,
      input,
      packs: values.pack ?? [],
      packSource: options.packSource,
      packConfigFile: values["pack-config"],
      environment: values.environment,
      kubernetesVersion:
        values["kubernetes-version"] === undefined
          ? undefined
          : kubernetesVersionOption(values["kubernetes-version"]),
      config: values.config ?? [],
      configFile: values["config-file"],
      assumeConfig: values["assume-config"],
      log: (line) => io.stderr(`${redact(line)}\n`),
      progress: (phase) => progress.phase(phase),
      onRedactor: (r) => {
        redact = r;
      },
    });
    progress.stop();
    const context = {
      secrets: outcome.secrets,
      stackFile: outcome.stackFile,
      programDir: outcome.programDir,
      plan: outcome.resources,
      verbose: values.verbose,
    };
    const pieces = render(outcome.report, context);
    const { mandatory, advisory } = outcome.report.summary;
    if (values.out) {
      writeOut(values.out, pieces, outcome.redact);
      io.stdout(resultLine(mandatory, advisory));
    } else {
      for (const piece of pieces) io.stdout(outcome.redact(piece));
    }
    return mandatory > 0 ? ExitCode.violations : ExitCode.ok;
  } catch (e) {
    progress.stop();
    const err = e instanceof Error ? e : new Error(String(e));
    const known = err.name === "CheckError";
    const detail = debug
      ? ((known ? (err as CheckError).detail : undefined) ?? err.stack)
      : undefined;
    const message = known
      ? err.message
      : `internal error: ${err.message} (run with --debug for details)`;
    io.stderr(redact(`sovereign check: ${message}\n${detail ? `${detail}\n` : ""}`));
    return ExitCode.invalid;
  }
}
