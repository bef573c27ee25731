/** The eu-sovereignty pack's endpoint rules: where Kubernetes providers deploy. */
import type { SovereignPolicy } from "../../lib/define";
import { endpointKubeconfigEnforceEuServer } from "./enforce-eu-server";

export { endpointKubeconfigEnforceEuServer };

/** Every endpoint policy, in report order. */
export const endpointPolicies: SovereignPolicy[] = [endpointKubeconfigEnforceEuServer];
