/**
 * A Scaleway IAM application with one permission set in one project and an API key: the credential the bucket and
 * the registry each get, so neither shares a key with the other.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { tagList } from "../../contract/labels";
import { requiredOrganization, scalewayName, type ScalewayContext } from "./provider";

export interface ScopedKeyArgs {
  /** Child names are `${prefix}-application`, `${prefix}-policy`, `${prefix}-key`. */
  readonly prefix: string;
  /** Role in the physical name (`bucket`, `registry`). */
  readonly role: string;
  readonly permissionSet: string;
  readonly projectId: pulumi.Input<string>;
  readonly description: string;
  /** The platform, named in the error when no organization id is set. */
  readonly parent: pulumi.Resource;
}

/** Children: `${prefix}-application`, `${prefix}-policy`, `${prefix}-key`. Returns the key. */
export function scopedApiKey(
  ctx: ScalewayContext,
  args: ScopedKeyArgs,
  opts: pulumi.CustomResourceOptions,
): scaleway.iam.ApiKey {
  // IAM applications and policies belong to the organization, which the provider's project does not name.
  const organizationId = requiredOrganization(ctx, args.parent);
  const application = new scaleway.iam.Application(
    `${args.prefix}-application`,
    {
      name: scalewayName(ctx, args.role),
      organizationId,
      description: args.description,
      tags: tagList(ctx.labels),
    },
    opts,
  );
  new scaleway.iam.Policy(
    `${args.prefix}-policy`,
    {
      name: scalewayName(ctx, args.role),
      organizationId,
      applicationId: application.id,
      rules: [{ projectIds: [args.projectId], permissionSetNames: [args.permissionSet] }],
      tags: tagList(ctx.labels),
    },
    opts,
  );
  return new scaleway.iam.ApiKey(
    `${args.prefix}-key`,
    {
      applicationId: application.id,
      defaultProjectId: args.projectId,
      description: args.description,
    },
    opts,
  );
}
