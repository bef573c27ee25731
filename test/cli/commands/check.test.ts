import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import {
  ASSUMED_PLACEHOLDER,
  INVOKE_PLACEHOLDER,
  SECRET_PLACEHOLDER,
} from "../../../domain/offline-placeholders";
import { loadPackSource } from "../../../cli/engine/packs";
import type { CheckReport, PlannedResource } from "../../../cli/engine/report";
import { NO_PACKS, runCli, spyPack } from "../run-cli";

const PROGRAMS = path.resolve(__dirname, "../../fixtures/programs");
const program = (name: string) => path.join(PROGRAMS, name);
const temp = mkdtempSync(path.join(tmpdir(), "sovereign-check-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function checkJson(argv: readonly string[], packSource = NO_PACKS) {
  const run = await runCli(["check", ...argv, "--format", "json"], { packSource });
  return { ...run, report: JSON.parse(run.stdout) as CheckReport };
}

const placed = (resources: readonly PlannedResource[]) =>
  resources
    .map(({ urn, vendor, region, country, parent }) => ({ urn, vendor, region, country, parent }))
    .sort((a, b) => (a.urn < b.urn ? -1 : 1));

describe("sovereign check: the plan", () => {
  test("records every resource of a Scaleway program with its parent, its default provider and its placement", async () => {
    const { code, report, stderr } = await checkJson([
      program("scaleway-compliant"),
      "--stack",
      "dev",
    ]);
    const u = (rest: string) => `urn:pulumi:dev::fixture-scaleway::${rest}`;
    const stack = u("pulumi:pulumi:Stack::fixture-scaleway-dev");
    expect([code, stderr]).toEqual([0, ""]);
    expect([report.project, report.stack, report.summary]).toEqual([
      "fixture-scaleway",
      "dev",
      { resources: 9, mandatory: 0, advisory: 0 },
    ]);
    expect(placed(report.resources)).toEqual([
      {
        urn: u("fixture:index:Storage$scaleway:object/bucket:Bucket::backups-bucket"),
        vendor: "scaleway",
        region: "nl-ams",
        country: "NL",
        parent: u("fixture:index:Storage::backups"),
      },
      {
        urn: u("fixture:index:Storage::backups"),
        vendor: "component",
        region: null,
        country: null,
        parent: stack,
      },
      {
        urn: u("pulumi:providers:scaleway::amsterdam"),
        vendor: "scaleway",
        region: "nl-ams",
        country: "NL",
        parent: stack,
      },
      {
        urn: u("pulumi:providers:scaleway::default_1_54_0_github_/api.github.com/pulumiverse"),
        vendor: "scaleway",
        region: "fr-par",
        country: "FR",
        parent: null,
      },
      { urn: stack, vendor: "neutral", region: null, country: null, parent: null },
      {
        urn: u("scaleway:kubernetes/cluster:Cluster$scaleway:kubernetes/pool:Pool::pool"),
        vendor: "scaleway",
        region: "fr-par",
        country: "FR",
        parent: u("scaleway:kubernetes/cluster:Cluster::cluster"),
      },
      {
        urn: u("scaleway:kubernetes/cluster:Cluster::cluster"),
        vendor: "scaleway",
        region: "fr-par",
        country: "FR",
        parent: stack,
      },
      {
        urn: u("scaleway:network/privateNetwork:PrivateNetwork::network"),
        vendor: "scaleway",
        region: "fr-par",
        country: "FR",
        parent: stack,
      },
      {
        urn: u("scaleway:network/vpc:Vpc::vpc"),
        vendor: "scaleway",
        region: "fr-par",
        country: "FR",
        parent: stack,
      },
    ]);
    expect(report.resources.find((r) => r.name === "backups-bucket")?.protect).toBe(true);
    expect(report.resources[0]?.type).toBe("pulumi:pulumi:Stack");
  });

  test("places an OVHcloud cluster and bucket in Beauharnois, Canada, and a pool without region by its endpoint", async () => {
    const { report } = await checkJson([program("ovh-bhs"), "--stack", "dev"]);
    expect(report.resources.map((r) => [r.name, r.vendor, r.region, r.country]).sort()).toEqual([
      ["bucket", "ovhcloud", "BHS", "CA"],
      ["default_2_19_1_github_/api.github.com/ovh/pulumi-ovh", "ovhcloud", null, "FR"],
      ["fixture-ovh-dev", "neutral", null, null],
      ["kube", "ovhcloud", "BHS", "CA"],
      ["pool", "ovhcloud", null, "FR"],
    ]);
  });

  test("places Kubernetes objects by their provider's kubeconfig server, else by labels (a secret kubeconfig's provider and unlabelled objects where its labelled ones agree, as declared), with main and stackConfigDir honoured", async () => {
    const { code, report } = await checkJson([program("kubeconfig-stackit"), "--stack", "prod"]);
    expect(code).toBe(0);
    expect(
      report.resources
        .map((r) => [r.type, r.name, r.vendor, r.region, r.country, r.declared ?? false])
        .sort(),
    ).toEqual([
      ["kubernetes:apps/v1:Deployment", "web", "ovhcloud", "GRA", "FR", false],
      ["kubernetes:core/v1:ConfigMap", "labelled", "ionos", "de/fra", "DE", true],
      ["kubernetes:core/v1:ConfigMap", "unlabelled", "ionos", "de/fra", "DE", true],
      ["kubernetes:core/v1:Namespace", "shop", "stackit", "eu01", "DE", false],
      ["pulumi:providers:kubernetes", "default_4_34_2", "stackit", "eu01", "DE", false],
      ["pulumi:providers:kubernetes", "elsewhere", "ionos", "de/fra", "DE", true],
      ["pulumi:providers:kubernetes", "gra", "ovhcloud", "GRA", "FR", false],
      ["pulumi:pulumi:Stack", "fixture-k8s-prod", "neutral", null, null, false],
    ]);
  });

  test("runs a program that reads a file beside it and exports an async function", async () => {
    const { code, report } = await checkJson([program("reads-file"), "--stack", "dev"]);
    expect(code).toBe(0);
    expect(report.resources.map((r) => `${r.name} ${r.region ?? "-"}`)).toContain(
      "vpc-pl-waw pl-waw",
    );
    expect(
      report.resources
        .filter((r) => r.type === "scaleway:network/vpc:Vpc")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["vpc-fr-par", "vpc-pl-waw"]);
  });

  test("runs a lone program without node_modules on the toolkit's SDKs", async () => {
    const lone = path.join(temp, "lone");
    cpSync(program("reads-file"), lone, { recursive: true });
    const { code, report } = await checkJson([lone, "--stack", "dev"]);
    expect(code).toBe(0);
    expect(report.resources.map((r) => r.name).sort()).toEqual([
      "default_1_54_0_github_/api.github.com/pulumiverse",
      "fixture-reads-file-dev",
      "vpc-fr-par",
      "vpc-pl-waw",
    ]);
  });
});

describe("sovereign check: a stack without a config file", () => {
  test.each<[string, string[], string]>([
    ["no --stack", [], "dev"],
    ["--stack", ["--stack", "prod"], "prod"],
  ])(
    "checks a lone program with %s on the project's config only and says so",
    async (_case, stackArgs, stack) => {
      const { code, report, stderr } = await checkJson([program("no-stack-file"), ...stackArgs]);
      expect([code, stderr, report.stack, report.notes?.[0]]).toEqual([
        0,
        "",
        stack,
        `stack '${stack}' has no config file (Pulumi.${stack}.yaml): checked with the project's config only, as the Pulumi CLI runs a stack without one`,
      ]);
      expect(report.resources.map((r) => `${r.type} ${r.name} ${r.region ?? "-"}`)).toContain(
        "scaleway:network/vpc:Vpc shop-vpc nl-ams",
      );
    },
  );
});

describe("sovereign check: --assume-config on a template program", () => {
  test("applies the template's defaults and reads a required object as an empty list, listing both keys", async () => {
    const { code, report, stderr } = await checkJson([
      program("template-config"),
      "--assume-config",
    ]);
    expect([code, stderr, report.assumedConfig]).toEqual([
      0,
      "",
      ["fixture-template-config:subnets", "scaleway:region"],
    ]);
    expect(report.resources.find((r) => r.name === "vpc")?.region).toBe("nl-ams");
  });

  test("names the assumed key when the program needs its real value", async () => {
    const run = await runCli(
      ["check", program("reads-config-path"), "--assume-config", "--format", "json"],
      { packSource: NO_PACKS },
    );
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      "",
      `sovereign check: the program failed: Error: ENOENT: no such file or directory, open '${ASSUMED_PLACEHOLDER}' (at index.ts:5); the program used a placeholder of --assume-config as a real value (fixture-reads-config-path:publicKeyPath): set the value the program needs with --config <key>=<value>\n`,
    ]);
  });
});

