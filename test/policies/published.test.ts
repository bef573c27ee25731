/**
 * What `pulumi policy publish` uploads must run on its own: each pack built by `npm run build:packs` is copied alone
 * to a temporary directory (no repository around it), installs its dependencies from the npm registry there, and
 * is served by its own @pulumi/pulumi's run-policy-pack over the analyzer protocol, as the Pulumi service runs it.
 * About a minute, mostly npm install (four in parallel; --prefer-offline uses the npm cache when it can).
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildPacks, packNames, RUNTIME_DEPENDENCIES } from "../../policies/build-packs";
import type { PackName } from "../../policies/lib/define";
import { enforcementLevelOf, PACKS } from "../../policies/packs";
import { ENFORCEMENT_LEVEL, servePack, type ServedPack } from "../helpers/analyzer";

const run = promisify(execFile);
const PACK_NAMES = Object.keys(PACKS) as PackName[];
const ROOT_MANIFEST = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"),
) as { dependencies: Record<string, string> };

/** The pack's environment: SOVEREIGN_ENVIRONMENT unset, so prod levels, as a published pack runs by default. */
const { SOVEREIGN_ENVIRONMENT: _unset, ...packEnv } = process.env;

describe("published packs, each alone in a temporary directory", () => {
  const work = mkdtempSync(join(tmpdir(), "sovereign-packs-"));
  const served = new Map<string, ServedPack>();
  const folders = new Map<string, string>();

  beforeAll(async () => {
    await buildPacks(join(work, "built"));
    await Promise.all(
      packNames().map(async (name) => {
        const alone = join(work, name);
        cpSync(join(work, "built", name), alone, { recursive: true });
        folders.set(name, alone);
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
          cwd: alone,
        });
        const runner = join(alone, "node_modules/@pulumi/pulumi/cmd/run-policy-pack");
        served.set(name, await servePack(alone, runner, packEnv));
      }),
    );
  }, 300_000);

  afterAll(async () => {
    for (const pack of served.values()) pack.stop();
    await rm(work, { recursive: true, force: true });
  }, 120_000);

  test("builds one folder per pack of policies/packs.ts", () => {
    expect(packNames()).toEqual([...PACK_NAMES].sort());
  });

  test.each(PACK_NAMES)(
    "%s ships its bundle in place of its sources, depending on the Pulumi SDKs alone",
    (name) => {
      const folder = folders.get(name) ?? "";
      const sources = readdirSync(join(__dirname, "..", "..", "policies", name));
      const expected = [
        ...sources.filter((f) => !["index.ts", "tsconfig.json"].includes(f)),
        "index.js",
        // The vendored Kubernetes schemas the workload-kubernetes-* policies read (every pack bundles the registry).
        "openapi",
        "crds",
      ];
      const installed = ["node_modules", "package-lock.json"];
      expect(
        readdirSync(folder)
          .filter((f) => !installed.includes(f))
          .sort(),
      ).toEqual(expected.sort());
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
        main: string;
        dependencies: Record<string, string>;
      };
      expect(manifest.main).toBe("index.js");
      expect(manifest.dependencies).toEqual(
        Object.fromEntries(RUNTIME_DEPENDENCIES.map((d) => [d, ROOT_MANIFEST.dependencies[d]])),
      );
    },
  );

  test.each(PACK_NAMES)("%s serves its policies at their prod levels", async (name) => {
    const info = await served.get(name)?.info();
    expect(info).toEqual({
      name,
      version: PACKS[name].version,
      policies: PACKS[name].policies.map((p) => [
        p.name,
        ENFORCEMENT_LEVEL[enforcementLevelOf(p, "prod")],
      ]),
    });
  });

  test("eu-sovereignty judges a resource from its published bundle", async () => {
    const pack = served.get("eu-sovereignty");
    const provider = { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } };
    expect(await pack?.analyze("ovh:CloudProject/kube:Kube", { region: "BHS5" }, provider)).toEqual(
      [{ policy: "region-resource-enforce-eu-location", level: ENFORCEMENT_LEVEL.mandatory }],
    );
    expect(await pack?.analyze("ovh:CloudProject/kube:Kube", { region: "GRA9" }, provider)).toEqual(
      [],
    );
  });

  test("workload-baseline judges a privileged container from its published bundle", async () => {
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "web",
                image: "rg.fr-par.scw.cloud/shop/web:1.2.3",
                securityContext: { privileged: true },
              },
            ],
          },
        },
      },
    };
    const policies = (
      await served.get("workload-baseline")?.analyze("kubernetes:apps/v1:Deployment", deployment)
    )?.map((d) => d.policy);
    expect(policies).toContain("workload-container-disallow-privileged");
    // The vendored schema travels with the bundle: the Deployment has no selector.
    expect(policies).toContain("workload-kubernetes-enforce-schema");
  });
});
