import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { NO_PACKS, runCli } from "../run-cli";

const PROGRAMS = path.resolve(__dirname, "../../fixtures/programs");
const TEMP = mkdtempSync(path.join(tmpdir(), "sovereign-failures-"));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));
/** Programs written at test time: the repository cannot hold some (the type-check and the formatter reject them). */
const BROKEN: Readonly<Record<string, string>> = {
  "helm-read-back":
    '// Reads back an object of a Helm v3 chart, which only the provider renders.\nimport * as k8s from "@pulumi/kubernetes";\n\nconst chart = new k8s.helm.v3.Chart("shop", { chart: "shop", fetchOpts: { repo: "https://charts.example.eu" } });\nexport const ip = chart\n  .getResourceProperty("v1/Service", "default", "shop", "status")\n  .apply((status) => status.loadBalancer.ingress[0].ip);\n',
  "missing-module":
    '// Imports a package that is installed nowhere.\nimport * as acme from "@acme/not-installed";\n\nexport const version = acme.version;\n',
  "syntax-error":
    '// Does not compile: a stray comma on line 5.\nimport * as pulumi from "@pulumi/pulumi";\n\nconst settings = {\n  region: "fr-par",,\n};\nexport const project = pulumi.getProject() + settings.region;\n',
};
for (const [name, source] of Object.entries(BROKEN)) {
  mkdirSync(path.join(TEMP, name));
  writeFileSync(path.join(TEMP, name, "Pulumi.yaml"), `name: fixture-${name}\nruntime: nodejs\n`);
  writeFileSync(path.join(TEMP, name, "Pulumi.dev.yaml"), "config: {}\n");
  writeFileSync(path.join(TEMP, name, "index.ts"), source);
}
const program = (name: string) =>
  name in BROKEN ? path.join(TEMP, name) : path.join(PROGRAMS, name);
const rel = (p: string) => path.relative(process.cwd(), p);
const TWO_PACKS = {
  packs: {
    "eu-sovereignty": {
      name: "eu-sovereignty",
      version: "1.0.0",
      description: "",
      policies: [
        {
          name: "eu-region-enforce",
          description: "Checks nothing.",
          validateResource: () => undefined,
        },
      ],
    },
    "data-protection": { name: "data-protection", version: "1.0.0", description: "", policies: [] },
  },
};

async function fails(argv: readonly string[], packSource = NO_PACKS) {
  const run = await runCli(["check", ...argv], { packSource });
  return { code: run.code, stdout: run.stdout, stderr: run.stderr };
}

describe("sovereign check: a program that is wrong exits 2 with what to fix", () => {
  test.each<[string, string, string]>([
    [
      "throws, naming the error and the file:line",
      "throws",
      "sovereign check: the program failed: Error: no target named 'mars' in the stack config (at targets.ts:5)\n",
    ],
    [
      "imports a missing module, naming it and the importing file",
      "missing-module",
      "sovereign check: cannot find module '@acme/not-installed' imported from index.ts: install it in the program directory (npm install @acme/not-installed) or fix the import\n",
    ],
    [
      "does not compile, with file:line:column and TypeScript's message (as ts-node gives it)",
      "syntax-error",
      "sovereign check: the program does not compile: index.ts:5:20: Property assignment expected.\n",
    ],
    [
      "fails reading back a Helm v3 chart's object, naming what is not rendered offline and --preview-json",
      "helm-read-back",
      "sovereign check: the program failed: TypeError: Cannot read properties of undefined (reading 'status'); the program may have read what this check does not render (Helm v3 charts are not rendered offline: the objects of kubernetes.helm.v3.Chart were not checked): check the output of `pulumi preview --json` with --preview-json\n",
    ],
  ])("a program that %s", async (_case, name, stderr) => {
    expect(await fails([program(name), "--stack", "dev"])).toEqual({ code: 2, stdout: "", stderr });
  });

  test("names every missing required config key once, with the pulumi config set fix", async () => {
    expect(await fails([program("missing-config"), "--stack", "dev"])).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        `sovereign check: missing required config for stack 'dev' (${rel(program("missing-config/Pulumi.dev.yaml"))}):`,
        "  - fixture-missing-config:owner: pulumi config set fixture-missing-config:owner <value> -s dev",
        "  - fixture-missing-config:projectId: pulumi config set fixture-missing-config:projectId <value> -s dev",
        "  - fixture-missing-config:apiToken (secret): pulumi config set --secret fixture-missing-config:apiToken <value> -s dev",
        "  - fixture-missing-config:nodes: pulumi config set fixture-missing-config:nodes <value> -s dev",
        "  - fixture-missing-config:tier: pulumi config set fixture-missing-config:tier <value> -s dev",
        "Or run with --assume-config to check the plan with placeholder values.",
        "",
      ].join("\n"),
    });
  });

  test("shows the stack trace only with --debug", async () => {
    const { code, stderr } = await fails([program("throws"), "--stack", "dev", "--debug"]);
    expect([code, stderr.split("\n").slice(0, 3)]).toEqual([
      2,
      [
        "sovereign check: the program failed: Error: no target named 'mars' in the stack config (at targets.ts:5)",
        "Error: no target named 'mars' in the stack config",
        `    at targetNamed (${program("throws/targets.ts")}:5:35)`,
      ],
    ]);
  });
});

