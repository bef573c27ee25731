/** The eu-sovereignty pack's image rules: where containers and Helm charts are pulled from. */
import type { SovereignPolicy } from "../../lib/define";
import { imageHelmEnforceEuChartSource } from "./enforce-eu-chart-source";
import { imageContainerEnforceEuRegistry } from "./enforce-eu-registry";
import { imageManifestsMissingRenderedObjects } from "./missing-rendered-objects";

export {
  imageContainerEnforceEuRegistry,
  imageHelmEnforceEuChartSource,
  imageManifestsMissingRenderedObjects,
};

/** Every image policy, in report order. */
export const imagePolicies: SovereignPolicy[] = [
  imageContainerEnforceEuRegistry,
  imageHelmEnforceEuChartSource,
  imageManifestsMissingRenderedObjects,
];