describe("sovereign check: reads, invokes and multi-language components", () => {
  test("judges the default provider the engine would register for each, and notes what stays unseen", async () => {
    const { code, report } = await checkJson(
      [program("reads-invokes-remote"), "--pack", "eu-sovereignty"],
      loadPackSource(),
    );
    const u = (rest: string) => `urn:pulumi:dev::fixture-reads-invokes-remote::${rest}`;
    expect(code).toBe(1);
    // seal-enforce-minimum grades the same default providers: Google Cloud's levels, AWS's unset region.
    expect([
      ...new Set(
        report.violations.filter((v) => v.policy === "seal-enforce-minimum").map((v) => v.urn),
      ),
    ]).toEqual([u("pulumi:providers:aws::default"), u("pulumi:providers:gcp::default")]);
    expect(
      report.violations
        // Both have tests of their own; this one is about the default providers' places.
        .filter((v) => !["seal-enforce-minimum", "toolchain-enforce-eu-control"].includes(v.policy))
        .map((v) => [v.policy, v.enforcementLevel, v.urn, v.message.split(",")[0]])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      [
        "vendor-resource-disallow-non-eu-vendor",
        "mandatory",
        u("pulumi:providers:acme-cloud::default"),
        "package 'acme-cloud' is not in the vendor catalog (config/catalog/vendors.ts)",
      ],
      [
        "vendor-resource-disallow-non-eu-vendor",
        "mandatory",
        u("pulumi:providers:aws::default"),
        "package 'aws' belongs to Amazon Web Services (seat US",
      ],
      [
        "vendor-resource-disallow-non-eu-vendor",
        "mandatory",
        u("pulumi:providers:gcp::default"),
        "package 'gcp' belongs to Google Cloud (seat US",
      ],
    ]);
    expect(report.notes).toContain(
      "multi-language components (acme-cloud:index:Database) are built by their provider plugins: what they create was not checked; each is judged by its package and default provider",
    );
  });
});

