/**
 * A bucket turns public through its canned ACL (on the bucket, deprecated, or on a BucketAcl), through ACL grants
 * to the AllUsers/AuthenticatedUsers groups, or through a bucket policy that allows everyone. Scaleway buckets
 * are private when created without an ACL. OVHcloud `cloudproject.Storage` has no public-access input (its buckets
 * are private; public access needs S3 calls outside Pulumi), so it has nothing to check here.
 */
import { definePolicy, scopedValidation } from "../../lib/define";
import { arrayAt, kindOf, objectAt, ofKinds } from "./lib/types";

type Json = Record<string, unknown>;

interface Config {
  readonly allowedAcls: readonly string[];
}

const DEFAULTS: Config = { allowedAcls: ["private"] };
const KINDS = ["scalewayBucket", "scalewayBucketAcl", "scalewayBucketPolicy"] as const;

/** Grantee groups that mean "anyone" (S3 canned group URIs, which Scaleway uses too). */
const PUBLIC_GROUPS = /\/(AllUsers|AuthenticatedUsers)$/;

const aclMessage = (acl: unknown, cfg: Config) =>
  typeof acl === "string" && !cfg.allowedAcls.includes(acl)
    ? [`acl "${acl}" is not one of the allowed ACLs (${cfg.allowedAcls.join(", ")})`]
    : [];

function grantMessages(policy: Json): string[] {
  return (arrayAt(policy, "grants") ?? []).flatMap((grant, i) => {
    const uri = objectAt(grant as Json, "grantee")?.uri;
    const permission = (grant as Json).permission;
    return typeof uri === "string" && PUBLIC_GROUPS.test(uri)
      ? [`accessControlPolicy.grants[${i}] grants ${String(permission)} to ${uri}`]
      : [];
  });
}

const isWildcard = (principal: unknown): boolean =>
  principal === "*" ||
  (Array.isArray(principal) && principal.includes("*")) ||
  (principal !== null &&
    typeof principal === "object" &&
    !Array.isArray(principal) &&
    Object.values(principal).some(isWildcard));

/** Statements of a bucket policy that allow everyone with no Condition to narrow it. */
function policyMessages(policy: unknown): string[] {
  if (typeof policy !== "string") return ["sets no policy document"];
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    return ["policy is not valid JSON, so who it admits cannot be checked"];
  }
  const raw = (doc as Json | null)?.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return statements.flatMap((s: Json, i) =>
    s.Effect === "Allow" && isWildcard(s.Principal) && s.Condition === undefined
      ? [`policy Statement[${i}] allows everyone (Principal "*") with no Condition`]
      : [],
  );
}

export const dataBucketDisallowPublicAccess = definePolicy({
  name: "data-bucket-disallow-public-access",
  description:
    "No object storage bucket is made public through a canned ACL, an ACL grant to all users, or a bucket policy that allows everyone.",
  configSchema: {
    properties: {
      allowedAcls: {
        type: "array",
        items: { type: "string" },
        default: [...DEFAULTS.allowedAcls],
        description: "Canned ACLs a bucket or BucketAcl may use.",
      },
    },
  },
  enforcementLevel: "mandatory",
  validateResource: scopedValidation(ofKinds(KINDS), (args, reportViolation) => {
    const kind = kindOf(args.type, KINDS);
    if (kind === undefined) return;
    const cfg = { ...DEFAULTS, ...args.getConfig<Partial<Config>>() };
    const props = args.props as Json;
    const messages: Record<typeof kind, () => string[]> = {
      scalewayBucket: () => aclMessage(props.acl, cfg),
      scalewayBucketAcl: () => {
        const policy = objectAt(props, "accessControlPolicy");
        if (props.acl === undefined && policy === undefined)
          return ["sets neither acl nor accessControlPolicy, so the bucket's access is not stated"];
        return [...aclMessage(props.acl, cfg), ...(policy ? grantMessages(policy) : [])];
      },
      scalewayBucketPolicy: () => policyMessages(props.policy),
    };
    for (const message of messages[kind]()) reportViolation(message);
  }),
  severity: "critical",
  tags: ["storage", "exposure"],
  remediationSteps:
    'Keep buckets private: drop the public canned ACL or grant (set acl: "private" on the BucketAcl), and give bucket policies a named principal or a Condition. Serve public files through the workload or a CDN instead. Allow another canned ACL with this policy\'s `allowedAcls`.',
  url: "https://www.pulumi.com/registry/packages/scaleway/api-docs/object/bucketacl/",
  pack: "data-protection",
  area: "data",
});
