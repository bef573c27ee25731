/** The eu-sovereignty pack's vendor rules: packages and provider accounts. */
import type { SovereignPolicy } from "../../lib/define";
import { vendorResourceDisallowNonEuVendor } from "./disallow-non-eu-vendor";
import { vendorProviderEnforceEuAccount } from "./enforce-eu-account";

export { vendorProviderEnforceEuAccount, vendorResourceDisallowNonEuVendor };

/** Every vendor policy, in report order. */
export const vendorPolicies: SovereignPolicy[] = [
  vendorResourceDisallowNonEuVendor,
  vendorProviderEnforceEuAccount,
];
