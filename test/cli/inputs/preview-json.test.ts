import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import { UNKNOWN } from "../../../cli/engine/recorder";
import { readPreviewJson } from "../../../cli/inputs/preview-json";

const fixture = (name: string) =>
  readFileSync(join(__dirname, "../../fixtures/preview", name), "utf8");
const python = fixture("python-scaleway.json");
const go = fixture("go-ovh-update.json");
/** The fixture as an object, changed by `edit`, as text again. */
const edited = (
  text: string,
  edit: (doc: Record<string, unknown> & { steps: Record<string, unknown>[] }) => void,
) => {
  const doc = JSON.parse(text) as Record<string, unknown> & { steps: Record<string, unknown>[] };
  edit(doc);
  return JSON.stringify(doc);
};
const FIX =
  "Fix: write the file with `pulumi preview --json --show-sames --stack <name> > preview.json`.";
const PY = "urn:pulumi:dev::shop-py::";

describe("readPreviewJson", () => {
  test("reads a Python program's preview into its stack, project and resources", () => {
    const read = readPreviewJson(python);
    expect([read.project, read.stack]).toEqual(["shop-py", "dev"]);
    expect(read.resources.map((r) => [r.type, r.name])).toEqual([
      ["pulumi:providers:scaleway", "default_1_54_0"],
      ["pulumi:providers:random", "default_4_16_8"],
      ["pulumi:pulumi:Stack", "shop-py-dev"],
      ["scaleway:network/vpc:Vpc", "shop-vpc"],
      ["scaleway:network/privateNetwork:PrivateNetwork", "shop-pn"],
      ["scaleway:kubernetes/cluster:Cluster", "shop-k8s"],
      ["scaleway:kubernetes/pool:Pool", "shop-pool"],
      ["scaleway:databases/instance:Instance", "shop-db"],
      ["pulumi:providers:aws", "us-east"],
      ["aws:s3/bucketV2:BucketV2", "shop-backups"],
      ["random:index/randomPassword:RandomPassword", "shop-admin"],
    ]);
  });

  test("rebuilds the default providers the engine hides from the digest's config", () => {
    const scaleway = readPreviewJson(python).resources[0];
    expect(scaleway).toMatchObject({
      urn: `${PY}pulumi:providers:scaleway::default_1_54_0`,
      custom: true,
      id: UNKNOWN,
      parent: undefined,
      provider: undefined,
      inputs: {
        projectId: "d2b8a6f7-2c1e-4f0b-9b7a-3f5c8e9d1a24",
        region: "fr-par",
        secretKey: SECRET_PLACEHOLDER,
        zone: "fr-par-1",
        version: "1.54.0",
      },
      secretPaths: ["secretKey"],
    });
  });

  test("marks blinded secrets as secret and keeps unknowns as the engine's sentinel", () => {
    const byName = new Map(readPreviewJson(python).resources.map((r) => [r.name, r]));
    expect(byName.get("shop-db")).toMatchObject({
      secretPaths: ["password"],
      additionalSecretOutputs: ["password"],
    });
    expect(byName.get("shop-db")?.inputs.password).toBe(SECRET_PLACEHOLDER);
    expect(byName.get("shop-k8s")?.unknownPaths).toEqual(["privateNetworkId"]);
    expect(byName.get("shop-k8s")?.inputs.privateNetworkId).toBe(UNKNOWN);
  });

  test("keeps parents, providers and dependencies as the engine recorded them", () => {
    const byName = new Map(readPreviewJson(python).resources.map((r) => [r.name, r]));
    expect(byName.get("shop-backups")).toMatchObject({
      parent: `${PY}pulumi:pulumi:Stack::shop-py-dev`,
      provider: `${PY}pulumi:providers:aws::us-east::${UNKNOWN}`,
    });
    expect(byName.get("shop-pn")).toMatchObject({
      dependencies: [`${PY}scaleway:network/vpc:Vpc::shop-vpc`],
      propertyDependencies: {
        name: [],
        region: [],
        vpcId: [`${PY}scaleway:network/vpc:Vpc::shop-vpc`],
      },
    });
  });

  test("has no plaintext secrets to hide: the CLI blinds them all", () => {
    expect(readPreviewJson(python).secretValues).toEqual([]);
  });

  test("locates each resource at the program line that declared it", () => {
    expect(readPreviewJson(python).sources).toEqual({
      [`${PY}scaleway:network/vpc:Vpc::shop-vpc`]: { file: "__main__.py", line: 14 },
      [`${PY}scaleway:network/privateNetwork:PrivateNetwork::shop-pn`]: {
        file: "__main__.py",
        line: 19,
      },
      [`${PY}scaleway:kubernetes/cluster:Cluster::shop-k8s`]: {
        file: "infra/cluster.py",
        line: 22,
      },
      [`${PY}scaleway:kubernetes/pool:Pool::shop-pool`]: { file: "infra/cluster.py", line: 31 },
      [`${PY}scaleway:databases/instance:Instance::shop-db`]: {
        file: "infra/database.py",
        line: 8,
      },
      [`${PY}pulumi:providers:aws::us-east`]: { file: "__main__.py", line: 41 },
      [`${PY}aws:s3/bucketV2:BucketV2::shop-backups`]: { file: "__main__.py", line: 43 },
      [`${PY}random:index/randomPassword:RandomPassword::shop-admin`]: {
        file: "infra/database.py",
        line: 5,
      },
    });
  });

  test("keeps what an update leaves in the stack: same, updated and replaced resources, not deleted ones", () => {
    const read = readPreviewJson(go);
    expect([read.project, read.stack]).toEqual(["fleet-go", "prod"]);
    expect(read.resources.map((r) => [r.type, r.name])).toEqual([
      ["pulumi:providers:ovh", "default_2_19_1"],
      ["pulumi:pulumi:Stack", "fleet-go-prod"],
      ["ovh:CloudProject/kube:Kube", "gra-kube"],
      ["ovh:CloudProject/kubeNodePool:KubeNodePool", "gra-pool"],
      ["ovh:CloudProject/storage:Storage", "assets"],
    ]);
    const byName = new Map(read.resources.map((r) => [r.name, r]));
    expect(byName.get("gra-pool")?.inputs.desiredNodes).toBe(4);
    expect(byName.get("assets")?.inputs.regionName).toBe("BHS");
    expect(byName.get("default_2_19_1")).toMatchObject({
      id: "7f0c2d3e-5b1a-4c8d-9e6f-0a1b2c3d4e5f",
      inputs: {
        applicationKey: "8d3f1c2b9a7e6d5c",
        applicationSecret: SECRET_PLACEHOLDER,
        consumerKey: SECRET_PLACEHOLDER,
        endpoint: "ovh-eu",
        version: "2.19.1",
      },
      secretPaths: ["applicationSecret", "consumerKey"],
    });
    expect(read.sources).toEqual({});
  });

  test("checks the first state the update keeps when --show-replacement-steps lists a URN twice", () => {
    const text = edited(go, (doc) => {
      const replace = doc.steps[3] as {
        newState: Record<string, unknown>;
        oldState: unknown;
        urn: string;
      };
      doc.steps.splice(
        3,
        0,
        { op: "create-replacement", urn: replace.urn, newState: replace.newState },
        { op: "delete-replaced", urn: replace.urn, oldState: replace.oldState },
      );
    });
    const storages = readPreviewJson(text).resources.filter((r) => r.name === "assets");
    expect(storages.map((r) => r.inputs.regionName)).toEqual(["BHS"]);
  });

  test.each([
    [
      "is not JSON",
      "warning: A new version of Pulumi is available.",
      /^the preview file is not JSON \(.+\); only stdout of the preview belongs in it\. Fix: write the file with `pulumi preview --json --show-sames --stack <name> > preview\.json`\.$/,
    ],
    [
      "is not a digest",
      '{"steps": {"op": "create"}}',
      `the preview file is not a preview digest (steps, diagnostics, changeSummary). ${FIX}`,
    ],
    [
      "reports an error diagnostic (the preview failed)",
      edited(python, (doc) => {
        doc.diagnostics = [
          {
            message: "error: Program failed with an unhandled exception:\n  KeyError: 'region'\n",
            severity: "error",
          },
        ];
      }),
      "the preview failed, so its steps do not describe the stack: error: Program failed with an unhandled exception:\n  KeyError: 'region'. Fix: make `pulumi preview` succeed, then write the file again.",
    ],
    [
      "hides unchanged resources (no --show-sames)",
      edited(go, (doc) => {
        doc.steps = doc.steps.filter(
          (s) => s.op !== "same" || String(s.urn).includes("pulumi:pulumi:Stack"),
        );
      }),
      "the preview hides 1 unchanged resource(s), which the packs must see too. Fix: add --show-sames: `pulumi preview --json --show-sames --stack <name> > preview.json`.",
    ],
    [
      "mixes stacks",
      edited(python, (doc) => {
        const last = doc.steps.at(-1) as { newState: { urn: string } };
        last.newState.urn = last.newState.urn.replace("urn:pulumi:dev::", "urn:pulumi:prod::");
      }),
      `the preview file mixes stacks: "${PY}pulumi:pulumi:Stack::shop-py-dev" and "urn:pulumi:prod::shop-py::random:index/randomPassword:RandomPassword::shop-admin". Fix: check one stack per file (pulumi ... --stack <name>).`,
    ],
    [
      "holds no resources",
      '{"steps": [], "changeSummary": {}}',
      "the preview file holds no resources, so there is nothing to check and no stack to name. Fix: select the stack (--stack <name>) and make sure the program registers resources.",
    ],
  ])("fails when the file %s", (_what, text, message) => {
    expect(() => readPreviewJson(text)).toThrow(message);
  });
});
