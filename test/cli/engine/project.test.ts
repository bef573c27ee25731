import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import {
  chooseStack,
  knownStacks,
  loadProject,
  loadStackFile,
  stackShortName,
} from "../../../cli/engine/project";

const PROGRAMS = path.resolve(__dirname, "../../fixtures/programs");

const ROOT = mkdtempSync(path.join(tmpdir(), "sovereign-project-"));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(ROOT, "p-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("loadProject", () => {
  test("reads name, main, stackConfigDir and project config", () => {
    const dir = path.join(PROGRAMS, "kubeconfig-stackit");
    expect(loadProject(dir)).toEqual({
      dir,
      file: path.join(dir, "Pulumi.yaml"),
      name: "fixture-k8s",
      main: "src/",
      stackConfigDir: path.join(dir, "stacks"),
      config: {},
      templateConfig: {},
    });
  });

  test("defaults the stack config directory to the project's", () => {
    const project = loadProject(path.join(PROGRAMS, "scaleway-compliant"));
    expect([project.main, project.stackConfigDir, Object.keys(project.config)]).toEqual([
      undefined,
      path.join(PROGRAMS, "scaleway-compliant"),
      ["nodeCount", "pulumi:tags"],
    ]);
  });

  test("fails when the directory has no Pulumi.yaml", () => {
    const dir = tempProject({ "index.ts": "" });
    expect(() => loadProject(dir)).toThrow(
      `no Pulumi.yaml in ${dir}: pass the directory of a Pulumi program (sovereign check <program-dir> --stack <name>)`,
    );
  });

  test("fails when the runtime is not Node.js", () => {
    const dir = tempProject({ "Pulumi.yaml": "name: p\nruntime: python\n" });
    expect(() => loadProject(dir)).toThrow(
      `${dir}/Pulumi.yaml: runtime is "python"; the offline engine runs only Node.js programs (runtime: nodejs)`,
    );
  });

  test("fails when the project has no name", () => {
    const dir = tempProject({ "Pulumi.yaml": "runtime: nodejs\n" });
    expect(() => loadProject(dir)).toThrow(
      `${dir}/Pulumi.yaml: 'name' is required (the project name, e.g. name: my-project)`,
    );
  });

  test("fails on invalid YAML, naming the file", () => {
    const dir = tempProject({ "Pulumi.yaml": "name: [unclosed\n" });
    expect(() => loadProject(dir)).toThrow(new RegExp(`^${dir}/Pulumi.yaml: not valid YAML: `));
  });
});

describe("loadStackFile", () => {
  const project = loadProject(path.join(PROGRAMS, "kubeconfig-stackit"));

  test("reads the stack file from stackConfigDir, for a fully qualified stack name too", () => {
    const file = loadStackFile(project, "acme/fixture-k8s/prod");
    expect([file.file, Object.keys(file.config)]).toEqual([
      path.join(PROGRAMS, "kubeconfig-stackit/stacks/Pulumi.prod.yaml"),
      ["kubernetes:kubeconfig", "fixture-k8s:graKubeconfig", "fixture-k8s:otherKubeconfig"],
    ]);
  });

  test("reads a stack without a file as a stack with no stack config, as the Pulumi CLI does", () => {
    expect(loadStackFile(project, "staging")).toEqual({
      file: undefined,
      config: {},
      environments: [],
    });
  });

  test("fails on a stack name one typo away from a stack file, with the name it likely meant", () => {
    expect(() => loadStackFile(project, "acme/fixture-k8s/prd")).toThrow(
      `unknown stack 'acme/fixture-k8s/prd': ${path.join(PROGRAMS, "kubeconfig-stackit/stacks/Pulumi.prd.yaml")} does not exist; did you mean 'prod'? To check 'prd' with the project's config only, create the file empty (pulumi stack init prd).`,
    );
  });

  test("reads --config-file instead of the stack's file", () => {
    const dir = tempProject({ "other.yaml": "config:\n  a: b\n" });
    expect(loadStackFile(project, "staging", path.join(dir, "other.yaml")).config).toEqual({
      a: "b",
    });
  });

  test("fails when --config-file does not exist", () => {
    expect(() => loadStackFile(project, "prod", "/nonexistent.yaml")).toThrow(
      "--config-file /nonexistent.yaml: no such file",
    );
  });

  test("lists the ESC environments a stack imports", () => {
    const dir = tempProject({
      "Pulumi.yaml": "name: p\nruntime: nodejs\n",
      "Pulumi.dev.yaml": "environment:\n  - acme/eu-creds\nconfig: {}\n",
    });
    expect(loadStackFile(loadProject(dir), "dev").environments).toEqual(["acme/eu-creds"]);
  });
});

describe("chooseStack", () => {
  const project = (files: Record<string, string>) =>
    loadProject(tempProject({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", ...files }));

  test.each<[string, Record<string, string>, string | undefined, string]>([
    ["--stack when given", { "Pulumi.prod.yaml": "" }, "staging", "staging"],
    ["the only stack file", { "Pulumi.prod.yaml": "" }, undefined, "prod"],
    ["dev when the project has no stack file", {}, undefined, "dev"],
  ])("chooses %s", (_case, files, requested, stack) => {
    expect(chooseStack(project(files), requested)).toBe(stack);
  });

  test("fails without --stack when the project has several stack files", () => {
    expect(() =>
      chooseStack(project({ "Pulumi.prod.yaml": "", "Pulumi.dev.yaml": "" }), undefined),
    ).toThrow("--stack <name> is required: the project has several stacks (dev, prod)");
  });
});

describe("knownStacks", () => {
  test("lists the stacks with a file, sorted", () => {
    const dir = tempProject({
      "Pulumi.yaml": "name: p\nruntime: nodejs\n",
      "Pulumi.prod.yaml": "",
      "Pulumi.dev.yml": "",
    });
    expect(knownStacks(loadProject(dir))).toEqual(["dev", "prod"]);
  });
});

describe("stackShortName", () => {
  test.each([
    ["dev", "dev"],
    ["acme/shop/dev", "dev"],
  ])("names %s's file after %s", (stack, short) => {
    expect(stackShortName(stack)).toBe(short);
  });
});
