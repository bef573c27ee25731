/**
 * Issue "Four-vendor diversification", done when: the eu-fleet stack cut to one target, to two targets, or with
 * 70 % of its capacity on one vendor exits 1 with mandatory violations of the `diversification` pack that name the
 * vendor whose loss breaks the fleet, the share and the vendor count. Each variant is stacks/Pulumi.eu-fleet.yaml
 * transformed with the `yaml` package and passed with --config-file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { checkToolkit, reportOf, ROOT, temporaryFolder } from "./helpers";

interface FleetStackFile {
  config: {
    "sovereign:targets": { name: string }[];
    "sovereign:workloads": { replicas: number }[];
    "sovereign:fleet": Record<string, unknown>;
  };
}

const temp = temporaryFolder("diversification");
afterAll(temp.remove);

/** eu-fleet's stack file changed by `change`, written to the temporary folder. */
function variant(name: string, change: (config: FleetStackFile["config"]) => void): string {
  const doc = parse(
    readFileSync(path.join(ROOT, "stacks/Pulumi.eu-fleet.yaml"), "utf8"),
  ) as FleetStackFile;
  change(doc.config);
  const file = path.join(temp.dir, `${name}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}

const keepTargets = (count: number) => (config: FleetStackFile["config"]) => {
  config["sovereign:targets"] = config["sovereign:targets"].slice(0, count);
};

/** [variant, its stack file, the findings (message up to its fix) of each mandatory diversification violation] */
const CUT_FLEETS: readonly [string, () => string, string[]][] = [
  [
    "cut to one target (par)",
    () => variant("one-target", keepTargets(1)),
    [
      "fleet-data-missing-cross-vendor-copy the bucket of target par (scaleway) has no copy at another vendor",
      "fleet-data-missing-cross-vendor-copy the database of target par (scaleway) has no copy at another vendor",
      "fleet-workload-enforce-max-vendor-share scaleway carries 100 % of workload shop (8 of 8 replicas), above the 50 % one vendor may carry",
      "fleet-workload-enforce-min-jurisdictions workload shop runs in 1 country (FR); the fleet requires at least 2",
      "fleet-workload-enforce-min-vendors workload shop runs on 1 vendor (scaleway); the fleet requires at least 3",
      "fleet-workload-enforce-vendor-loss-tolerance losing scaleway leaves workload shop with 0 of the 5 replicas it requires (5 missing, 8 were on scaleway)",
    ],
  ],
  [
    "cut to two targets (par, gra)",
    () => variant("two-targets", keepTargets(2)),
    [
      "fleet-workload-enforce-min-jurisdictions workload shop runs in 1 country (FR); the fleet requires at least 2",
      "fleet-workload-enforce-min-vendors workload shop runs on 2 vendors (ovhcloud, scaleway); the fleet requires at least 3",
      "fleet-workload-enforce-vendor-loss-tolerance losing ovhcloud leaves workload shop with 4 of the 5 replicas it requires (1 missing, 4 were on ovhcloud)",
      "fleet-workload-enforce-vendor-loss-tolerance losing scaleway leaves workload shop with 4 of the 5 replicas it requires (1 missing, 4 were on scaleway)",
    ],
  ],
  [
    "70 % of the capacity is on Scaleway (weights 7/1/1/1 over 10 replicas)",
    () =>
      variant("seventy-percent", (config) => {
        config["sovereign:fleet"].weights = { par: 7, gra: 1, ske: 1, ionos: 1 };
        config["sovereign:workloads"][0] = { ...config["sovereign:workloads"][0], replicas: 10 };
      }),
    [
      "fleet-workload-enforce-max-vendor-share scaleway carries 70 % of workload shop (7 of 10 replicas), above the 50 % one vendor may carry",
      "fleet-workload-enforce-vendor-loss-tolerance losing scaleway leaves workload shop with 3 of the 7 replicas it requires (4 missing, 7 were on scaleway)",
    ],
  ],
];

describe("Issue Four-vendor diversification: a fleet that depends on too few vendors", () => {
  test.each(CUT_FLEETS)("exits 1 when %s, naming what breaks", async (_case, file, findings) => {
    const run = await checkToolkit([
      "--stack",
      "eu-fleet",
      "--config-file",
      file(),
      "--assume-config",
      "--environment",
      "prod",
      "--format",
      "json",
    ]);
    const report = reportOf(run);
    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
    expect([run.code, mandatory.filter((v) => v.pack !== "diversification")]).toEqual([1, []]);
    expect(mandatory.map((v) => `${v.policy} ${v.message.split(": ")[0]}`).sort()).toEqual(
      findings,
    );
    expect(mandatory.map((v) => v.urn)).toEqual(
      mandatory.map(() => "urn:pulumi:eu-fleet::sovereign-deploy::sovereign:fleet:Fleet::fleet"),
    );
  });
});
