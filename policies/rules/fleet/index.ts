/** The fleet policies of the `diversification` pack (stack validation; fleets only, per-provider stacks pass). */
import type { SovereignPolicy } from "../../lib/define";
import { fleetWorkloadEnforceMaxVendorShare } from "./enforce-max-vendor-share";
import { fleetWorkloadEnforceMinJurisdictions } from "./enforce-min-jurisdictions";
import { fleetWorkloadEnforceMinVendors } from "./enforce-min-vendors";
import { fleetWorkloadEnforceVendorLossTolerance } from "./enforce-vendor-loss-tolerance";
import { fleetDataMissingCrossVendorCopy } from "./missing-cross-vendor-copy";

export {
  fleetDataMissingCrossVendorCopy,
  fleetWorkloadEnforceMaxVendorShare,
  fleetWorkloadEnforceMinJurisdictions,
  fleetWorkloadEnforceMinVendors,
  fleetWorkloadEnforceVendorLossTolerance,
};

export const fleetPolicies: SovereignPolicy[] = [
  fleetWorkloadEnforceMinVendors,
  fleetWorkloadEnforceMinJurisdictions,
  fleetWorkloadEnforceMaxVendorShare,
  fleetWorkloadEnforceVendorLossTolerance,
  fleetDataMissingCrossVendorCopy,
];
