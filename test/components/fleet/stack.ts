/**
 * A whole fleet stack under the mock runtime, as stacks/deploy.ts composes it: per target a Deployment of each
 * workload (labelled as the Workload component labels it, replicas from config/fleet-math.ts), then deployFleet.
 * Returns the recorded resources, which the pack and the exit report read.
 */
import * as k8s from "@pulumi/kubernetes";
import type { RecordedResource, Recording } from "../../../cli/engine/recorder";
import { workloadLabels } from "../../../components/contract/labels";
import { deployFleet } from "../../../components/fleet";
import { settle, unwrap } from "../../helpers/mocks";
import { fleetConfig, platformsOf, type FleetFixture } from "./fixtures";

export async function fleetStack(
  recording: Recording,
  f: FleetFixture = {},
): Promise<RecordedResource[]> {
  const config = fleetConfig(f);
  const platforms = platformsOf(config, f);
  for (const p of platforms) {
    for (const w of p.workloads.filter((x) => x.replicas > 0)) {
      const labels = workloadLabels(w.name, p.contract.labels);
      new k8s.apps.v1.Deployment(
        `${w.name}-${p.target.name}`,
        {
          metadata: { name: w.name, namespace: w.name, labels: labels.all },
          spec: {
            replicas: w.replicas,
            selector: { matchLabels: labels.selector },
            template: { metadata: { labels: labels.all }, spec: { containers: [] } },
          },
        },
        { provider: p.contract.kubernetes },
      );
    }
  }
  await unwrap(deployFleet("eu-fleet", { config, platforms }).urn);
  return settle(recording);
}
