import { describe, expect, it, test } from "vitest";
import { ConfigError } from "../../config/errors";
import {
  parseStack,
  sovereignConfig,
  stackDeprecations,
  stackSecretKeys,
  type RawStackConfig,
} from "../../stacks/config-input";

const TARGETS = [
  {
    name: "ske",
    provider: "kubernetes",
    vendor: "stackit",
    region: "eu01",
    database: { mode: "none" },
    registry: { endpoint: "registry.onstackit.cloud/acme-shop" },
  },
];
const WORKLOADS = [{ name: "shop", image: "rg.fr-par.scw.cloud/acme/shop:1.4.2" }];
const OPTS = { stackFile: "stacks/Pulumi.dev.yaml", stack: "dev" };

function problems(raw: RawStackConfig): string {
  try {
    parseStack(raw, OPTS);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error("expected a ConfigError");
}

describe("sovereignConfig", () => {
  it("keeps the sovereign keys, parses structured values and sets secret values aside", () => {
    const all = {
      "sovereign:targets": JSON.stringify(TARGETS),
      "sovereign:config:domain": "shop.example.eu",
      "sovereign:environment": "prod",
      "sovereign:kubeconfig-ske": "apiVersion: v1",
      "scaleway:region": "fr-par",
      "sovereignty:other": "x",
    };
    expect(sovereignConfig(all, (k) => k === "sovereign:kubeconfig-ske")).toEqual({
      values: { targets: TARGETS, domain: "shop.example.eu", environment: "prod" },
      secretKeys: ["kubeconfig-ske"],
    });
  });

  test.each([
    ["[not json", "[not json"],
    ['{"a": 1}', { a: 1 }],
    ["3", "3"],
  ])("reads %s as %j", (text, value) => {
    expect(sovereignConfig({ "sovereign:x": text }, () => false).values.x).toEqual(value);
  });
});

describe("parseStack", () => {
  it("accepts the secret keys the targets name, whatever their values", () => {
    const config = parseStack(
      { values: { targets: TARGETS, workloads: WORKLOADS }, secretKeys: ["kubeconfig-ske"] },
      OPTS,
    );
    expect(config.targets.map((t) => t.name)).toEqual(["ske"]);
  });

  it("fails when a plain key is read by nobody, naming it as unknown", () => {
    expect(
      problems({
        values: { targets: TARGETS, workloads: WORKLOADS, replica: 3 },
        secretKeys: ["kubeconfig-ske"],
      }),
    ).toBe(
      [
        "stacks/Pulumi.dev.yaml: 1 config problem",
        "  - sovereign:replica is not a known key (a typo?); got 3. Fix: remove it (pulumi config rm --path " +
          "'sovereign:replica') or fix its spelling; the config reference is in README.md",
      ].join("\n"),
    );
  });

  it("fails when a secret key is read by nobody, without showing its value", () => {
    expect(
      problems({
        values: { targets: TARGETS, workloads: WORKLOADS },
        secretKeys: ["kubeconfig-ske", "kubeconfig-skee"],
      }),
    ).toBe(
      [
        "stacks/Pulumi.dev.yaml: 1 config problem",
        '  - sovereign:kubeconfig-skee is not a known key (a typo?); got "[secret]". Fix: remove it (pulumi config ' +
          "rm --path 'sovereign:kubeconfig-skee') or fix its spelling; the config reference is in README.md",
      ].join("\n"),
    );
  });

  it("fails when a key that holds a secret is stored in plain text", () => {
    expect(
      problems({
        values: { targets: TARGETS, workloads: WORKLOADS, "kubeconfig-ske": "apiVersion: v1" },
        secretKeys: [],
      }),
    ).toBe(
      [
        "stacks/Pulumi.dev.yaml: 1 config problem",
        '  - sovereign:kubeconfig-ske is stored in plain text but holds a secret (kubeconfig of target ske); got "[secret]". ' +
          "Fix: remove it from the stack file and set it encrypted: pulumi config set --secret sovereign:kubeconfig-ske <value> -s dev",
      ].join("\n"),
    );
  });

  it("lists the schema's problems and the unknown keys in one message", () => {
    expect(
      problems({ values: { targets: [], workloads: WORKLOADS, replica: 3 }, secretKeys: [] }),
    ).toBe(
      [
        "stacks/Pulumi.dev.yaml: 2 config problems",
        "  - sovereign:targets must list at least one target; got []. Fix: set it in stacks/Pulumi.dev.yaml or " +
          "with: pulumi config set --path 'sovereign:targets' <value> -s dev",
        "  - sovereign:replica is not a known key (a typo?); got 3. Fix: remove it (pulumi config rm --path " +
          "'sovereign:replica') or fix its spelling; the config reference is in README.md",
      ].join("\n"),
    );
  });
});

describe("stackSecretKeys", () => {
  it("lists the targets' secret keys and the password seed once", () => {
    const config = parseStack(
      {
        values: {
          targets: [
            { name: "par", provider: "scaleway", region: "fr-par" },
            {
              name: "ske",
              provider: "kubernetes",
              vendor: "stackit",
              region: "eu01",
              kubeconfigSecret: "ske-admin",
              registry: {
                endpoint: "registry.onstackit.cloud/acme-shop",
                username: "robot$acme-shop+sovereign",
                passwordSecret: "registry-password-ske",
              },
            },
          ],
          workloads: WORKLOADS,
        },
        secretKeys: [],
      },
      OPTS,
    );
    expect(stackSecretKeys(config).map((k) => k.key)).toEqual([
      "ske-admin",
      "registry-password-ske",
    ]);
  });
});

describe("deprecated keys", () => {
  test.each([
    [
      "as a secret",
      { values: { targets: TARGETS, workloads: WORKLOADS }, secretKeys: ["passwordSeed"] },
    ],
    [
      "in plain text",
      { values: { targets: TARGETS, workloads: WORKLOADS, passwordSeed: "x" }, secretKeys: [] },
    ],
  ] as const)("accepts and ignores sovereign:passwordSeed %s, with a warning", (_, raw) => {
    expect(parseStack(raw, OPTS).targets.map((t) => t.name)).toEqual(["ske"]);
    expect(stackDeprecations(raw)).toEqual([
      expect.stringMatching(/^sovereign:passwordSeed is deprecated and ignored: /),
    ]);
  });
});
