/**
 * The four packs as data: what each ships (selected from the registry by pack), its version and its default
 * enforcement, and how strict each environment is. Each pack's `index.ts` serves `PACKS[<name>]`; nothing here
 * has side effects, so tests, the offline engine and the README table all read the same objects.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import type { Environment } from "../config/schema";
import type { PackName, SovereignPolicy } from "./lib/define";
import {
  environmentFrom,
  levelIn,
  loadExemptions,
  packArgs,
  type EnvironmentLevels,
} from "./lib/pack";
import { REGISTRY } from "./registry";

export interface PackDefinition {
  readonly name: PackName;
  /** Must equal `version` in policies/<name>/package.json (the SDK reads it there). */
  readonly version: string;
  readonly description: string;
  /** The pack-wide level for policies that set none. */
  readonly enforcementLevel: EnforcementLevel;
  readonly policies: readonly SovereignPolicy[];
}

const DEFINITIONS: Readonly<Record<PackName, Omit<PackDefinition, "name" | "policies">>> = {
  "eu-sovereignty": {
    version: "0.1.0",
    description:
      "Blocks non-EU placement: regions, zones and locations (resources, nested fields, providers, stack config), non-EU vendors and accounts, Kubernetes API servers, container registries and Helm chart sources. Fails closed.",
    enforcementLevel: "mandatory",
  },
  "workload-baseline": {
    version: "0.1.0",
    description:
      "Kubernetes hardening for every pod-bearing kind: limits, non-root, no privilege, pinned images, probes.",
    enforcementLevel: "advisory",
  },
  "data-protection": {
    version: "0.1.0",
    description:
      "Private, versioned, encrypted buckets; backed-up databases; protected stateful resources in production; secrets kept secret.",
    enforcementLevel: "advisory",
  },
  diversification: {
    version: "0.1.0",
    description:
      "Fleet spread across EU vendors and jurisdictions, so losing any one vendor keeps the required capacity.",
    enforcementLevel: "advisory",
  },
};

const definitionOf = (name: PackName): PackDefinition => ({
  name,
  ...DEFINITIONS[name],
  policies: REGISTRY.select({ pack: name }),
});

/** Every pack, with its policies from the registry. */
export const PACKS: Readonly<Record<PackName, PackDefinition>> = {
  "eu-sovereignty": definitionOf("eu-sovereignty"),
  "workload-baseline": definitionOf("workload-baseline"),
  "data-protection": definitionOf("data-protection"),
  diversification: definitionOf("diversification"),
};

/**
 * How strict each environment is. Sovereignty is never relaxed: eu-sovereignty keeps its policies' own levels
 * (mandatory) everywhere. Hardening and data protection advise in dev and block in prod; diversification needs a
 * fleet, which dev stacks do not have.
 */
export const ENVIRONMENT_LEVELS: Readonly<Record<Environment, EnvironmentLevels>> = {
  dev: {
    packs: {
      "workload-baseline": "advisory",
      "data-protection": "advisory",
      diversification: "disabled",
    },
    policies: {},
  },
  staging: {
    packs: {
      "workload-baseline": "mandatory",
      "data-protection": "advisory",
      diversification: "advisory",
    },
    policies: {},
  },
  prod: {
    packs: {
      "workload-baseline": "mandatory",
      "data-protection": "mandatory",
      diversification: "mandatory",
    },
    policies: {},
  },
};

const ENVIRONMENTS = Object.keys(ENVIRONMENT_LEVELS) as Environment[];

/** `policy`'s level in `environment`. */
export function enforcementLevelOf(
  policy: SovereignPolicy,
  environment: Environment,
): EnforcementLevel {
  return levelIn(policy, ENVIRONMENT_LEVELS[environment]);
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The Markdown table of every policy (README "Policies"): pack, name, severity, levels per environment. */
export function policyTable(): string {
  const header = `| Pack | Policy | Severity | ${ENVIRONMENTS.join(" / ")} | What it checks |`;
  const rule = "| --- | --- | --- | --- | --- |";
  const rows = Object.values(PACKS).flatMap((pack) =>
    pack.policies.map((policy) => {
      const levels = ENVIRONMENTS.map((env) => enforcementLevelOf(policy, env)).join(" / ");
      return `| ${pack.name} | \`${policy.name}\` | ${policy.severity} | ${levels} | ${cell(policy.description)} |`;
    }),
  );
  return [header, rule, ...rows].join("\n");
}

/**
 * The `new PolicyPack` arguments of pack `name` for the environment SOVEREIGN_ENVIRONMENT names, with the reviewed
 * exemptions of policies/exemptions.json.
 */
export function servedPack(name: PackName, env: Readonly<Record<string, string | undefined>>) {
  const pack = PACKS[name];
  const environment = environmentFrom(env);
  return {
    name: pack.name,
    args: packArgs(pack, { levels: ENVIRONMENT_LEVELS[environment], exemptions: loadExemptions() }),
  };
}
