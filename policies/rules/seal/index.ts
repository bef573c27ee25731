/** The eu-sovereignty pack's assurance rules: graded levels under the EU Cloud Sovereignty Framework. */
import type { SovereignPolicy } from "../../lib/define";
import { sealEnforceMinimum } from "./enforce-minimum";

export { sealEnforceMinimum };

/** Every assurance policy, in report order. */
export const sealPolicies: SovereignPolicy[] = [sealEnforceMinimum];
