import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { CHECK_HELP } from "../../cli/commands/check";
import { HELP } from "../../cli/main";
import { runCli } from "./run-cli";

const version = (
  JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as {
    version: string;
  }
).version;

describe("main", () => {
  test.each<[string, string[], { code: number; stdout: string; stderr: string }]>([
    ["prints the tool's help for --help", ["--help"], { code: 0, stdout: HELP, stderr: "" }],
    ["prints the tool's help for help", ["help"], { code: 0, stdout: HELP, stderr: "" }],
    [
      "prints a command's help for help <command>",
      ["help", "check"],
      { code: 0, stdout: CHECK_HELP, stderr: "" },
    ],
    [
      "prints check's help for check --help",
      ["check", "--help"],
      { code: 0, stdout: CHECK_HELP, stderr: "" },
    ],
    [
      "prints the version",
      ["--version"],
      { code: 0, stdout: `sovereign ${version}\n`, stderr: "" },
    ],
    [
      "prints the help on stderr and exits 2 without a command",
      [],
      { code: 2, stdout: "", stderr: HELP },
    ],
    [
      "exits 2 on an unknown command, naming the known ones",
      ["plan"],
      {
        code: 2,
        stdout: "",
        stderr: "sovereign: unknown command 'plan'; commands: check. Run 'sovereign --help'.\n",
      },
    ],
  ])("%s", async (_case, argv, expected) => {
    expect(await runCli(argv)).toEqual(expected);
  });

  test("documents every flag of check, the exit codes and examples", () => {
    const flags = [
      "--stack",
      "--pack",
      "--format",
      "--out",
      "--config",
      "--config-file",
      "--pack-config",
      "--environment",
      "--assume-config",
      "--debug",
      "--help",
    ];
    expect(
      flags.filter((f) => !CHECK_HELP.includes(`${f} `) && !CHECK_HELP.includes(`${f}\n`)),
    ).toEqual([]);
    expect(CHECK_HELP).toContain(
      "Exit codes:\n  0  no mandatory violation\n  1  at least one mandatory violation\n  2  the command line",
    );
    expect(CHECK_HELP).toContain("Examples:\n  sovereign check . --stack eu-fleet\n");
  });
});
