/**
 * A compliant four-vendor fleet as stack-validation resources (props = outputs, as the engine hands them to
 * policies), and a runner that collects a stack policy's violations. Failing cases change one thing.
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import type { FleetRules } from "../../../../domain/fleet-facts";
import type { SovereignPolicy } from "../../../../policies/lib/define";

export const FLEET_URN = "urn:pulumi:eu-fleet::sovereign-deploy::sovereign:fleet:Fleet::eu-fleet";

export interface Site {
  readonly target: string;
  readonly vendor: string;
  readonly country: string;
  readonly replicas: number;
}

export const SITES: readonly Site[] = [
  { target: "par", vendor: "scaleway", country: "FR", replicas: 2 },
  { target: "gra", vendor: "ovhcloud", country: "FR", replicas: 2 },
  { target: "ske", vendor: "stackit", country: "DE", replicas: 2 },
  { target: "ionos", vendor: "ionos", country: "ES", replicas: 2 },
];

export function rules(overrides: Partial<FleetRules> = {}): FleetRules {
  return {
    minVendors: 3,
    minJurisdictions: 2,
    maxVendorSharePercent: 50,
    workloads: [{ name: "shop", replicas: 8, required: 6 }],
    stateful: [
      { target: "par", vendor: "scaleway", kind: "objects" },
      { target: "par", vendor: "scaleway", kind: "database" },
      { target: "ske", vendor: "stackit", kind: "database" },
    ],
    dns: { service: "scaleway", zone: "apps.example.eu", routing: "health-checked" },
    ...overrides,
  };
}

export const resource = (
  type: string,
  name: string,
  props: Record<string, unknown>,
): PolicyResource =>
  ({
    type,
    name,
    urn: `urn:pulumi:eu-fleet::sovereign-deploy::${type}::${name}`,
    props,
  }) as unknown as PolicyResource;

export const fleetResource = (r: unknown = rules()): PolicyResource =>
  ({
    type: "sovereign:fleet:Fleet",
    name: "eu-fleet",
    urn: FLEET_URN,
    props: { fleet: r, hosts: { shop: "shop.apps.example.eu" } },
  }) as unknown as PolicyResource;

/** A workload's Deployment on one target, labelled as the Workload component labels it. */
export function deployment(
  site: Site,
  workload = "shop",
  drop: readonly string[] = [],
): PolicyResource {
  const labels = Object.fromEntries(
    Object.entries({
      "app.kubernetes.io/name": workload,
      "app.kubernetes.io/instance": workload,
      "sovereign.eu/vendor": site.vendor,
      "sovereign.eu/country": site.country,
      "sovereign.eu/target": site.target,
    }).filter(([key]) => !drop.includes(key)),
  );
  return resource("kubernetes:apps/v1:Deployment", `${workload}-${site.target}`, {
    metadata: { name: workload, namespace: workload, labels },
    spec: { replicas: site.replicas, template: { metadata: { labels: {} } } },
  });
}

export interface CopyFixture {
  readonly kind: "objects" | "database";
  readonly source: string;
  readonly sourceVendor: string;
  readonly destination: string;
  readonly destinationVendor: string;
  readonly suspend?: boolean;
}

export function copyJob(c: CopyFixture): PolicyResource {
  return resource("kubernetes:batch/v1:CronJob", `eu-fleet-${c.source}-${c.kind}`, {
    metadata: {
      labels: {
        "app.kubernetes.io/name": "fleet-replication",
        "sovereign.eu/target": c.source,
        "sovereign.eu/vendor": c.sourceVendor,
        "sovereign.eu/copy-of": c.kind,
        "sovereign.eu/copy-to-target": c.destination,
        "sovereign.eu/copy-to-vendor": c.destinationVendor,
      },
    },
    spec: { schedule: "0 * * * *", ...(c.suspend === undefined ? {} : { suspend: c.suspend }) },
  });
}

export const COPIES: readonly CopyFixture[] = [
  {
    kind: "objects",
    source: "par",
    sourceVendor: "scaleway",
    destination: "gra",
    destinationVendor: "ovhcloud",
  },
  {
    kind: "database",
    source: "par",
    sourceVendor: "scaleway",
    destination: "gra",
    destinationVendor: "ovhcloud",
  },
  {
    kind: "database",
    source: "ske",
    sourceVendor: "stackit",
    destination: "par",
    destinationVendor: "scaleway",
  },
];

/** The compliant fleet: rules, four even Deployments, every copy. */
export function compliant(): PolicyResource[] {
  return [fleetResource(), ...SITES.map((s) => deployment(s)), ...COPIES.map(copyJob)];
}

/** Runs a stack policy over `resources`; returns its violations. */
export async function violations(
  policy: SovereignPolicy,
  resources: readonly PolicyResource[],
): Promise<{ message: string; urn?: string }[]> {
  if (!("validateStack" in policy)) throw new Error(`${policy.name} is not a stack policy`);
  const found: { message: string; urn?: string }[] = [];
  const args = {
    resources: [...resources],
    stackTags: new Map<string, string>(),
    getConfig: () => ({}),
    notApplicable: () => {
      throw new Error("not applicable");
    },
  } as unknown as StackValidationArgs;
  await policy.validateStack(args, (message, urn) =>
    found.push(urn === undefined ? { message } : { message, urn }),
  );
  return found;
}
