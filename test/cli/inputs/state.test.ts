import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import { readState } from "../../../cli/inputs/state";

const fixture = (name: string) =>
  readFileSync(join(__dirname, "../../fixtures/state", name), "utf8");
const yaml = fixture("yaml-stackit.json");
const dotnet = fixture("dotnet-scaleway-show-secrets.json");
const checkpoint = fixture("go-checkpoint.json");
const FIX = "Fix: write the file with `pulumi stack export --stack <name> --file state.json`.";
const SKE = "urn:pulumi:prod::ske-yaml::";
/** Every ciphertext the YAML export holds. */
const ciphertextsOf = (text: string) =>
  [...text.matchAll(/"ciphertext": "([^"]+)"/g)].map((m) => m[1] ?? "");

describe("readState", () => {
  test("reads a YAML program's export into its stack, project and live resources", () => {
    const read = readState(yaml);
    expect([read.project, read.stack]).toEqual(["ske-yaml", "prod"]);
    expect(read.resources.map((r) => [r.type, r.name])).toEqual([
      ["pulumi:pulumi:Stack", "ske-yaml-prod"],
      ["pulumi:providers:kubernetes", "ske"],
      ["kubernetes:core/v1:Namespace", "shop"],
      ["kubernetes:core/v1:Secret", "db"],
      ["kubernetes:core/v1:ConfigMap", "web-config"],
      ["kubernetes:apps/v1:Deployment", "web"],
    ]);
  });

  test("drops the leftover a replacement marked for deletion", () => {
    const configMaps = readState(yaml).resources.filter(
      (r) => r.type === "kubernetes:core/v1:ConfigMap",
    );
    expect(configMaps.map((r) => r.inputs.data)).toEqual([{ LOG_LEVEL: "info" }]);
  });

  test("turns every ciphertext into the placeholder, marks it secret, and keeps no ciphertext at all", () => {
    const read = readState(yaml);
    const byName = new Map(read.resources.map((r) => [r.name, r]));
    expect(byName.get("ske")).toMatchObject({
      inputs: { kubeconfig: SECRET_PLACEHOLDER, version: "4.34.2" },
      secretPaths: ["kubeconfig"],
    });
    expect(byName.get("db")).toMatchObject({
      secretPaths: ["stringData"],
      outputs: { data: SECRET_PLACEHOLDER, stringData: SECRET_PLACEHOLDER },
    });
    const ciphertexts = ciphertextsOf(yaml);
    expect(ciphertexts).toHaveLength(5);
    const everything = JSON.stringify(read);
    expect(ciphertexts.filter((c) => everything.includes(c))).toEqual([]);
  });

  test("keeps providers, parents and dependencies as the engine stored them", () => {
    const web = readState(yaml).resources.find((r) => r.name === "web");
    expect(web).toMatchObject({
      custom: true,
      id: "shop/web",
      parent: `${SKE}pulumi:pulumi:Stack::ske-yaml-prod`,
      provider: `${SKE}pulumi:providers:kubernetes::ske::3e9b6a1f-0c4d-4e2b-9a7f-5d6c8b1e2a30`,
      dependencies: [
        `${SKE}kubernetes:core/v1:Namespace::shop`,
        `${SKE}kubernetes:core/v1:Secret::db`,
        `${SKE}kubernetes:core/v1:ConfigMap::web-config`,
      ],
    });
    expect(web?.inputs).toMatchObject({
      spec: {
        template: { spec: { containers: [{ image: "registry.onstackit.cloud/shop/web:1.4.2" }] } },
      },
    });
  });

  test("gives policies the plaintext of a --show-secrets export, still marked secret", () => {
    const read = readState(dotnet);
    expect([read.project, read.stack]).toEqual(["shop-dotnet", "staging"]);
    const byName = new Map(read.resources.map((r) => [r.name, r]));
    expect(byName.get("default_1_54_0")).toMatchObject({
      type: "pulumi:providers:scaleway",
      parent: undefined,
      inputs: {
        region: "nl-ams",
        zone: "nl-ams-1",
        version: "1.54.0",
        secretKey: "5f1e8c2a-9b7d-4e6f-a3c1-0d2b4f6e8a9c",
      },
      secretPaths: ["secretKey"],
    });
    expect(byName.get("db")).toMatchObject({
      inputs: { password: "Tr0ub4dor&3-staging-db" },
      secretPaths: ["password"],
      protect: true,
      retainOnDelete: true,
    });
    expect(byName.get("assets")).toMatchObject({ protect: true, retainOnDelete: false });
  });

  test("lists every plaintext of a --show-secrets export so renderers can hide it, and none for ciphertexts", () => {
    expect(readState(dotnet).secretValues).toEqual([
      '"Tr0ub4dor&3-staging-db"',
      "Tr0ub4dor&3-staging-db",
      '"5f1e8c2a-9b7d-4e6f-a3c1-0d2b4f6e8a9c"',
      "5f1e8c2a-9b7d-4e6f-a3c1-0d2b4f6e8a9c",
    ]);
    expect(readState(yaml).secretValues).toEqual([]);
  });

  test("reads a file backend's checkpoint, with custom timeouts as the program writes them", () => {
    const read = readState(checkpoint);
    expect([read.project, read.stack]).toEqual(["fleet-go", "dev"]);
    expect(read.resources.map((r) => r.name)).toEqual([
      "fleet-go-dev",
      "default_2_19_1",
      "de-kube",
    ]);
    const byName = new Map(read.resources.map((r) => [r.name, r]));
    expect(byName.get("de-kube")?.customTimeouts).toEqual({
      create: "1800s",
      update: "",
      delete: "600s",
    });
    expect(byName.get("default_2_19_1")).toMatchObject({
      inputs: {
        applicationSecret: SECRET_PLACEHOLDER,
        consumerKey: SECRET_PLACEHOLDER,
        endpoint: "ovh-eu",
      },
      secretPaths: ["applicationSecret", "consumerKey"],
    });
    expect(read.sources).toEqual({});
  });

  test.each([
    [
      "is not JSON",
      "Enter your passphrase to unlock config/secrets",
      /^the state file is not JSON \(.+\)\. Fix: write the file with `pulumi stack export --stack <name> --file state\.json`\.$/,
    ],
    ["holds an array", "[]", `the state file must hold a JSON object, got an array. ${FIX}`],
    [
      "has another version",
      '{"version": 1, "deployment": {"resources": []}}',
      "the state file has version 1; only version 3 is read. Fix: export it with a Pulumi CLI of 2019 or later (pulumi stack export).",
    ],
    [
      "has no deployment",
      '{"version": 3, "stack": "dev"}',
      `the state file has neither "deployment" (stack export) nor "checkpoint.latest". ${FIX}`,
    ],
    [
      "has pending operations",
      '{"version": 3, "deployment": {"resources": [], "pending_operations": [{"type": "creating"}]}}',
      "the state has pending operations (an update was interrupted), so it may not describe what is deployed. Fix: run `pulumi refresh` (or `pulumi cancel`) on the stack, then export it again.",
    ],
    [
      "holds a resource without a type",
      '{"version": 3, "deployment": {"resources": [{"urn": "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", "custom": false}]}}',
      /^deployment\.resources\[0\]\.type: Invalid input: expected string, received undefined\. Fix: pass the file exactly as the Pulumi CLI printed it\.$/,
    ],
    [
      "holds no resources",
      '{"version": 3, "deployment": {"manifest": {}}}',
      "the state file holds no resources, so there is nothing to check and no stack to name. Fix: select the stack (--stack <name>) and make sure the program registers resources.",
    ],
  ])("fails when the file %s", (_what, text, message) => {
    expect(() => readState(text)).toThrow(message);
  });
});
