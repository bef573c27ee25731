/** The eu-sovereignty pack's toolchain rules: where the deployment keeps its state and its secrets' key. */
import type { SovereignPolicy } from "../../lib/define";
import { toolchainEnforceEuControl } from "./enforce-eu-control";

export { toolchainEnforceEuControl };

/** Every toolchain policy, in report order. */
export const toolchainPolicies: SovereignPolicy[] = [toolchainEnforceEuControl];
