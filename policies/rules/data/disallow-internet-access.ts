/**
 * A database reachable from the whole internet is one leaked password from a breach. Per provider:
 * - Scaleway: an ACL rule for a /0 network opens the public endpoint to everyone; an instance without a private
 *   network gets only a public endpoint, and `loadBalancer` adds one next to the private network;
 * - OVHcloud: `ipRestrictions` lists who may connect; a /0 entry admits everyone, and an absent list leaves the
 *   decision to whatever was set outside this program.
 */
import { definePolicy } from "../../lib/define";
import { kindValidation } from "./lib/kind-validation";
import { arrayAt, objectAt } from "./lib/types";

type Json = Record<string, unknown>;

interface Config {
  readonly allowPublicEndpoint: boolean;
}

const DEFAULTS: Config = { allowPublicEndpoint: false };

/** True for a CIDR with prefix length 0 (`0.0.0.0/0`, `::/0`): every address there is. */
export function isWholeInternet(cidr: string): boolean {
  const slash = cidr.lastIndexOf("/");
  return slash !== -1 && Number(cidr.slice(slash + 1).trim()) === 0;
}

/** Messages for the entries of `list` whose `ip` is the whole internet. */
const openEntries = (list: unknown[], where: string) =>
  list.flatMap((entry, i) => {
    const ip = (entry as Json | null)?.ip;
    return typeof ip === "string" && isWholeInternet(ip)
      ? [`${where}[${i}] allows ${ip}, the whole internet`]
      : [];
  });

type Kind = "scalewayDatabaseAcl" | "scalewayDatabaseInstance" | "ovhDatabase";
const KINDS: readonly Kind[] = ["scalewayDatabaseAcl", "scalewayDatabaseInstance", "ovhDatabase"];

const CHECKS: Record<Kind, (props: Json, cfg: Config) => string[]> = {
  scalewayDatabaseAcl: (props) => openEntries(arrayAt(props, "aclRules") ?? [], "aclRules"),
  scalewayDatabaseInstance: (props, cfg) => {
    if (objectAt(props, "privateNetwork") === undefined)
      return ["has no privateNetwork, so its only endpoint is public"];
    return objectAt(props, "loadBalancer") !== undefined && !cfg.allowPublicEndpoint
      ? ["adds a public endpoint (loadBalancer) next to its private network"]
      : [];
  },
  ovhDatabase: (props) => {
    const restrictions = arrayAt(props, "ipRestrictions") ?? [];
    if (restrictions.length === 0)
      return ["declares no ipRestrictions, so who may connect is decided outside this program"];
    return openEntries(restrictions, "ipRestrictions");
  },
};

export const dataDatabaseDisallowInternetAccess = definePolicy({
  name: "data-database-disallow-internet-access",
  description:
    "No managed database accepts connections from the whole internet: Scaleway instances sit on a private network and their ACLs, like OVHcloud ipRestrictions, admit no /0 network.",
  configSchema: {
    properties: {
      allowPublicEndpoint: {
        type: "boolean",
        default: DEFAULTS.allowPublicEndpoint,
        description:
          "Allow a Scaleway instance a public endpoint (loadBalancer) besides its private network, e.g. when a narrow databases.Acl guards it.",
      },
    },
  },
  enforcementLevel: "mandatory",
  validateResource: kindValidation(KINDS, CHECKS, DEFAULTS),
  severity: "critical",
  tags: ["database", "network", "exposure"],
  remediationSteps:
    "Attach Scaleway databases to the target's private network (privateNetwork.pnId) without loadBalancer, list only the cluster's subnet or named addresses in databases.Acl rules and in OVHcloud ipRestrictions (the Sovereign Deploy adapters use the target's `privateNetworkCidr` / `subnetCidr`). Set this policy's `allowPublicEndpoint: true` only if a narrow ACL guards the public endpoint.",
  url: "https://www.pulumi.com/registry/packages/scaleway/api-docs/databases/acl/",
  pack: "data-protection",
  area: "data",
});
