/**
 * Where every Scaleway child of one target goes: an explicit `scaleway.Provider` per target (each target its own
 * region, zone and project, whatever the stack's `scaleway:*` config says), plus the same region and zone written
 * on every resource, so policies read the location from the resource itself.
 */
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { SCALEWAY_OFFERINGS, type ScalewayOffering } from "../../../config/catalog/offerings";
import type { ScalewayTarget } from "../../../config/schema";
import type { TargetContext } from "../../contract/types";
import { physicalName } from "../../contract/naming";

export type ScalewayContext = TargetContext<ScalewayTarget>;

/** Region and zone of a target: the catalog's canonical region (`par1` → `fr-par`), the zone as configured. */
export interface ScalewayLocation {
  readonly region: string;
  readonly zone: string;
}

/** The target's region and zone; the zone defaults to the region's first zone. */
export function scalewayLocation(ctx: ScalewayContext): ScalewayLocation {
  const offering = (SCALEWAY_OFFERINGS as Readonly<Record<string, ScalewayOffering>>)[
    ctx.placement.site
  ];
  const zone = ctx.target.zone ?? offering?.zones[0];
  if (offering === undefined || zone === undefined) {
    throw new Error(
      `scaleway region ${ctx.target.region} of target ${ctx.target.name} has no offering in ` +
        `config/catalog/offerings.ts; use one of ${Object.keys(SCALEWAY_OFFERINGS).join(", ")}`,
    );
  }
  return { region: ctx.placement.site, zone };
}

/**
 * Environment variables naming the default organization: the Go SDK under the Terraform provider reads
 * SCW_DEFAULT_ORGANIZATION_ID (scaleway/scaleway-sdk-go scw/env.go, ScwDefaultOrganizationIDEnv), the Pulumi SDK's
 * provider class SCW_ORGANIZATION_ID (@pulumiverse/scaleway provider.js). First set wins.
 */
export const ORGANIZATION_ENV = ["SCW_DEFAULT_ORGANIZATION_ID", "SCW_ORGANIZATION_ID"] as const;

/** The target's organization: `organizationId` in config, else the environment; undefined when neither says. */
export function scalewayOrganization(
  target: Pick<ScalewayContext["target"], "organizationId">,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  return target.organizationId ?? ORGANIZATION_ENV.map((k) => env[k]).find((v) => v);
}

/**
 * The organization IAM resources (the bucket credential) are created in. The IAM API wants one
 * (CreateApplicationRequest.organization_id, terraform-provider-scaleway internal/services/iam/application.go reads
 * it from the resource or the provider's profile); failing here names the key instead of an API error mid-`up`.
 */
export function requiredOrganization(ctx: ScalewayContext, parent: pulumi.Resource): string {
  const organization = scalewayOrganization(ctx.target);
  if (organization === undefined) {
    throw new pulumi.ResourceError(
      `target ${ctx.target.name}: the bucket and registry credentials (Scaleway IAM applications, policies and API keys) need ` +
        `an organization id; set sovereign:targets[].organizationId on target ${ctx.target.name} in the stack ` +
        `file, or export ${ORGANIZATION_ENV[0]}`,
      parent,
    );
  }
  return organization;
}

const providers = new WeakMap<pulumi.Resource, scaleway.Provider>();

/** The target's Scaleway provider, created once per platform (`${name}-scaleway`). */
export function scalewayProvider(
  name: string,
  ctx: ScalewayContext,
  parent: pulumi.Resource,
): scaleway.Provider {
  const existing = providers.get(parent);
  if (existing) return existing;
  const { region, zone } = scalewayLocation(ctx);
  const provider = new scaleway.Provider(
    `${name}-scaleway`,
    {
      region,
      zone,
      projectId: ctx.target.projectId,
      organizationId: scalewayOrganization(ctx.target),
    },
    { parent },
  );
  providers.set(parent, provider);
  return provider;
}

/** Options of every Scaleway child: the platform as parent, the target's provider. */
export function scalewayOptions(
  name: string,
  ctx: ScalewayContext,
  parent: pulumi.Resource,
): pulumi.CustomResourceOptions {
  return { parent, provider: scalewayProvider(name, ctx, parent) };
}

/** Physical name of a child: stack, target and role, within Scaleway's limits. */
export function scalewayName(ctx: ScalewayContext, role: string): string {
  return physicalName([ctx.stack, ctx.target.name, role], "scaleway");
}
