/**
 * Every stack in stacks/, planned offline, declares only Kubernetes objects and custom resources that the
 * upstream schemas of every vendored Kubernetes minor accept, and no API those minors removed.
 */
import { readdirSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { SCHEMA_VERSIONS } from "../../config/kubernetes/sources";
import { schemaCatalog } from "../../domain/kubernetes-schema/catalog";
import { groupVersionKindOf } from "../../domain/kubernetes-schema/gvk";
import { apiStatusIn } from "../../domain/kubernetes-schema/removed-apis";
import { validateKubernetesObject } from "../../domain/kubernetes-schema/validate";
import { rawOf, unknownCause } from "../../policies/lib/unknown";
import { spyPack } from "../cli/run-cli";
import { checkToolkit, ROOT } from "./helpers";

const STACKS = readdirSync(path.join(ROOT, "stacks"))
  .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
  .filter((stack): stack is string => stack !== undefined);

interface Declared {
  readonly stack: string;
  readonly name: string;
  readonly type: string;
  readonly object: unknown;
}

/** Filled by the planning tests, judged by the validation tests that follow them. */
const declared: Declared[] = [];

const isUnknown = (value: unknown) => unknownCause(value) !== undefined;

describe("Kubernetes objects of every stack", () => {
  test.each(STACKS.map((stack) => [stack]))(
    "%s plans and declares Kubernetes objects",
    async (stack) => {
      const { source, seen } = spyPack();
      const run = await checkToolkit(["--stack", stack, "--assume-config"], source);
      expect(run.code).toBe(0);
      const objects = [...seen.values()].filter((args) => groupVersionKindOf(args.type));
      expect(objects.length).toBeGreaterThan(0);
      for (const args of objects)
        declared.push({ stack, name: args.name, type: args.type, object: rawOf(args.props) });
    },
    120_000,
  );

  test.each(SCHEMA_VERSIONS.map((minor) => [minor]))(
    "all validate against the Kubernetes %s schemas and their CRDs, none on a removed or deprecated API",
    (minor) => {
      expect(declared.map((d) => d.stack)).toEqual(expect.arrayContaining(STACKS));
      const catalog = schemaCatalog(minor, true);
      const problems: string[] = [];
      const origins = new Set<string>();
      for (const { stack, name, type, object } of declared) {
        const gvk = groupVersionKindOf(type);
        if (gvk === undefined) continue;
        const verdict = validateKubernetesObject(catalog, gvk, object, isUnknown);
        if (verdict.kind !== "checked") problems.push(`${stack} ${name}: ${verdict.message}`);
        else {
          origins.add(verdict.origin.kind === "crd" ? `${gvk.group} (CRD)` : "openapi");
          for (const f of verdict.findings)
            problems.push(`${stack} ${name}: ${f.path} ${f.message}`);
        }
        const status = apiStatusIn(gvk, minor);
        if (status !== undefined) problems.push(`${stack} ${name}: ${status.message}`);
      }
      expect(problems).toEqual([]);
      // The stacks declare built-in objects, CloudNativePG custom resources and Traefik's Middleware: all judged.
      expect([...origins]).toEqual(
        expect.arrayContaining(["openapi", "postgresql.cnpg.io (CRD)", "traefik.io (CRD)"]),
      );
    },
  );
});
