import { describe, expect, test } from "vitest";
import {
  buildConfig,
  namespacedKey,
  packageConfig,
  parseOverride,
} from "../../../cli/engine/config";
import {
  ASSUMED_PLACEHOLDER,
  isOfflinePlaceholder,
  SECRET_PLACEHOLDER,
} from "../../../domain/offline-placeholders";
import type { Project, StackFile } from "../../../cli/engine/project";
import { withTemplateDefaults } from "../../../cli/engine/config";

const project = (
  config: Record<string, unknown> = {},
  templateConfig: Record<string, unknown> = {},
): Project => ({
  dir: "/p",
  file: "/p/Pulumi.yaml",
  name: "shop",
  main: undefined,
  stackConfigDir: "/p",
  config,
  templateConfig,
});
const stackFile = (config: Record<string, unknown> = {}): StackFile => ({
  file: "/p/Pulumi.dev.yaml",
  config,
  environments: [],
});

describe("namespacedKey", () => {
  test.each([
    ["region", "shop:region"],
    ["aws:region", "aws:region"],
    ["shop:config:replicas", "shop:replicas"],
    ["pulumi:tags", "pulumi:tags"],
  ])("reads %s as %s", (key, full) => {
    expect(namespacedKey(key, "shop")).toBe(full);
  });
});

describe("buildConfig", () => {
  test("passes every value as the string the program reads: objects as JSON, numbers and booleans as text", () => {
    const config = buildConfig(
      project(),
      stackFile({
        "scaleway:region": "fr-par",
        replicas: 3,
        debug: false,
        targets: [{ provider: "scaleway", region: "fr-par" }],
        empty: null,
      }),
      [],
    );
    expect(config.values).toEqual({
      "scaleway:region": "fr-par",
      "shop:replicas": "3",
      "shop:debug": "false",
      "shop:targets": '[{"provider":"scaleway","region":"fr-par"}]',
      "shop:empty": "",
    });
    expect(config.secretKeys).toEqual([]);
  });

  test("takes Pulumi.yaml defaults in the plain, `default:` and `value:` forms, under the stack file and flags", () => {
    const config = buildConfig(
      project({
        replicas: 2,
        tier: { type: "string", default: "small" },
        "pulumi:tags": { value: { team: "platform" } },
        region: { type: "string", default: "fr-par" },
      }),
      stackFile({ region: "nl-ams" }),
      ["tier=large"],
    );
    expect(config.values).toEqual({
      "shop:replicas": "2",
      "shop:tier": "large",
      "pulumi:tags": '{"team":"platform"}',
      "shop:region": "nl-ams",
    });
  });

  test("lists keys Pulumi.yaml declares without a default that nothing sets", () => {
    const config = buildConfig(
      project({
        owner: { type: "string" },
        token: { type: "string", secret: true },
        team: { type: "string" },
      }),
      stackFile({ team: "a" }),
      [],
    );
    expect(config.missing).toEqual([
      { key: "shop:owner", secret: false },
      { key: "shop:token", secret: true },
    ]);
  });

  test("replaces secure values by the placeholder, marks the key secret and keeps the ciphertext for scrubbing", () => {
    const config = buildConfig(
      project(),
      stackFile({
        "scaleway:secretKey": { secure: "v1:AAAA" },
        kube: { server: "https://k.example", token: { secure: "v1:BBBB" } },
        plain: "x",
      }),
      [],
    );
    expect(config.values).toEqual({
      "scaleway:secretKey": SECRET_PLACEHOLDER,
      "shop:kube": JSON.stringify({ server: "https://k.example", token: SECRET_PLACEHOLDER }),
      "shop:plain": "x",
    });
    expect(config.secretKeys).toEqual(["scaleway:secretKey", "shop:kube"]);
    expect(config.ciphertexts).toEqual(["v1:AAAA", "v1:BBBB"]);
  });

  test("keeps a key declared secret in Pulumi.yaml secret when the stack file sets it", () => {
    const config = buildConfig(
      project({ token: { type: "string", secret: true, default: "x" } }),
      stackFile({ token: "y" }),
      [],
    );
    expect(config.secretKeys).toEqual(["shop:token"]);
  });

  test("a --config flag replaces a secure value with a plain one", () => {
    const config = buildConfig(project(), stackFile({ token: { secure: "v1:AAAA" } }), [
      "token=plain",
    ]);
    expect(config.values).toEqual({ "shop:token": "plain" });
    expect(config.secretKeys).toEqual([]);
  });
});

describe("parseOverride", () => {
  test("splits at the first '='", () => {
    expect(parseOverride("sovereign:dsn=a=b")).toEqual(["sovereign:dsn", "a=b"]);
  });

  test.each(["replicas", "=3"])("fails when --config %s has no key=value", (text) => {
    expect(() => parseOverride(text)).toThrow(
      `--config ${text}: expected key=value (e.g. --config sovereign:replicas=2)`,
    );
  });
});

describe("packageConfig", () => {
  test("gives a package's keys without their namespace", () => {
    const config = buildConfig(
      project(),
      stackFile({
        "scaleway:region": "fr-par",
        "scaleway:zone": "fr-par-2",
        "ovh:endpoint": "ovh-eu",
      }),
      [],
    );
    expect(packageConfig(config, "scaleway")).toEqual({ region: "fr-par", zone: "fr-par-2" });
  });
});

describe("isOfflinePlaceholder", () => {
  test.each([
    [SECRET_PLACEHOLDER, true],
    [ASSUMED_PLACEHOLDER, true],
    [`postgres://app:${SECRET_PLACEHOLDER}@db:5432/app`, true],
    ["fr-par", false],
    [42, false],
  ])("says %s is a placeholder: %s", (value, expected) => {
    expect(isOfflinePlaceholder(value)).toBe(expected);
  });
});

describe("withTemplateDefaults", () => {
  test("fills the template's defaults for keys nothing else sets, and names them", () => {
    const p = project(
      {},
      {
        "aws:region": { description: "The AWS region", default: "us-west-2" },
        "shop:size": { default: 3 },
        "shop:password": { secret: true },
        "shop:owner": { default: "template" },
      },
    );
    const base = buildConfig(p, { file: undefined, config: { owner: "me" }, environments: [] }, []);
    const { config, assumed } = withTemplateDefaults(base, p);
    expect([config.values, assumed]).toEqual([
      { "shop:owner": "me", "aws:region": "us-west-2", "shop:size": "3" },
      ["aws:region", "shop:size"],
    ]);
  });
});