describe("sovereign check: what policies see", () => {
  test("gives policies the inputs, options, and the default provider built from stack config", async () => {
    const { source, seen } = spyPack();
    await checkJson([program("scaleway-compliant"), "--stack", "dev"], source);
    const vpc = seen.get("vpc");
    expect(vpc?.props.tags).toEqual(["team=platform", "env=dev"]);
    expect(vpc?.opts.parent).toBe(
      "urn:pulumi:dev::fixture-scaleway::pulumi:pulumi:Stack::fixture-scaleway-dev",
    );
    expect(vpc?.provider && { ...vpc.provider, props: { ...vpc.provider.props } }).toEqual({
      type: "pulumi:providers:scaleway",
      name: "default_1_54_0_github_/api.github.com/pulumiverse",
      urn: "urn:pulumi:dev::fixture-scaleway::pulumi:providers:scaleway::default_1_54_0_github_/api.github.com/pulumiverse",
      props: {
        region: "fr-par",
        zone: "fr-par-1",
        version: "1.54.0",
        pluginDownloadURL: "github://api.github.com/pulumiverse",
      },
    });
    expect(seen.get("backups-bucket")?.provider?.props.region).toBe("nl-ams");
    expect(seen.get("backups-bucket")?.opts.protect).toBe(true);
  });

  test("reports a policy reading a value unknown during preview as advisory", async () => {
    const { report } = await checkJson([program("scaleway-compliant"), "--stack", "dev"], {
      packs: {
        probe: {
          name: "probe",
          version: "1.0.0",
          description: "Reads a computed id.",
          policies: [
            {
              name: "probe-network-read-vpc",
              description: "Reads vpcId.",
              enforcementLevel: "mandatory",
              validateResource: (args) => {
                if (args.name === "network") void String(args.props.vpcId);
              },
            },
          ],
        },
      },
    });
    expect(report.violations.map((v) => [v.enforcementLevel, v.message])).toEqual([
      [
        "advisory",
        "can't run policy 'probe-network-read-vpc' from policy pack 'probe@v1.0.0' during preview: string value at .vpcId can't be known during preview",
      ],
    ]);
  });

  test("exits 1 on a mandatory violation and 0 when the same policy is only advisory", async () => {
    const pack = (level: "mandatory" | "advisory") => ({
      packs: {
        strict: {
          name: "strict",
          version: "1.0.0",
          description: "Flags clusters.",
          policies: [
            {
              name: "strict-cluster-disallow",
              description: "No clusters.",
              enforcementLevel: level,
              validateResource: (args: { type: string }, report: (m: string) => void) =>
                args.type === "scaleway:kubernetes/cluster:Cluster"
                  ? report("a cluster")
                  : undefined,
            },
          ],
        },
      },
    });
    const failing = await checkJson(
      [program("scaleway-compliant"), "--stack", "dev"],
      pack("mandatory"),
    );
    const passing = await checkJson(
      [program("scaleway-compliant"), "--stack", "dev"],
      pack("advisory"),
    );
    expect([
      failing.code,
      failing.report.summary.mandatory,
      passing.code,
      passing.report.summary.advisory,
    ]).toEqual([1, 1, 0, 1]);
  });

  test("applies --config over the stack file, a key without namespace getting the project's", async () => {
    const { source, seen } = spyPack();
    await checkJson(
      [
        program("scaleway-compliant"),
        "--stack",
        "dev",
        "--config",
        "nodeCount=5",
        "-c",
        "scaleway:zone=fr-par-3",
      ],
      source,
    );
    expect([seen.get("pool")?.props.size, seen.get("vpc")?.provider?.props.zone]).toEqual([
      5,
      "fr-par-3",
    ]);
  });

  test("reads --config-file instead of Pulumi.<stack>.yaml", async () => {
    const file = path.join(temp, "other.yaml");
    cpSync(path.join(program("scaleway-compliant"), "Pulumi.dev.yaml"), file);
    const { source, seen } = spyPack();
    const { code } = await checkJson(
      [program("scaleway-compliant"), "--stack", "qa", "--config-file", file],
      source,
    );
    expect([code, seen.get("vpc")?.provider?.props.region]).toEqual([0, "fr-par"]);
  });
});

