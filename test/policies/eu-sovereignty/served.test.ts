/**
 * Opt-in (SOVEREIGN_PACK_PROCESS_TESTS=1, ~20 s): loads the eu-sovereignty pack the way `pulumi preview
 * --policy-pack` does (Pulumi's run-policy-pack with ts-node type checking, in the pack folder) and talks to the
 * analyzer server over gRPC as the engine does. Proves the pack compiles and serves outside vitest's transformer.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/** A protobuf message: setters and getters only. */
type Message = Record<string, (value?: unknown) => unknown>;
type Rpc = (request: unknown, callback: (error: Error | null, response: Message) => void) => void;

/* eslint-disable @typescript-eslint/no-require-imports -- generated protobuf modules ship without typings */
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb") as {
  AnalyzerClient: new (address: string, creds: grpc.ChannelCredentials) => Record<string, Rpc>;
};
const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb") as Record<
  string,
  new () => Record<string, (v?: unknown) => unknown>
>;
const structProto = require("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(v: unknown): unknown };
};
const emptyProto = require("google-protobuf/google/protobuf/empty_pb") as {
  Empty: new () => unknown;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, "..", "..", "..");
const enabled = process.env.SOVEREIGN_PACK_PROCESS_TESTS === "1";

interface Diagnostic {
  readonly policy: string;
  readonly level: number;
}

describe.skipIf(!enabled)("eu-sovereignty served by Pulumi's policy-pack runner", () => {
  let child: ChildProcess;
  let client: Record<string, Rpc>;
  const call = (method: string, request: unknown) =>
    new Promise<Message>((resolve, reject) => {
      client[method]?.call(client, request, (e, r) => (e ? reject(e) : resolve(r)));
    });

  beforeAll(async () => {
    child = spawn(
      "node",
      [join(ROOT, "node_modules/@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:1", "."],
      { cwd: join(ROOT, "policies/eu-sovereignty") },
    );
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim()));
      child.once("exit", (code) => reject(new Error(`the pack exited with ${String(code)}`)));
    });
    client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  }, 120_000);

  afterAll(() => {
    child.kill();
  });

  const analyze = async (
    type: string,
    props: Record<string, unknown>,
    provider?: { type: string; props: Record<string, unknown> },
  ): Promise<Diagnostic[]> => {
    const request = new (
      analyzerProto.AnalyzeRequest as new () => Record<string, (v?: unknown) => unknown>
    )();
    request.setType?.(type);
    request.setName?.("subject");
    request.setUrn?.(`urn:pulumi:dev::p::${type}::subject`);
    request.setProperties?.(structProto.Struct.fromJavaScript(props));
    request.setOptions?.(new (analyzerProto.AnalyzerResourceOptions as new () => unknown)());
    if (provider) {
      const p = new (
        analyzerProto.AnalyzerProviderResource as new () => Record<string, (v?: unknown) => unknown>
      )();
      p.setType?.(provider.type);
      p.setName?.("default");
      p.setUrn?.(`urn:pulumi:dev::p::${provider.type}::default`);
      p.setProperties?.(structProto.Struct.fromJavaScript(provider.props));
      request.setProvider?.(p);
    }
    const response = await call("analyze", request);
    const list = response.getDiagnosticsList?.() as {
      getPolicyname(): string;
      getEnforcementlevel(): number;
    }[];
    return list.map((d) => ({ policy: d.getPolicyname(), level: d.getEnforcementlevel() }));
  };

  test("serves every eu-sovereignty policy as mandatory", async () => {
    const info = await call("getAnalyzerInfo", new emptyProto.Empty());
    const policies = info.getPoliciesList?.() as {
      getName(): string;
      getEnforcementlevel(): number;
    }[];
    expect(policies.map((p) => [p.getName(), p.getEnforcementlevel()])).toEqual([
      ["region-resource-enforce-eu-location", 1],
      ["region-provider-enforce-eu-default-location", 1],
      ["region-node-pool-disallow-external-nodes", 1],
      ["vendor-resource-disallow-non-eu-vendor", 1],
      ["vendor-provider-enforce-eu-account", 1],
      ["endpoint-kubeconfig-enforce-eu-server", 1],
      ["image-container-enforce-eu-registry", 1],
      ["image-helm-enforce-eu-chart-source", 1],
    ]);
  });

  test.each<
    [
      string,
      string,
      Record<string, unknown>,
      { type: string; props: Record<string, unknown> } | undefined,
      Diagnostic[],
    ]
  >([
    [
      "blocks an OVH cluster in BHS5",
      "ovh:CloudProject/kube:Kube",
      { region: "BHS5" },
      { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } },
      [{ policy: "region-resource-enforce-eu-location", level: 1 }],
    ],
    [
      "passes an OVH cluster in GRA9",
      "ovh:CloudProject/kube:Kube",
      { region: "GRA9" },
      { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } },
      [],
    ],
    [
      "defers an unknown region as advisory",
      "ovh:CloudProject/kube:Kube",
      { region: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
      { type: "pulumi:providers:ovh", props: { endpoint: "ovh-eu" } },
      [{ policy: "region-resource-enforce-eu-location", level: 0 }],
    ],
    [
      "blocks the OVH provider on ovh-us",
      "pulumi:providers:ovh",
      { endpoint: "ovh-us" },
      undefined,
      [{ policy: "vendor-provider-enforce-eu-account", level: 1 }],
    ],
    [
      "blocks an AWS bucket in eu-west-3",
      "aws:s3/bucket:Bucket",
      { region: "eu-west-3" },
      { type: "pulumi:providers:aws", props: { region: "eu-west-3" } },
      [{ policy: "vendor-resource-disallow-non-eu-vendor", level: 1 }],
    ],
  ])("%s", async (_name, type, props, provider, expected) => {
    expect(await analyze(type, props, provider)).toEqual(expected);
  });
});
