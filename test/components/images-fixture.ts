/**
 * Registries of a target as the Platform hands them to workloads, jobs and databases: its own private registry,
 * used as its mirror too, with one credential whose password is easy to look for in recorded inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type {
  RegistryCredential,
  RegistryOutputs,
  TargetImages,
} from "../../components/contract/types";

export const REGISTRY_PASSWORD = "registry-password-5ecret";

/** A private registry at `endpoint`, user `nologin`. */
export function privateRegistry(
  endpoint: string,
): RegistryOutputs & { readonly credential: RegistryCredential } {
  return {
    endpoint: pulumi.output(endpoint),
    credential: { username: pulumi.output("nologin"), password: pulumi.secret(REGISTRY_PASSWORD) },
  };
}

/** The target's own registry `rg.fr-par.scw.cloud/<namespace>`, also its mirror. */
export function ownRegistryImages(namespace = "eu-fleet-par-registry"): TargetImages {
  const registry = privateRegistry(`rg.fr-par.scw.cloud/${namespace}`);
  return { registry, mirror: registry, pullCredentials: [registry] };
}
