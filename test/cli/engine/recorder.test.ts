import * as pulumi from "@pulumi/pulumi";
import { describe, expect, test } from "vitest";
import { engineUrn, startRecording, type Recording } from "../../../cli/engine/recorder";
import { InternalsInUse } from "../../../cli/engine/sdk-internals";

const STACK = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev";

describe("engineUrn", () => {
  test.each([
    ["a resource without parent", "", "a:b:C", "urn:pulumi:dev::shop::a:b:C::x"],
    [
      "a child of the root stack, without the stack's type",
      STACK,
      "a:b:C",
      "urn:pulumi:dev::shop::a:b:C::x",
    ],
    [
      "a child of a component",
      "urn:pulumi:dev::shop::shop:index:App::app",
      "a:b:C",
      "urn:pulumi:dev::shop::shop:index:App$a:b:C::x",
    ],
    [
      "a grandchild, with the full chain of types",
      "urn:pulumi:dev::shop::shop:index:App$shop:index:Db::db",
      "a:b:C",
      "urn:pulumi:dev::shop::shop:index:App$shop:index:Db$a:b:C::x",
    ],
  ])("names %s as the engine does", (_case, parent, type, urn) => {
    expect(engineUrn("dev", "shop", parent, type, "x")).toBe(urn);
  });
});

describe("startRecording", () => {
  test("records registrations under the stack with engine URNs, versions and options", async () => {
    const recording = startRecording(
      pulumi,
      { outputs: () => ({}), invoke: () => undefined },
      { project: "shop", stack: "dev" },
    );
    class App extends pulumi.ComponentResource {
      constructor(name: string) {
        super("shop:index:App", name, {}, {});
        new pulumi.ComponentResource(
          "shop:index:Db",
          `${name}-db`,
          {},
          { parent: this, aliases: [{ name: "old-db" }] },
        );
        this.registerOutputs({});
      }
    }
    await pulumi.runtime.runInPulumiStack(async () => {
      new App("app");
      return {};
    });
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    expect(recording.resources.map((r) => [r.urn, r.parent ?? null])).toEqual([
      [STACK, null],
      ["urn:pulumi:dev::shop::shop:index:App::app", STACK],
      [
        "urn:pulumi:dev::shop::shop:index:App$shop:index:Db::app-db",
        "urn:pulumi:dev::shop::shop:index:App::app",
      ],
    ]);
    expect(recording.resources[2]?.aliasUrns).toEqual([
      "urn:pulumi:dev::shop::shop:index:App$shop:index:Db::old-db",
    ]);
  });

  test("answers each registration itself: inputs and canned outputs resolve, components take their outputs", async () => {
    const recording = startRecording(
      pulumi,
      {
        outputs: (type) =>
          type === "shop:index:Thing" ? { endpoint: "https://thing.example" } : {},
        invoke: () => undefined,
      },
      { project: "shop", stack: "dev" },
    );
    class Thing extends pulumi.CustomResource {
      declare readonly size: pulumi.Output<number>;
      declare readonly endpoint: pulumi.Output<string>;
      constructor(name: string, size: number) {
        super("shop:index:Thing", name, { size, endpoint: undefined });
      }
    }
    const seen = await new Promise<unknown[]>((resolve) => {
      void pulumi.runtime.runInPulumiStack(async () => {
        const thing = new Thing("thing", 3);
        pulumi.all([thing.size, thing.endpoint]).apply(resolve);
        return {};
      });
    });
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    const monitor = pulumi.runtime.getMonitor() as unknown as {
      registerResourceOutputs(
        req: { getUrn(): string; getOutputs(): undefined },
        cb: (err: unknown) => void,
      ): void;
    };
    const outputsError = await new Promise((resolve) => {
      monitor.registerResourceOutputs(
        {
          getUrn: () => "urn:pulumi:dev::shop::shop:index:Thing::thing",
          getOutputs: () => undefined,
        },
        resolve,
      );
    });
    const thing = recording.resources.find((r) => r.name === "thing");
    expect([seen, thing?.outputs, thing?.id, outputsError]).toEqual([
      [3, "https://thing.example"],
      { size: 3, endpoint: "https://thing.example" },
      "",
      null,
    ]);
  });

  test("still answers reads of existing resources (`Resource.get`) through the mocks", async () => {
    startRecording(
      pulumi,
      {
        outputs: (type, name) =>
          type === "shop:index:Thing" ? { endpoint: `https://${name}.example` } : {},
        invoke: () => undefined,
      },
      { project: "shop", stack: "dev" },
    );
    class Thing extends pulumi.CustomResource {
      declare readonly endpoint: pulumi.Output<string>;
      constructor(name: string, opts: pulumi.CustomResourceOptions) {
        super("shop:index:Thing", name, { endpoint: undefined }, opts);
      }
    }
    const read = await new Promise<unknown[]>((resolve) => {
      void pulumi.runtime.runInPulumiStack(async () => {
        const existing = new Thing("existing", { id: "thing-1234" });
        pulumi.all([existing.endpoint, existing.id]).apply(resolve);
        return {};
      });
    });
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    expect(read).toEqual(["https://existing.example", "thing-1234"]);
  });
});

describe("startRecording outside the SDK versions its registration path was verified against", () => {
  /** Records a program with a provider, a component, options, a secret and dependencies as `sdkVersion`. */
  async function recordAs(sdkVersion: string): Promise<Recording> {
    const internals = new InternalsInUse(sdkVersion);
    const recording = startRecording(
      pulumi,
      {
        outputs: (type) => (type === "shop:index:Thing" ? { endpoint: "https://x" } : {}),
        invoke: () => undefined,
      },
      { project: "shop", stack: "dev", internals },
    );
    class Shop extends pulumi.ProviderResource {
      constructor(name: string) {
        super("shop", name, { region: "fr-par" });
      }
    }
    class Thing extends pulumi.CustomResource {
      declare readonly endpoint: pulumi.Output<string>;
      constructor(
        name: string,
        args: Record<string, unknown>,
        opts?: pulumi.CustomResourceOptions,
      ) {
        super("shop:index:Thing", name, { ...args, endpoint: undefined }, opts);
      }
    }
    await pulumi.runtime.runInPulumiStack(async () => {
      const provider = new Shop("eu");
      const app = new pulumi.ComponentResource(
        "shop:index:App",
        "app",
        {},
        { providers: [provider] },
      );
      const db = new Thing(
        "db",
        { password: pulumi.secret("s3cret") },
        { parent: app, protect: true },
      );
      new Thing("web", { db: db.endpoint, tags: ["a"] }, { parent: app, dependsOn: [db] });
      return {};
    });
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
    return recording;
  }

  test("records the same resources through Pulumi's own mock monitor", async () => {
    const verified = await recordAs("3.248.0");
    const drifted = await recordAs("3.300.0");
    const withoutSource = (r: Recording) => r.resources.map(({ source: _source, ...rest }) => rest);
    expect(withoutSource(drifted)).toEqual(withoutSource(verified));
    expect(drifted.resources.find((r) => r.name === "web")).toMatchObject({
      urn: "urn:pulumi:dev::shop::shop:index:App$shop:index:Thing::web",
      provider:
        "urn:pulumi:dev::shop::pulumi:providers:shop::eu::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      dependencies: ["urn:pulumi:dev::shop::shop:index:App$shop:index:Thing::db"],
    });
  });
});