describe("sovereign check: config and secrets", () => {
  test("fills required config with placeholders under --assume-config and lists the keys", async () => {
    const { source, seen } = spyPack();
    const { code, report } = await checkJson(
      [program("missing-config"), "--stack", "dev", "--assume-config"],
      source,
    );
    expect(code).toBe(0);
    expect(report.assumedConfig).toEqual([
      "fixture-missing-config:owner",
      "fixture-missing-config:projectId",
      "fixture-missing-config:apiToken",
      "fixture-missing-config:nodes",
      "fixture-missing-config:tier",
    ]);
    expect([seen.get("vpc")?.props.projectId, seen.get("vpc")?.props.tags]).toEqual([
      ASSUMED_PLACEHOLDER,
      ["tier=small", "nodes=0"],
    ]);
  });

  test.each(["json", "text"])(
    "never prints a secure value's ciphertext or placeholder (--format %s)",
    async (format) => {
      const echo = {
        packs: {
          echo: {
            name: "echo",
            version: "1.0.0",
            description: "Quotes the password.",
            policies: [
              {
                name: "echo-database-quote-password",
                description: "Quotes the password.",
                enforcementLevel: "advisory" as const,
                validateResource: (
                  args: { name: string; props: Record<string, unknown> },
                  report: (m: string) => void,
                ) =>
                  args.name === "db"
                    ? report(`password is ${String(args.props.password)}`)
                    : undefined,
              },
            ],
          },
        },
      };
      const run = await runCli(
        ["check", program("secure-config"), "--stack", "dev", "--format", format],
        { packSource: echo },
      );
      const printed = run.stdout + run.stderr;
      expect(run.code).toBe(0);
      for (const leak of [SECRET_PLACEHOLDER, "v1:QUFB", "v1:QkJC", "v1:Q0ND"])
        expect(printed).not.toContain(leak);
      expect(run.stdout).toContain("password is [secret]");
      expect(run.stdout).toContain("vpc-[secret]");
      expect(run.stderr).toBe("connecting to https://example.invalid with [secret]\n");
    },
  );

  test("lists invokes no canned answer covered and answers the canned ones", async () => {
    const { source, seen } = spyPack();
    const { code, report } = await checkJson(
      [program("unanswered-invoke"), "--stack", "dev"],
      source,
    );
    expect([code, report.unansweredInvokes, seen.get("cluster")?.props.version]).toEqual([
      0,
      ["scaleway:instance/getImage:getImage"],
      "1.36.0",
    ]);
    // The unanswered image look-up reads as placeholders of its result's shape, as policies see.
    expect(seen.get("server")?.props.image).toBe(INVOKE_PLACEHOLDER);
  });

  test("keeps values computed by other resources unknown, as a preview does", async () => {
    const { source, seen } = spyPack();
    await checkJson([program("scaleway-compliant"), "--stack", "dev"], source);
    expect(() => seen.get("cluster")?.props.privateNetworkId).toThrow(
      "string value at .privateNetworkId can't be known during preview",
    );
  });
});

