/**
 * The Pulumi program (`main: stacks/`) and the only reader of `pulumi.Config`: reads the `sovereign:` keys,
 * validates them (a config problem stops the program before any resource is registered, with a message naming
 * the stack file, the key, the value and the fix), reads the secrets the targets name, and deploys.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, STACK_FILE_ENV } from "../config/errors";
import type { StackConfig } from "../config/schema";
import {
  NAMESPACE,
  parseStack,
  sovereignConfig,
  stackDeprecations,
  stackSecretKeys,
} from "./config-input";
import { deploy, type Deployment } from "./deploy";

const stack = pulumi.getStack();
/**
 * The file the config came from, named in every config error. `sovereign check` says which file it read (it may
 * be another, with --config-file); the Pulumi CLI reads stacks/Pulumi.<stack>.yaml.
 */
const stackFile = process.env[STACK_FILE_ENV] ?? `stacks/Pulumi.${stack}.yaml`;

/** Pulumi marks secret config keys for the program; the function is exported by the runtime, not typed. */
const runtime = pulumi.runtime as typeof pulumi.runtime & {
  isConfigSecret?: (key: string) => boolean;
};
const isSecret = (key: string): boolean => runtime.isConfigSecret?.(key) ?? false;

function readConfig(): StackConfig {
  const raw = sovereignConfig(pulumi.runtime.allConfig(), isSecret);
  for (const warning of stackDeprecations(raw)) void pulumi.log.warn(warning);
  try {
    return parseStack(raw, { stackFile, stack });
  } catch (e) {
    // A RunError is shown without a stack trace: the message is the whole story.
    if (e instanceof ConfigError) throw new pulumi.RunError(e.message);
    throw e;
  }
}

const config = readConfig();
const sovereign = new pulumi.Config(NAMESPACE);
const secrets = Object.fromEntries(
  stackSecretKeys(config).map(({ key }) => [key, sovereign.requireSecret(key)]),
);

/**
 * The program's entry: Pulumi calls the exported function and exports what it resolves to. Asynchronous because
 * `deploy` lets the runtime register its workloads in batches.
 */
export = async (): Promise<{ readonly targets: Deployment["exports"] }> => {
  const deployment = await deploy(config, secrets, stack);
  /** Per target: the ingress address and the connection details (secret). */
  return { targets: deployment.exports };
};
