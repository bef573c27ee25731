/**
 * The vRack side of OVHcloud targets: which vRack a Public Cloud project joins, and the cross-target rules the OVH API
 * enforces on networks. One private network per VLAN of a vRack ("A Public Cloud private network can be placed in
 * each VLAN", up to 4,000 VLANs: ovh/docs public_cloud_network_services/concepts-01-public-cloud-networking-concepts),
 * and a project belongs to one vRack.
 */
import { z } from "zod";

/** The vRack a target's project is attached to. */
export const vrackSchema = z
  .object({
    /** vRack service name, `pn-` and digits (`@ovhcloud/pulumi-ovh` getVrack.d.ts: "e.g pn-000000"). */
    serviceName: z.string().regex(/^pn-[0-9]+$/, "must be a vRack service name such as pn-000000"),
    /**
     * True when the project is already in this vRack (console, another stack): the platform adopts the attachment
     * (Pulumi `import`) instead of attaching. @default false - the platform attaches the project
     */
    attached: z.boolean().default(false),
  })
  .strict();
export type VrackConfig = z.output<typeof vrackSchema>;

/** What the cross-target checks read of an OVHcloud target. */
export interface OvhNetworkFacts {
  readonly provider: string;
  readonly name: string;
  readonly serviceName?: string;
  readonly vlanId?: number;
  readonly vrack?: Pick<VrackConfig, "serviceName">;
}

const facts = z.object({
  provider: z.string(),
  name: z.string(),
  serviceName: z.string().optional(),
  vlanId: z.number().optional(),
  vrack: z.object({ serviceName: z.string() }).optional(),
});

/**
 * The facts of each target, read on their own: a target with an error elsewhere (or in these keys) still takes part,
 * so its VLAN clash shows in the same run; one whose facts do not parse counts as no OVHcloud target. Pure.
 */
export function ovhNetworkFacts(targets: unknown): OvhNetworkFacts[] {
  if (!Array.isArray(targets)) return [];
  return targets.map((t: unknown) => {
    const parsed = facts.safeParse(t);
    return parsed.success ? parsed.data : { provider: "", name: "" };
  });
}

interface Issue {
  path: (string | number)[];
  message: string;
  input?: unknown;
}

/**
 * Two OVHcloud targets of one project on one VLAN would ask for the same private network; two targets attaching
 * one project would both POST the attachment (the second fails); one project cannot join two vRacks. Each later
 * target is the one reported, so every problem shows in one run. Pure.
 */
export function ovhNetworkIssues(targets: readonly OvhNetworkFacts[]): Issue[] {
  const issues: Issue[] = [];
  const vlanOwner = new Map<string, string>();
  const vrackOwner = new Map<string, { target: string; vrack: string }>();
  targets.forEach((t, i) => {
    if (t.provider !== "ovhcloud" || t.serviceName === undefined) return;
    const vlanKey = `${t.serviceName}/${t.vlanId ?? 0}`;
    const sameVlan = vlanOwner.get(vlanKey);
    if (sameVlan !== undefined) {
      issues.push({
        path: ["targets", i, "vlanId"],
        input: t.vlanId ?? 0,
        message: `is the VLAN of target ${sameVlan} in the same project ${t.serviceName}; a vRack VLAN holds one private network, so give each OVHcloud target of a project its own vlanId (0-4000)`,
      });
    } else vlanOwner.set(vlanKey, t.name);
    if (t.vrack === undefined) return;
    const attaching = vrackOwner.get(t.serviceName);
    if (attaching === undefined) {
      vrackOwner.set(t.serviceName, { target: t.name, vrack: t.vrack.serviceName });
      return;
    }
    issues.push({
      path: ["targets", i, "vrack"],
      input: t.vrack.serviceName,
      message:
        attaching.vrack === t.vrack.serviceName
          ? `attaches project ${t.serviceName}, which target ${attaching.target} attaches already; name the vRack on one target of a project only`
          : `names vRack ${t.vrack.serviceName}, but target ${attaching.target} puts project ${t.serviceName} in vRack ${attaching.vrack}; a project joins one vRack`,
    });
  });
  return issues;
}