describe("sovereign check: a command line or config that is wrong exits 2 with what to fix", () => {
  const dir = mkdtempSync(path.join(TEMP, "config-"));
  const twoStacks = mkdtempSync(path.join(TEMP, "two-stacks-"));
  for (const [name, text] of Object.entries({
    "Pulumi.yaml": "name: two-stacks\nruntime: nodejs\n",
    "Pulumi.dev.yaml": "config: {}\n",
    "Pulumi.prod.yaml": "config: {}\n",
  }))
    writeFileSync(path.join(twoStacks, name), text);
  writeFileSync(
    path.join(dir, "pack-config.json"),
    JSON.stringify({ "no-such-policy": "mandatory" }),
  );

  test.each<[string, string[], string]>([
    [
      "an unknown flag",
      ["--stak", "dev"],
      "sovereign check: unknown option '--stak'\nRun 'sovereign check --help' for the options.\n",
    ],
    [
      "a flag without its value",
      [program("reads-file"), "--stack"],
      "sovereign check: Option '-s, --stack <value>' argument missing\nRun 'sovereign check --help' for the options.\n",
    ],
    [
      "a missing --stack when the project has several stacks",
      [twoStacks],
      "sovereign check: --stack <name> is required: the project has several stacks (dev, prod)\n",
    ],
    [
      "two program directories",
      ["a", "b", "--stack", "dev"],
      "sovereign check: expected at most one program directory, got: a b\n",
    ],
    [
      "an unknown format",
      [program("reads-file"), "--stack", "dev", "--format", "yaml"],
      "sovereign check: unknown format 'yaml': use one of text, json, markdown, sarif, junit, preview-json, html\n",
    ],
    [
      "a --config without '='",
      [program("reads-file"), "--stack", "dev", "--config", "replicas"],
      "sovereign check: --config replicas: expected key=value (e.g. --config sovereign:replicas=2)\n",
    ],
    [
      "a stack name one typo away from a stack file",
      [program("reads-file"), "--stack", "deb"],
      `sovereign check: unknown stack 'deb': ${program("reads-file/Pulumi.deb.yaml")} does not exist; did you mean 'dev'? To check 'deb' with the project's config only, create the file empty (pulumi stack init deb).\n`,
    ],
    [
      "a directory without Pulumi.yaml",
      [dir, "--stack", "dev"],
      `sovereign check: no Pulumi.yaml in ${dir}: pass the directory of a Pulumi program (sovereign check <program-dir> --stack <name>)\n`,
    ],
    [
      "an unknown pack, listing the known ones",
      [
        program("reads-file"),
        "--stack",
        "dev",
        "--pack",
        "eu-sovereignty",
        "--pack",
        "eu-sovereignity",
      ],
      "sovereign check: unknown pack 'eu-sovereignity': known packs are eu-sovereignty, data-protection\n",
    ],
    [
      "an unknown policy in the pack config",
      [
        program("reads-file"),
        "--stack",
        "dev",
        "--pack-config",
        path.join(dir, "pack-config.json"),
      ],
      `sovereign check: --pack-config ${path.join(dir, "pack-config.json")}: unknown policy 'no-such-policy'; known: all, eu-region-enforce\n`,
    ],
  ])("%s", async (_case, argv, stderr) => {
    expect(await fails(argv, TWO_PACKS)).toEqual({ code: 2, stdout: "", stderr });
  });
});
