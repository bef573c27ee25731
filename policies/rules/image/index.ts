/** The eu-sovereignty pack's image rules: where containers are pulled from. */
import type { SovereignPolicy } from "../../lib/define";
import { imageContainerEnforceEuRegistry } from "./enforce-eu-registry";

export { imageContainerEnforceEuRegistry };

/** Every image policy, in report order. */
export const imagePolicies: SovereignPolicy[] = [imageContainerEnforceEuRegistry];
