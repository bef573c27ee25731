/**
 * A policy pack served the way `pulumi preview --policy-pack` serves it: Pulumi's run-policy-pack started in the
 * pack folder (it prints the port of the analyzer's gRPC server), and a client speaking the analyzer protocol to it
 * as the engine does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as grpc from "@grpc/grpc-js";

/** A protobuf message: setters and getters only. */
type Message = Record<string, (value?: unknown) => unknown>;
type Rpc = (request: unknown, callback: (error: Error | null, response: Message) => void) => void;

/* eslint-disable @typescript-eslint/no-require-imports -- generated protobuf modules ship without typings */
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb") as {
  AnalyzerClient: new (
    address: string,
    creds: grpc.ChannelCredentials,
  ) => grpc.Client & Record<string, Rpc>;
};
const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb") as Record<
  string,
  new () => Message
>;
const structProto = require("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(v: unknown): unknown };
};
const emptyProto = require("google-protobuf/google/protobuf/empty_pb") as {
  Empty: new () => unknown;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** pulumirpc.EnforcementLevel by name (proto/analyzer.proto). */
export const ENFORCEMENT_LEVEL = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 } as const;

export interface Diagnostic {
  readonly policy: string;
  readonly level: number;
}

export interface AnalyzerInfo {
  readonly name: string;
  readonly version: string;
  /** `[policy name, enforcement level]` in the order the pack serves them. */
  readonly policies: readonly (readonly [string, number])[];
}

export interface ProviderView {
  readonly type: string;
  readonly props: Record<string, unknown>;
}

export interface ServedPack {
  info(): Promise<AnalyzerInfo>;
  analyze(
    type: string,
    props: Record<string, unknown>,
    provider?: ProviderView,
  ): Promise<Diagnostic[]>;
  stop(): void;
}

/**
 * Starts `node <runPolicyPack> <engine> .` in `packDir` with `env` (the engine address is never dialled by a pack)
 * and connects to the port it prints. Rejects with the pack's stderr when it exits first.
 */
export async function servePack(
  packDir: string,
  runPolicyPack: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServedPack> {
  const child: ChildProcess = spawn("node", [runPolicyPack, "127.0.0.1:1", "."], {
    cwd: packDir,
    env,
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim()));
    child.once("exit", (code) =>
      reject(new Error(`the pack in ${packDir} exited with ${String(code)}: ${stderr}`)),
    );
  });
  const client = new analyzerRpc.AnalyzerClient(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );
  const call = (method: string, request: unknown) =>
    new Promise<Message>((resolve, reject) => {
      client[method]?.call(client, request, (e, r) => (e ? reject(e) : resolve(r)));
    });
  const message = (name: string) => new (analyzerProto[name] as new () => Message)();

  return {
    async info() {
      const info = await call("getAnalyzerInfo", new emptyProto.Empty());
      const policies = info.getPoliciesList?.() as {
        getName(): string;
        getEnforcementlevel(): number;
      }[];
      return {
        name: info.getName?.() as string,
        version: info.getVersion?.() as string,
        policies: policies.map((p) => [p.getName(), p.getEnforcementlevel()] as const),
      };
    },
    async analyze(type, props, provider) {
      const request = message("AnalyzeRequest");
      request.setType?.(type);
      request.setName?.("subject");
      request.setUrn?.(`urn:pulumi:dev::p::${type}::subject`);
      request.setProperties?.(structProto.Struct.fromJavaScript(props));
      request.setOptions?.(message("AnalyzerResourceOptions"));
      if (provider) {
        const p = message("AnalyzerProviderResource");
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
    },
    stop() {
      client.close();
      child.kill();
    },
  };
}
