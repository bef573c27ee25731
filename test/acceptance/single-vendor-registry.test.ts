/**
 * Issue 10, done when: a fleet whose every target pulls from one vendor's registry is blocked by `diversification`,
 * the message naming the lost vendor, the target, the dependency and the resource, in every format.
 * test/fixtures/acceptance/single-registry: three targets at three vendors, all pulling from Scaleway's registry.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { runCli, type CliRun } from "../cli/run-cli";
import { fixture } from "./helpers";

const PROGRAM = [fixture("single-registry"), "--stack", "dev", "--pack", "diversification"];
const FORMATS = ["text", "json", "markdown", "sarif", "junit"] as const;
const runs = new Map<string, CliRun>();

beforeAll(async () => {
  for (const format of FORMATS)
    runs.set(format, await runCli(["check", ...PROGRAM, "--format", format]));
});

const PATHS = [
  "losing scaleway: target gra (ovhcloud) pulls rg.fr-par.scw.cloud/acme/shop:1.4.2 for Deployment shop",
  "losing scaleway: target ske (stackit) pulls rg.fr-par.scw.cloud/acme/shop:1.4.2 for Deployment shop",
];

describe("Issue 10: every target pulls from one vendor's registry", () => {
  test.each(FORMATS)(
    "--format %s exits 1 and names vendor, target, dependency and resource",
    (format) => {
      const run = runs.get(format);
      expect(run?.code).toBe(1);
      for (const path of PATHS) expect(run?.stdout).toContain(path);
    },
  );

  test("the JSON report says what breaks when Scaleway is lost, and that nothing else does", () => {
    const report = JSON.parse(runs.get("json")?.stdout ?? "{}") as {
      survival: {
        lost: string;
        capacity: object;
        broken: { target: string; endpoint: string }[];
      }[];
    };
    expect(
      report.survival.map((s) => [
        s.lost,
        s.capacity,
        s.broken.map((b) => `${b.target} ${b.endpoint}`),
      ]),
    ).toEqual([
      ["ovhcloud", { shop: 4 }, []],
      [
        "scaleway",
        { shop: 0 },
        ["gra rg.fr-par.scw.cloud/acme/shop:1.4.2", "ske rg.fr-par.scw.cloud/acme/shop:1.4.2"],
      ],
      ["stackit", { shop: 4 }, []],
    ]);
  });
});
