import { describe, expect, test } from "vitest";
import { supportedMinors } from "../../../config/catalog/kubernetes-releases";
import {
  CRD_BUNDLES,
  DEFAULT_KUBERNETES_VERSION,
  readCrd,
  SCHEMA_VERSIONS,
} from "../../../config/kubernetes/sources";
import { schemaCatalog } from "../../../domain/kubernetes-schema/catalog";
import { crdSchemas } from "../../../domain/kubernetes-schema/crd";

/** The day the vendored minors and the default were chosen against upstream's support windows. */
const CHECKED_ON = "2026-12-02";

/** Every kind the vendored CRDs define, as `group/version Kind`. */
const CRD_KINDS = CRD_BUNDLES.flatMap((bundle) =>
  bundle.files.flatMap((file) =>
    crdSchemas(readCrd(bundle, file), true, "#").map(
      (crd) => [bundle.dir, crd.group, crd.version, crd.kind] as const,
    ),
  ),
);

describe("vendored Kubernetes schemas", () => {
  test("vendor only minors upstream supported when they were chosen, the default among them", () => {
    const supported = supportedMinors(CHECKED_ON);
    expect(supported).toEqual(["1.35", "1.36", "1.37"]);
    expect(SCHEMA_VERSIONS.every((minor) => supported.includes(minor))).toBe(true);
    expect(SCHEMA_VERSIONS).toContain(DEFAULT_KUBERNETES_VERSION);
  });

  test("cover the custom resources the platforms declare", () => {
    const kinds = CRD_KINDS.map(([, group, version, kind]) => `${group}/${version} ${kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "postgresql.cnpg.io/v1 Cluster",
        "postgresql.cnpg.io/v1 ScheduledBackup",
        "postgresql.cnpg.io/v1 Backup",
        "postgresql.cnpg.io/v1 Pooler",
        "barmancloud.cnpg.io/v1 ObjectStore",
        "cert-manager.io/v1 ClusterIssuer",
        "cert-manager.io/v1 Issuer",
        "cert-manager.io/v1 Certificate",
        "traefik.io/v1alpha1 IngressRoute",
        "traefik.io/v1alpha1 Middleware",
      ]),
    );
  });

  test.each(CRD_KINDS)(
    "%s: %s/%s %s compiles on the default minor",
    (_dir, group, version, kind) => {
      const catalog = schemaCatalog(DEFAULT_KUBERNETES_VERSION, true);
      const schema = catalog.schemaOf({
        group,
        version,
        kind,
        apiVersion: `${group}/${version}`,
        patch: false,
      });
      expect(schema?.origin.kind).toBe("crd");
    },
  );

  test.each(SCHEMA_VERSIONS.map((minor) => [minor]))(
    "%s defines the built-in kinds the workload declares",
    (minor) => {
      const catalog = schemaCatalog(minor, true);
      const kinds = [
        ["", "v1", "Namespace"],
        ["apps", "v1", "Deployment"],
        ["batch", "v1", "CronJob"],
        ["policy", "v1", "PodDisruptionBudget"],
        ["autoscaling", "v2", "HorizontalPodAutoscaler"],
        ["networking.k8s.io", "v1", "NetworkPolicy"],
      ] as const;
      const origins = kinds.map(
        ([group, version, kind]) =>
          catalog.schemaOf({ group, version, kind, apiVersion: version, patch: false })?.origin
            .kind,
      );
      expect(origins).toEqual(kinds.map(() => "openapi"));
    },
  );
});
