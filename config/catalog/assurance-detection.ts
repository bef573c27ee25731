/**
 * How a resource's offering is told apart from its package (vendors.ts) and its provider's config. A vendor with
 * one offering needs no rule; a package whose vendor sells several has a selector: the input that decides, the
 * values that name each offering, and what the provider does when the input is unset (no fallback: the offering
 * cannot be told and the resource fails closed).
 */
import { accountEntityOf, OVH_ACCOUNT as ovh } from "./accounts";
import type { OfferingId } from "./assurance-offerings";
import type { VendorId } from "./vendors";

export interface OfferingChoice {
  readonly pattern: RegExp;
  readonly offering: OfferingId;
}

export interface OfferingSelector {
  /** Provider input (resource inputs are read first, for packages with per-resource overrides). */
  readonly input: string;
  /** The stack config key of the default provider, for messages. */
  readonly configKey: string;
  /** Every offering the input can name, for messages. */
  readonly offerings: readonly OfferingId[];
  /** The offering a set value names, or undefined when it names none in the catalog. */
  readonly offeringOf: (value: string) => OfferingId | undefined;
  /** The offering the provider serves when `input` is unset; absent when that depends on the environment. */
  readonly whenUnset?: OfferingId;
  /** Where the values were read. */
  readonly source: string;
}

/** The offering of every vendor's packages when no selector decides (the compiler checks none is missing). */
export const DEFAULT_OFFERING: Readonly<Record<VendorId, OfferingId>> = {
  scaleway: "scaleway",
  ovhcloud: "ovhcloud",
  stackit: "stackit",
  ionos: "ionos",
  proximus: "proximus",
  post: "post",
  hetzner: "hetzner",
  upcloud: "upcloud",
  outscale: "outscale",
  aws: "aws",
  azure: "azure",
  gcp: "google-cloud",
  digitalocean: "digitalocean",
  oracle: "oracle",
  akamai: "akamai",
  vultr: "vultr",
  cloudflare: "cloudflare",
  ibm: "ibm",
  redhat: "redhat",
  docker: "docker",
  github: "github",
  cncf: "cncf",
  alibaba: "alibaba",
  tencent: "tencent",
  huawei: "huawei",
  pulumi: "pulumi-cloud",
};

/** `offerings` and `offeringOf` from a list of patterns, first match wins. */
function byPattern(choices: readonly OfferingChoice[]) {
  return {
    offerings: [...new Set(choices.map((c) => c.offering))],
    offeringOf: (value: string) => choices.find((c) => c.pattern.test(value))?.offering,
  };
}

/** Google: the universe domain (S3NS's is `s3nsapis.fr`); unset means googleapis.com. */
const GOOGLE_UNIVERSE: OfferingSelector = {
  input: "universeDomain",
  configKey: "gcp:universeDomain",
  ...byPattern([
    { pattern: /^googleapis\.com$/, offering: "google-cloud" },
    { pattern: /^s3nsapis\.fr$/, offering: "s3ns" },
  ]),
  whenUnset: "google-cloud",
  source:
    "pulumi-gcp Provider input universeDomain (terraform-provider-google universe_domain, default googleapis.com); S3NS documentation (documentation.s3ns.fr)",
};

/** AWS: the partition follows from the region (aws-sdk-js-v3 partitions.json regionRegex). */
const AWS_PARTITION: OfferingSelector = {
  input: "region",
  configKey: "aws:region",
  ...byPattern([
    { pattern: /^eusc-(de)-\w+-\d+$/, offering: "aws-european-sovereign-cloud" },
    { pattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, offering: "aws" },
  ]),
  source:
    "aws-sdk-js-v3 packages/util-endpoints/src/lib/aws/partitions.json: aws-eusc regionRegex ^eusc-(de)-\\w+-\\d+$, dnsSuffix amazonaws.eu",
};

/** OVHcloud: the API endpoint decides the contracting entity (accounts.ts), hence the offering. */
const OVH_ENDPOINT: OfferingSelector = {
  input: ovh.key,
  configKey: ovh.configKey,
  offerings: [...new Set(Object.values(ovh.entities).map((e) => e.offering))],
  offeringOf: (value) => accountEntityOf(ovh, value)?.offering,
  source: "ovh/go-ovh ovh/ovh.go endpoint table (config/catalog/accounts.ts)",
};

/** Selectors by Pulumi package. */
export const OFFERING_SELECTORS: Readonly<Record<string, OfferingSelector>> = {
  gcp: GOOGLE_UNIVERSE,
  aws: AWS_PARTITION,
  "aws-native": AWS_PARTITION,
  ovh: OVH_ENDPOINT,
};
