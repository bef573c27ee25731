/** Runs the CLI in-process and captures what it printed, for the CLI tests. */
import type { ResourceValidationArgs } from "@pulumi/policy";
import type { CliIO, MainOptions } from "../../cli/io";
import type { PackSource } from "../../cli/engine/packs";
import { main } from "../../cli/main";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: readonly string[], options: MainOptions = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    interactive: false,
  };
  const code = await main(argv, io, options);
  return { code, stdout, stderr };
}

/** No packs: the plan is recorded and placed, no verdict is made. */
export const NO_PACKS: PackSource = { packs: {} };

/** A pack whose one advisory policy keeps the arguments every resource got, by resource name. */
export function spyPack(): { source: PackSource; seen: Map<string, ResourceValidationArgs> } {
  const seen = new Map<string, ResourceValidationArgs>();
  const source: PackSource = {
    packs: {
      spy: {
        name: "spy",
        version: "0.0.1",
        description: "Keeps what policies are given.",
        policies: [
          {
            name: "spy-resource-record-args",
            description: "Records the validation arguments.",
            enforcementLevel: "advisory",
            validateResource: (args) => {
              seen.set(args.name, args);
            },
          },
        ],
      },
    },
  };
  return { source, seen };
}
