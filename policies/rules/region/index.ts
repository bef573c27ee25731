/** The eu-sovereignty pack's placement rules: resources, provider defaults and node pools. */
import type { SovereignPolicy } from "../../lib/define";
import { regionNodePoolDisallowExternalNodes } from "./disallow-external-nodes";
import { regionProviderEnforceEuDefaultLocation } from "./enforce-eu-default-location";
import { regionResourceEnforceEuLocation } from "./enforce-eu-location";

export {
  regionNodePoolDisallowExternalNodes,
  regionProviderEnforceEuDefaultLocation,
  regionResourceEnforceEuLocation,
};

/** Every region policy, in report order. */
export const regionPolicies: SovereignPolicy[] = [
  regionResourceEnforceEuLocation,
  regionProviderEnforceEuDefaultLocation,
  regionNodePoolDisallowExternalNodes,
];
