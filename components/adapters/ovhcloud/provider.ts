/**
 * Where every OVHcloud child of one target goes: an explicit `ovh.Provider` on the EU API endpoint (OVH SAS), the
 * target's Public Cloud project on every resource, and the catalog's regional spellings (OpenStack region for
 * network and MKS, macro region for storage, databases and the registry).
 */
import * as ovh from "@ovhcloud/pulumi-ovh";
import type * as pulumi from "@pulumi/pulumi";
import { OVH_OFFERINGS, type OvhOffering } from "../../../config/catalog/offerings";
import type { OvhTarget } from "../../../config/schema";
import type { TargetContext } from "../../contract/types";
import { physicalName } from "../../contract/naming";

export type OvhContext = TargetContext<OvhTarget>;

/** The OVH API endpoint of EU accounts: the contracting entity is OVH SAS, France. */
export const OVH_API_ENDPOINT = "ovh-eu";

/** The catalog offering of the target's site (OpenStack and service regions, MKS plan). */
export function ovhOffering(ctx: OvhContext): OvhOffering {
  const offering = (OVH_OFFERINGS as Readonly<Record<string, OvhOffering>>)[ctx.placement.site];
  if (offering === undefined) {
    throw new Error(
      `ovhcloud region ${ctx.target.region} of target ${ctx.target.name} has no offering in ` +
        `config/catalog/offerings.ts; use one of ${Object.keys(OVH_OFFERINGS).join(", ")}`,
    );
  }
  return offering;
}

const providers = new WeakMap<pulumi.Resource, ovh.Provider>();

/** The target's OVH provider, created once per platform (`${name}-ovh`). */
export function ovhProvider(name: string, parent: pulumi.Resource): ovh.Provider {
  const existing = providers.get(parent);
  if (existing) return existing;
  const provider = new ovh.Provider(`${name}-ovh`, { endpoint: OVH_API_ENDPOINT }, { parent });
  providers.set(parent, provider);
  return provider;
}

/** Options of every OVH child: the platform as parent, the target's provider. */
export function ovhOptions(name: string, parent: pulumi.Resource): pulumi.CustomResourceOptions {
  return { parent, provider: ovhProvider(name, parent) };
}

/** Physical name of a child: stack, target and role, within OVHcloud's limits. */
export function ovhName(ctx: OvhContext, role: string): string {
  return physicalName([ctx.stack, ctx.target.name, role], "ovhcloud");
}
