/**
 * The benchmark's fleets: the eu-fleet stack's four targets with N generated workloads, written as a stack file
 * the engine reads through `--config-file`.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";

const FLEET_STACK = path.join(__dirname, "..", "stacks", "Pulumi.eu-fleet.yaml");

/** The eu-fleet stack file with `workloads` services of 4 replicas each (one per target) instead of its own. */
export function fleetStackYaml(workloads: number): string {
  const file = parse(readFileSync(FLEET_STACK, "utf8")) as { config: Record<string, unknown> };
  const services = Array.from({ length: workloads }, (_, i) => ({
    name: `svc-${String(i + 1).padStart(3, "0")}`,
    image: `rg.fr-par.scw.cloud/acme/svc-${i + 1}:1.0.${i}`,
    replicas: 4,
  }));
  return stringify({ config: { ...file.config, "sovereign:workloads": services } });
}
