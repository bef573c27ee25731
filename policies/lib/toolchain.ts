/**
 * The toolchain a policy judges: `sovereign check` attributes the stack's state backend and secrets provider
 * (cli/engine/toolchain.ts) and hands them over in SOVEREIGN_TOOLCHAIN while the packs run. Under a real
 * `pulumi preview` the analyzer sees neither the project nor the stack file (it runs in the pack's directory), only
 * the CLI's environment: PULUMI_BACKEND_URL, when set, is all it can judge.
 */
import { BACKEND_URL_VARIABLE, ToolchainKind } from "../../config/catalog/toolchain";
import { toolchainOf, type Environment, type ToolchainDependency } from "../../domain/toolchain";

export const TOOLCHAIN_VARIABLE = "SOVEREIGN_TOOLCHAIN";

const isDependency = (v: unknown): v is ToolchainDependency =>
  typeof v === "object" &&
  v !== null &&
  ["kind", "endpoint", "service", "vendor", "source"].every(
    (k) => typeof (v as Record<string, unknown>)[k] === "string",
  );

/** The dependencies to judge, or undefined when this engine cannot see where state and keys live. */
export function toolchainFrom(env: Environment): ToolchainDependency[] | undefined {
  const handed = env[TOOLCHAIN_VARIABLE];
  if (handed !== undefined && handed !== "") {
    const parsed: unknown = JSON.parse(handed);
    if (!Array.isArray(parsed) || !parsed.every(isDependency))
      throw new Error(`${TOOLCHAIN_VARIABLE} must hold the JSON list sovereign check writes`);
    return parsed;
  }
  const backend = env[BACKEND_URL_VARIABLE];
  if (backend === undefined || backend === "") return undefined;
  return toolchainOf({ env }).filter((d) => d.kind === ToolchainKind.stateBackend);
}
