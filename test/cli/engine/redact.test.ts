import { describe, expect, test } from "vitest";
import { SECRET_PLACEHOLDER } from "../../../domain/offline-placeholders";
import type { RecordedResource } from "../../../cli/engine/recorder";
import {
  redactDeep,
  redactionList,
  redactor,
  redactText,
  secretInputValues,
} from "../../../cli/engine/redact";
import { secretValuesOf, secureConfigValuesOf } from "../format/secret-values";
import { recorded } from "./recorded";

describe("redactor", () => {
  const redact = redactor(["v1:AAAAciphertext", "hunter2-long", "abc"]);

  test.each([
    [`password ${SECRET_PLACEHOLDER} set`, "password [secret] set"],
    ["key v1:AAAAciphertext and hunter2-long", "key [secret] and [secret]"],
    [
      "abc stays: too short to be a secret worth blanking",
      "abc stays: too short to be a secret worth blanking",
    ],
  ])("scrubs '%s'", (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

describe("secretInputValues", () => {
  test("collects secret inputs long enough to be credentials, unless the plan also uses them as plain values", () => {
    const db = recorded({
      type: "scaleway:databases/instance:Instance",
      name: "db",
      inputs: {
        password: "s3cret-passphrase",
        region: "fr-par",
        endpoint: "db.internal.example.com",
        spec: { env: [{ value: "x" }, { value: 123456789012345 }] },
        flag: true,
      },
      secretPaths: ["password", "region", "endpoint", "spec.env[1].value", "flag"],
    });
    const app = recorded({
      type: "kubernetes:apps/v1:Deployment",
      name: "app",
      inputs: { env: [{ value: "db.internal.example.com" }] },
    });
    expect(secretInputValues([db, app])).toEqual(["s3cret-passphrase", "123456789012345"]);
  });
});

describe("redactionList", () => {
  test.each([
    ["ignores values shorter than four characters", ["abc", "hunter2"], ["hunter2"]],
    ["ignores the placeholder itself", ["[secret]", "hunter2"], ["hunter2"]],
    [
      "adds the long parts of a multi-line secret, longest first",
      ["server: https://api.ske.eu01.onstackit.cloud\ntoken: abc"],
      [
        "server: https://api.ske.eu01.onstackit.cloud\ntoken: abc",
        "https://api.ske.eu01.onstackit.cloud",
      ],
    ],
    ["lists each value once", ["hunter2", "hunter2"], ["hunter2"]],
  ])("%s", (_what, secrets, list) => {
    expect(redactionList(secrets)).toEqual(list);
  });
});

describe("redactText", () => {
  test("replaces every occurrence of every listed value", () => {
    expect(redactText("pw=hunter2; again hunter2; key=s3cr3t-key", ["s3cr3t-key", "hunter2"])).toBe(
      "pw=[secret]; again [secret]; key=[secret]",
    );
  });

  test("reads values holding regular-expression characters literally", () => {
    const list = ["a.b*c(d)|e", "[x]+?^$\\y"];
    expect(redactText("keep a-b-c(d) and axb*c(d)|e", list)).toBe("keep a-b-c(d) and axb*c(d)|e");
    expect(redactText("s=a.b*c(d)|e t=[x]+?^$\\y", list)).toBe("s=[secret] t=[secret]");
  });

  test("replaces longest first, also where a shorter value overlaps the start of a longer one", () => {
    expect(redactText("xABCDEF", ["ABCDEF", "xABC"])).toBe("x[secret]");
  });
});

describe("redactDeep", () => {
  test("redacts strings at any depth, keys included, and leaves other values alone", () => {
    const value = { a: ["x hunter2 y", 3, true, null], b: { hunter2: "z" } };
    expect(redactDeep(value, ["hunter2"])).toEqual({
      a: ["x [secret] y", 3, true, null],
      b: { "[secret]": "z" },
    });
  });

  test("returns the very same value when there is nothing to redact", () => {
    const value = { a: "hunter2" };
    expect(redactDeep(value, ["abc"])).toBe(value);
  });
});

describe("secretValuesOf", () => {
  const resource = (inputs: Record<string, unknown>, secretPaths: string[]) =>
    ({ inputs, secretPaths }) as unknown as RecordedResource;

  test("reads the value at every secret path, numbers as text and booleans not at all", () => {
    const resources = [
      resource({ spec: { password: "hunter22" }, env: [{}, {}, { value: "tok-123456" }] }, [
        "spec.password",
        "env[2].value",
      ]),
      resource({ port: 54321, enabled: true }, ["port", "enabled"]),
    ];
    expect(secretValuesOf(resources)).toEqual(["hunter22", "tok-123456", "54321"]);
  });
});

describe("secureConfigValuesOf", () => {
  test("finds every secure: ciphertext of a stack file, nested in objects and lists", () => {
    const config = {
      "scaleway:secretKey": { secure: "v1:aaa:bbb" },
      "sovereign:targets": [{ provider: "kubernetes", kubeconfig: { secure: "v1:ccc:ddd" } }],
      "scaleway:region": "fr-par",
    };
    expect(secureConfigValuesOf(config)).toEqual(["v1:aaa:bbb", "v1:ccc:ddd"]);
  });
});
