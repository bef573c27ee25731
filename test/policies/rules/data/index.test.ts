import { describe, expect, test } from "vitest";
import { dataPolicies } from "../../../../policies/rules/data";

const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

describe("dataPolicies", () => {
  test("lists the data-protection policies in report order", () => {
    expect(dataPolicies.map((p) => p.name)).toEqual([
      "data-bucket-disallow-public-access",
      "data-bucket-enable-versioning",
      "data-bucket-enable-encryption",
      "data-bucket-missing-encryption-configuration",
      "data-database-enable-backups",
      "data-database-enable-encryption-at-rest",
      "data-database-disallow-internet-access",
      "data-postgres-enforce-tls",
      "data-stateful-enforce-protection",
      "data-container-disallow-plaintext-credentials",
      "data-configmap-disallow-credentials",
      "data-cloud-enforce-secret-credentials",
    ]);
  });

  test.each(dataPolicies.map((p) => [p.name, p] as const))(
    "%s ships mandatory in data-protection",
    (_name, policy) => {
      expect([policy.pack, policy.area, policy.enforcementLevel]).toEqual([
        "data-protection",
        "data",
        "mandatory",
      ]);
      expect(policy.description).toMatch(/^[A-Z].*\.$/);
      expect(policy.remediationSteps.length).toBeGreaterThan(40);
    },
  );

  test.each(dataPolicies.map((p) => [p.name, p] as const))(
    "%s lives in a file named after its verb and what, exported in camelCase",
    async (name, policy) => {
      const file = name.split("-").slice(2).join("-");
      const module = (await import(`../../../../policies/rules/data/${file}.ts`)) as Record<
        string,
        unknown
      >;
      expect(module[camel(name)]).toBe(policy);
    },
  );

  test("declares a default for every config setting except the optional stack name", () => {
    const missing = dataPolicies.flatMap((p) =>
      Object.entries(p.configSchema?.properties ?? {})
        .filter(
          ([key, schema]) =>
            key !== "stackName" && (typeof schema === "boolean" || schema.default === undefined),
        )
        .map(([key]) => `${p.name}.${key}`),
    );
    expect(missing).toEqual([]);
  });
});
