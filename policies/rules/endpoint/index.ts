/** The eu-sovereignty pack's endpoint rules: where Kubernetes providers deploy, where objects send data, which CA issues certificates. */
import type { SovereignPolicy } from "../../lib/define";
import { endpointAcmeIssuerEnforceEuCa } from "./enforce-eu-ca";
import { endpointDestinationEnforceEuHost } from "./enforce-eu-host";
import { endpointKubeconfigEnforceEuServer } from "./enforce-eu-server";

export {
  endpointAcmeIssuerEnforceEuCa,
  endpointDestinationEnforceEuHost,
  endpointKubeconfigEnforceEuServer,
};

/** Every endpoint policy, in report order. */
export const endpointPolicies: SovereignPolicy[] = [
  endpointKubeconfigEnforceEuServer,
  endpointDestinationEnforceEuHost,
  endpointAcmeIssuerEnforceEuCa,
];
