import { describe, expect, test } from "vitest";
import { CONTAINER_SIZES, SIZE_CLASSES } from "../../../config/catalog/sizes";
import {
  CONTAINER_SECURITY_CONTEXT,
  POD_SECURITY_CONTEXT,
  containerSpec,
  podSpec,
  probesOf,
  resourcesOf,
  spreadConstraints,
} from "../../../components/workload/container";
import { workloadConfig } from "./fixtures";

const SELECTOR = { "app.kubernetes.io/name": "shop", "app.kubernetes.io/instance": "shop" };
const ENV = [{ name: "LOG_LEVEL", value: "info" }];

describe("probesOf", () => {
  test("probes the health path through the named port, with a slow-start budget for startup", () => {
    const httpGet = { path: "/ready", port: "http", scheme: "HTTP" };
    expect(probesOf("/ready")).toEqual({
      startupProbe: { httpGet, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 30 },
      livenessProbe: { httpGet, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
      readinessProbe: { httpGet, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
    });
  });
});

describe("resourcesOf", () => {
  test.each(SIZE_CLASSES)("gives size %s the catalog's requests and limits", (size) => {
    expect(resourcesOf(size)).toEqual(CONTAINER_SIZES[size]);
  });

  test("returns a copy, so editing a spec never edits the catalog", () => {
    const resources = resourcesOf("small");
    resources.limits.cpu = "99";
    expect(CONTAINER_SIZES.small.limits.cpu).toBe("500m");
  });
});

describe("security contexts", () => {
  test("run the container as user 10001, read-only, without privileges or capabilities", () => {
    expect(CONTAINER_SECURITY_CONTEXT).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
  });

  test("run the pod as non-root with RuntimeDefault seccomp and volumes owned by group 10001", () => {
    expect(POD_SECURITY_CONTEXT).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: "RuntimeDefault" },
    });
  });
});

describe("containerSpec", () => {
  test("builds the hardened container from the declaration", () => {
    const workload = workloadConfig({ size: "medium", port: 3000, healthPath: "/health" });
    expect(containerSpec(workload, ENV)).toEqual({
      name: "shop",
      image: "rg.fr-par.scw.cloud/acme/shop:1.4.2",
      imagePullPolicy: "IfNotPresent",
      ports: [{ name: "http", containerPort: 3000, protocol: "TCP" }],
      env: ENV,
      resources: CONTAINER_SIZES.medium,
      securityContext: CONTAINER_SECURITY_CONTEXT,
      ...probesOf("/health"),
      volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
    });
  });
});

describe("spreadConstraints", () => {
  test("prefers spreading across zones, then nodes, without refusing to schedule", () => {
    const labelSelector = { matchLabels: SELECTOR };
    expect(spreadConstraints(SELECTOR)).toEqual([
      {
        maxSkew: 1,
        topologyKey: "topology.kubernetes.io/zone",
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector,
      },
      {
        maxSkew: 1,
        topologyKey: "kubernetes.io/hostname",
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector,
      },
    ]);
  });
});

describe("podSpec", () => {
  test("mounts no API token, an emptyDir at /tmp, and spreads the pods", () => {
    const workload = workloadConfig();
    expect(podSpec({ workload, serviceAccountName: "shop", selector: SELECTOR, env: ENV })).toEqual(
      {
        serviceAccountName: "shop",
        automountServiceAccountToken: false,
        enableServiceLinks: false,
        securityContext: POD_SECURITY_CONTEXT,
        containers: [containerSpec(workload, ENV)],
        volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
        topologySpreadConstraints: spreadConstraints(SELECTOR),
      },
    );
  });
});