describe("sovereign check: output", () => {
  test("writes the rendered output to --out and one result line to stdout", async () => {
    const out = path.join(temp, "report.json");
    const run = await runCli(
      ["check", program("reads-file"), "--stack", "dev", "--format", "json", "--out", out],
      { packSource: NO_PACKS },
    );
    expect([run.code, run.stdout]).toEqual([
      0,
      "sovereign check: PASS — no mandatory violation, 0 advisory\n",
    ]);
    expect((JSON.parse(readFileSync(out, "utf8")) as CheckReport).summary).toEqual({
      resources: 4,
      mandatory: 0,
      advisory: 0,
    });
  });

  test("prints the verdict, the places, the violations, then every resource of a short plan, as text", async () => {
    const run = await runCli(["check", program("reads-file"), "--stack", "dev"], {
      packSource: NO_PACKS,
    });
    expect(run.stdout).toBe(
      [
        "sovereign check · project fixture-reads-file · stack dev",
        "Result: PASS — no mandatory violation, 0 advisory",
        "4 resources · packs: none",
        "",
        "  Where                   resources  replicas",
        "  scaleway                        1",
        "  scaleway · fr-par (FR)          1",
        "  scaleway · pl-waw (PL)          1",
        "  neutral                         1",
        "",
        "Violations (0 mandatory, 0 advisory)",
        "  none",
        "",
        "Notes",
        "  - no policy packs ran: the plan was recorded but not checked",
        "",
        "Sovereignty",
        "  EU Cloud Sovereignty Framework v1.2.1: levels are this toolkit's assessment from public facts (docs/sovereignty.md)",
        "  stack: overall SEAL-2 · score 75.0%",
        "    SOV-1 Strategic sovereignty                 SEAL-4  100.0%",
        "    SOV-2 Legal and jurisdictional sovereignty  SEAL-4  100.0%",
        "    SOV-3 Data and AI sovereignty               SEAL-3  75.0%",
        "    SOV-4 Operational sovereignty               SEAL-3  75.0%",
        "    SOV-5 Supply chain sovereignty              SEAL-2  50.0%",
        "    SOV-6 Technology sovereignty                SEAL-3  75.0%",
        "    SOV-7 Security and compliance sovereignty   SEAL-3  75.0%",
        "    SOV-8 Environmental sustainability          SEAL-2  50.0%",
        "  offerings (weakest first):",
        "    scaleway — Scaleway (Scaleway SAS, FR): SEAL-2 · 75.0% · 3 resources",
        "",
        "Toolchain (where state and the secrets' key live)",
        "  state-backend     Pulumi Cloud · pulumi (US) · https://api.pulumi.com · from default (no backend.url in Pulumi.yaml, no PULUMI_BACKEND_URL)",
        "  secrets-provider  Pulumi Cloud secrets · pulumi (US) · https://api.pulumi.com · from default of a Pulumi Cloud stack",
        "",
        "Plan (by vendor and region)",
        "  scaleway — 1 resource",
        "    pulumi:providers:scaleway  default_1_54_0_github_/api.github.com/pulumiverse",
        "  scaleway · fr-par (FR) — 1 resource",
        "    scaleway:network/vpc:Vpc   vpc-fr-par",
        "  scaleway · pl-waw (PL) — 1 resource",
        "    scaleway:network/vpc:Vpc   vpc-pl-waw",
        "  neutral — 1 resource",
        "    pulumi:pulumi:Stack        fixture-reads-file-dev",
        "",
        "Result: PASS — no mandatory violation, 0 advisory",
        "",
      ].join("\n"),
    );
  });
});
