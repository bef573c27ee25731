/**
 * Helm charts, YAML v2 files and Kustomize directories hold images, registries and locations that only a
 * rendering shows. A real preview registers their objects as children, and every policy judges them; a collection
 * with no child was never rendered (the offline check runs no provider), so what it deploys was never judged. That
 * is a violation, never a pass: the team renders it where it can be checked, or reviews and exempts it.
 */
import { RENDERED_COLLECTIONS, unrenderedCollections } from "../../../domain/rendered-collections";
import { definePolicy } from "../../lib/define";
import { GDPR_TRANSFERS } from "../../lib/frameworks";

export const imageManifestsMissingRenderedObjects = definePolicy({
  name: "image-manifests-missing-rendered-objects",
  description:
    "Requires every Helm chart, YAML v2 file or group and Kustomize directory to have its objects in the plan, so their images, registries and locations are judged; a collection nothing rendered (the offline check runs no provider) could not be checked and is a violation.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const collection of unrenderedCollections(args.resources, (r) => r.parent?.urn)) {
      reportViolation(
        `${collection.type} '${collection.name}' has no objects in the plan: ${RENDERED_COLLECTIONS[collection.type] ?? "it is rendered elsewhere"}, which this check did not run, so the images, registries and locations it deploys could not be checked offline. Run \`pulumi preview\` with this pack to judge its objects, render it to plain manifests (helm template, kustomize build) loaded with kubernetes.yaml.ConfigFile, or exempt it in policies/exemptions.json once reviewed.`,
        collection.urn,
      );
    }
  },
  severity: "high",
  framework: GDPR_TRANSFERS,
  tags: ["sovereignty", "kubernetes", "supply-chain", "offline"],
  remediationSteps:
    "Check the stack with `pulumi preview --policy-pack policies/eu-sovereignty`, where the provider renders the collection and each object is judged; or render it to plain YAML (helm template, kustomize build) and load that with kubernetes.yaml.ConfigFile, which the offline check reads; or, after review, add an exemption for this resource and policy to policies/exemptions.json.",
  url: "docs/policies.md#image-manifests-missing-rendered-objects",
  pack: "eu-sovereignty",
  area: "image",
});
