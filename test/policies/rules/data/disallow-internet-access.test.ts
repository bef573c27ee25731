import { describe, expect, test } from "vitest";
import {
  dataDatabaseDisallowInternetAccess as policy,
  isWholeInternet,
} from "../../../../policies/rules/data/disallow-internet-access";
import { UNKNOWN } from "../../fixtures/args";
import {
  ovhDatabase,
  SCALEWAY_DATABASE_INSTANCE_ALIAS,
  scalewayDatabaseAcl,
  scalewayDatabaseInstance,
} from "../../fixtures/databases";
import { violationsOf } from "./harness";

describe("isWholeInternet", () => {
  test.each([
    ["0.0.0.0/0", true],
    ["::/0", true],
    ["1.2.3.4/0", true],
    ["0.0.0.0", false],
    ["0.0.0.0/1", false],
    ["10.0.0.0/8", false],
  ])("%s → %s", (cidr, open) => {
    expect(isWholeInternet(cidr)).toBe(open);
  });
});

describe("dataDatabaseDisallowInternetAccess", () => {
  test.each([
    ["a Scaleway instance on a private network", scalewayDatabaseInstance()],
    ["a Scaleway ACL for the cluster's network", scalewayDatabaseAcl()],
    ["a Scaleway ACL with no rules (nobody may connect)", scalewayDatabaseAcl([])],
    ["an OVHcloud database restricted to the cluster subnet", ovhDatabase()],
  ])("passes %s", async (_case, spec) => {
    expect(await violationsOf(policy, spec)).toEqual([]);
  });

  test.each([
    [
      "a Scaleway ACL admits 0.0.0.0/0",
      scalewayDatabaseAcl([{ ip: "10.10.0.0/20" }, { ip: "0.0.0.0/0", description: "temp" }]),
      ["aclRules[1] allows 0.0.0.0/0, the whole internet"],
    ],
    [
      "a Scaleway instance has no private network",
      scalewayDatabaseInstance({ privateNetwork: undefined }),
      ["has no privateNetwork, so its only endpoint is public"],
    ],
    [
      "a deprecated DatabaseInstance has no private network",
      scalewayDatabaseInstance({ privateNetwork: undefined }, SCALEWAY_DATABASE_INSTANCE_ALIAS),
      ["has no privateNetwork, so its only endpoint is public"],
    ],
    [
      "a Scaleway instance adds a public endpoint",
      scalewayDatabaseInstance({ loadBalancer: {} }),
      ["adds a public endpoint (loadBalancer) next to its private network"],
    ],
    [
      "an OVHcloud database admits ::/0",
      ovhDatabase({ ipRestrictions: [{ ip: "::/0" }] }),
      ["ipRestrictions[0] allows ::/0, the whole internet"],
    ],
    [
      "an OVHcloud database declares no restrictions",
      ovhDatabase({ ipRestrictions: undefined }),
      ["declares no ipRestrictions, so who may connect is decided outside this program"],
    ],
    [
      "an OVHcloud database declares an empty list",
      ovhDatabase({ ipRestrictions: [] }),
      ["declares no ipRestrictions, so who may connect is decided outside this program"],
    ],
  ])("fails when %s", async (_case, spec, expected) => {
    expect(await violationsOf(policy, spec)).toEqual(expected);
  });

  test("allows a public endpoint beside the private network when the config says so", async () => {
    const config = { [policy.name]: { allowPublicEndpoint: true } };
    expect(
      await violationsOf(policy, scalewayDatabaseInstance({ loadBalancer: {} }), {}, config),
    ).toEqual([]);
  });

  test("leaves an address unknown during preview to the engine", async () => {
    await expect(violationsOf(policy, scalewayDatabaseAcl([{ ip: UNKNOWN }]))).rejects.toThrow(
      "can't be known during preview",
    );
  });
});
