import { describe, expect, test } from "vitest";
import { readPath } from "../../../policies/lib/read";
import { SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import { policyProxy } from "../../../policies/lib/unknown";
import { UNKNOWN, UNKNOWN_ARRAY } from "../fixtures/args";

const props = {
  region: "GRA",
  nodes: [{ region: "GRA" }, { region: UNKNOWN }, {}],
  backupRegions: [],
  replication: { rules: [{ destination: { region: "sbg" } }] },
  secret: `prefix-${SECRET_PLACEHOLDER}`,
  list: UNKNOWN_ARRAY,
  empty: "",
};

describe("readPath", () => {
  test.each<[string, unknown]>([
    ["region", [{ kind: "value", path: "region", value: "GRA" }]],
    ["zone", [{ kind: "absent", path: "zone" }]],
    ["empty", [{ kind: "absent", path: "empty" }]],
    [
      "nodes[].region",
      [
        { kind: "value", path: "nodes[0].region", value: "GRA" },
        { kind: "unknown", path: "nodes[1].region", cause: "preview" },
        { kind: "absent", path: "nodes[2].region" },
      ],
    ],
    ["backupRegions[]", []],
    ["regions[]", [{ kind: "absent", path: "regions" }]],
    ["list[]", [{ kind: "unknown", path: "list", cause: "preview" }]],
    ["list[].region", [{ kind: "unknown", path: "list", cause: "preview" }]],
    [
      "replication.rules[].destination.region",
      [{ kind: "value", path: "replication.rules[0].destination.region", value: "sbg" }],
    ],
    ["region.name", [{ kind: "absent", path: "region.name" }]],
    ["secret", [{ kind: "unknown", path: "secret", cause: "offline" }]],
  ])("reads %s", (path, expected) => {
    expect(readPath(props, path)).toEqual(expected);
  });

  test("reads through CrossGuard's unknown-checking proxy without tripping it", () => {
    const proxied = policyProxy.unknownCheckingProxy({ nodes: [{ region: UNKNOWN }] });
    expect(() => (proxied.nodes[0] as { region: string }).region).toThrow(
      "string value at .nodes.0.region can't be known during preview",
    );
    expect(readPath(proxied, "nodes[].region")).toEqual([
      { kind: "unknown", path: "nodes[0].region", cause: "preview" },
    ]);
  });
});
