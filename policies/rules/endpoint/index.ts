/** The eu-sovereignty pack's endpoint rules: where Kubernetes providers deploy and where objects send data. */
import type { SovereignPolicy } from "../../lib/define";
import { endpointDestinationEnforceEuHost } from "./enforce-eu-host";
import { endpointKubeconfigEnforceEuServer } from "./enforce-eu-server";

export { endpointDestinationEnforceEuHost, endpointKubeconfigEnforceEuServer };

/** Every endpoint policy, in report order. */
export const endpointPolicies: SovereignPolicy[] = [
  endpointKubeconfigEnforceEuServer,
  endpointDestinationEnforceEuHost,
];
