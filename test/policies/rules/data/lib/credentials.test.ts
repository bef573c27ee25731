import { describe, expect, test } from "vitest";
import {
  CREDENTIAL_NAME_DEFAULTS,
  credentialWordOf,
  embedsUriPassword,
  nameWords,
} from "../../../../../policies/rules/data/lib/credentials";

describe("nameWords", () => {
  test.each([
    ["DB_PASSWORD", ["DB", "PASSWORD"]],
    ["dbPassword", ["DB", "PASSWORD"]],
    ["tls-secret.name", ["TLS", "SECRET", "NAME"]],
    ["S3ApiKey", ["S3", "API", "KEY"]],
  ])("splits %s", (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe("credentialWordOf", () => {
  test.each([
    ["PGPASSWORD", "PASSWORD"],
    ["PASSWORDLESS_LOGIN", undefined],
    ["PG_PASSWORD", "PASSWORD"],
    ["apiKey", "API_KEY"],
    ["ACCESS_KEY_ID", "ACCESS_KEY"],
    ["KEY_ACCESS", undefined],
    ["PASSWORD_FILE", undefined],
    ["SECRET_NAME", undefined],
    ["SECRETARY", undefined],
    ["TOKENS", undefined],
    ["", undefined],
  ])("%s → %s", (name, word) => {
    expect(credentialWordOf(name, CREDENTIAL_NAME_DEFAULTS)).toBe(word);
  });
});

describe("embedsUriPassword", () => {
  test.each([
    ["postgresql://shop:hunter2@db/shop", true],
    ["jdbc:postgresql://shop:pw@db:5432/shop", true],
    ["https://user:token@git.example.eu/repo.git", true],
    ["postgresql://shop@db/shop", false],
    ["postgresql://shop:@db/shop", false],
    ["postgresql://shop:$(PGPASSWORD)@db/shop", false],
    ["postgresql://shop:${PGPASSWORD}@db/shop", false],
    ["mailto:ops@example.eu", false],
    ["host=db password=x", false],
  ])("%s → %s", (value, embeds) => {
    expect(embedsUriPassword(value)).toBe(embeds);
  });
});
