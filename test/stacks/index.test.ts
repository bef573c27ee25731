/** The program itself, run as `pulumi up` would run it: config from a stack file, then the exports. */
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { recordingMocks, settle, unwrap } from "../helpers/mocks";

/** The config map Pulumi hands the program for a stack file: every value a string, objects as JSON. */
function stackConfig(stack: string): Record<string, string> {
  const file = parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")) as {
    config: Record<string, unknown>;
  };
  return Object.fromEntries(
    Object.entries(file.config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
}

/** The program's entry: the function Pulumi calls (`export =`), seen through the test runner's ES interop. */
type Program = typeof import("../../stacks/index");

async function run(stack: string, config: Record<string, string>, secretKeys: string[]) {
  const recording = recordingMocks({ stack });
  pulumi.runtime.setAllConfig(config, secretKeys);
  const program = (await import("../../stacks/index")) as unknown as { default: Program };
  return { outputs: await program.default(), recording };
}

async function failure(stack: string, config: Record<string, string>, secretKeys: string[] = []) {
  const recording = recordingMocks({ stack });
  pulumi.runtime.setAllConfig(config, secretKeys);
  const error = await import("../../stacks/index").then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  return { error, resources: await settle(recording) };
}

describe("stacks/index.ts", () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it("deploys the stack file's targets with no secret set, exporting each target's ingress address and secret connections", async () => {
    const { outputs, recording } = await run("scaleway-fr-par", stackConfig("scaleway-fr-par"), []);
    const par = outputs.targets.par as NonNullable<(typeof outputs.targets)["par"]>;
    expect(await unwrap(par.ingress)).toMatch(/^192\.0\.2\.\d+$/);
    expect(await pulumi.isSecret(par.connections)).toBe(true);
    const resources = await settle(recording);
    expect(resources.filter((r) => r.type.endsWith(":Platform")).map((r) => r.name)).toEqual([
      "par",
    ]);
  });

  it("stops before registering anything when the config is wrong, with the stack file, key, value and fix", async () => {
    const config = { ...stackConfig("scaleway-fr-par"), "sovereign:environment": "production" };
    const { error, resources } = await failure("scaleway-fr-par", config);
    expect(error).toBeInstanceOf(pulumi.RunError);
    expect(error?.message).toBe(
      [
        "stacks/Pulumi.scaleway-fr-par.yaml: 1 config problem",
        '  - sovereign:environment must be one of "dev", "staging", "prod"; got "production". Fix: set it in ' +
          "stacks/Pulumi.scaleway-fr-par.yaml or with: pulumi config set --path 'sovereign:environment' <value> -s " +
          "scaleway-fr-par",
      ].join("\n"),
    );
    expect(resources).toEqual([]);
  });

  it("reports a sovereign key nobody reads as unknown", async () => {
    const config = { ...stackConfig("ovhcloud-gra"), "sovereign:replicas": "3" };
    const { error } = await failure("ovhcloud-gra", config);
    expect(error?.message).toBe(
      [
        "stacks/Pulumi.ovhcloud-gra.yaml: 1 config problem",
        '  - sovereign:replicas is not a known key (a typo?); got "3". Fix: remove it (pulumi config rm --path ' +
          "'sovereign:replicas') or fix its spelling; the config reference is in README.md",
      ].join("\n"),
    );
  });

  it("fails on a secret the stack does not set, naming the key to set with --secret", async () => {
    const { error, resources } = await failure("stackit-eu01", stackConfig("stackit-eu01"));
    expect(error?.message).toContain(
      "Missing required configuration variable 'sovereign:kubeconfig-ske'",
    );
    expect(error?.message).toContain("pulumi config set --secret sovereign:kubeconfig-ske <value>");
    expect(resources).toEqual([]);
  });
});
