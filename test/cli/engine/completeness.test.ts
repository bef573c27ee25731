import * as pulumi from "@pulumi/pulumi";
import { describe, expect, test } from "vitest";
import { countDeclarations, incompleteRun } from "../../../cli/engine/completeness";
import { recorded, stackResource } from "./recorded";

const thing = (name: string) => recorded({ type: "shop:index:Thing", name });

describe("incompleteRun", () => {
  test("passes a run with its root stack and every declared registration", () => {
    expect(incompleteRun([stackResource(), thing("a"), thing("b")], 2, "3.248.0")).toBeUndefined();
  });

  test("refuses a run without a root stack, even with resources", () => {
    expect(incompleteRun([thing("a")], 1, "3.248.0")).toMatch(
      /^the run recorded no root stack resource \(pulumi:pulumi:Stack\) with @pulumi\/pulumi 3\.248\.0/,
    );
  });

  test("refuses a run that recorded fewer registrations than the program declared", () => {
    expect(incompleteRun([stackResource(), thing("a")], 3, "3.300.0")).toMatch(
      /^the program declared 3 resources but the run recorded 1 with @pulumi\/pulumi 3\.300\.0/,
    );
  });

  test("judges by the root stack alone when the declarations could not be counted", () => {
    expect(incompleteRun([stackResource()], undefined, "3.248.0")).toBeUndefined();
  });
});

describe("countDeclarations", () => {
  test("counts registrations under the stack, not reads of existing resources", async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
        call: () => ({}),
      },
      "shop",
      "dev",
    );
    class Thing extends pulumi.CustomResource {
      constructor(name: string, opts: pulumi.CustomResourceOptions) {
        super("shop:index:Thing", name, {}, opts);
      }
    }
    let declared: () => number | undefined = () => undefined;
    await pulumi.runtime.runInPulumiStack(async () => {
      declared = countDeclarations(pulumi);
      const group = new pulumi.ComponentResource("shop:index:Group", "group");
      new Thing("new", { parent: group });
      new Thing("read", { id: "thing-1" });
      return {};
    });
    expect(declared()).toBe(2);
  });

  test("counts nothing, rather than fail, when there is no root stack to count under", () => {
    const counter = countDeclarations({
      runtime: {
        registerStackTransformation: () => {
          throw new Error("The root stack resource was referenced before it was initialized.");
        },
      },
    } as unknown as typeof pulumi);
    expect(counter()).toBeUndefined();
  });
});
