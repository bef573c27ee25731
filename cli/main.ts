/**
 * The `sovereign` command line: a table of commands, each a function from its arguments to an exit code.
 * `main(argv, io)` never exits the process; cli/bin.js does, with the code it returns.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CHECK_HELP, runCheck } from "./commands/check";
import { ExitCode } from "./engine/errors";
import { processIO, type CliIO, type MainOptions } from "./io";

interface Command {
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[], io: CliIO, options: MainOptions): Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  check: {
    summary:
      "Run a Pulumi program offline, check its plan against the policy packs, print plan and verdicts",
    help: CHECK_HELP,
    run: runCheck,
  },
};

export const HELP = `sovereign — offline plan and policy check for Pulumi programs on EU clouds

Usage:
  sovereign check [program-dir] --stack <name> [options]
  sovereign help [command]
  sovereign --version

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)}${c.summary}`)
  .join("\n")}

Run 'sovereign <command> --help' for a command's options.

Exit codes: 0 no mandatory violation · 1 mandatory violations · 2 the command line, the config or the program
is wrong, or the run could not be recorded whole (the message says what to fix).

Example:
  sovereign check . --stack eu-fleet --format json --out report.json
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
    version?: string;
  };
  return `sovereign ${pkg.version ?? "unknown"}\n`;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(
  argv: readonly string[],
  io: CliIO = processIO(),
  options: MainOptions = {},
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(HELP);
    return ExitCode.invalid;
  }
  if (first === "--help" || first === "-h") {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(version());
    return ExitCode.ok;
  }
  if (first === "help") {
    const topic = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    io.stdout(topic ? topic.help : HELP);
    return ExitCode.ok;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.stderr(
      `sovereign: unknown command '${first}'; commands: ${Object.keys(COMMANDS).join(", ")}. Run 'sovereign --help'.\n`,
    );
    return ExitCode.invalid;
  }
  return command.run(rest, io, options);
}
