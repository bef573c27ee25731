import { beforeEach, describe, expect, test } from "vitest";
import type { Recording } from "../../../cli/engine/recorder";
import {
  CONTAINER_SECURITY_CONTEXT,
  POD_SECURITY_CONTEXT,
  probesOf,
} from "../../../components/workload";
import { recordingMocks } from "../../helpers/mocks";
import { DB_PASSWORD, S3_ACCESS_KEY, S3_SECRET_KEY, SECRET_VALUES } from "./fixtures";
import { LABELS, PG_KEYS, S3_KEYS, SELECTOR, T, build, meta } from "./harness";

let recording: Recording;
beforeEach(() => {
  recording = recordingMocks();
});

describe("Workload pods and secrets", () => {
  test("names the namespace after the workload and enforces the restricted pod security standard", async () => {
    const { find } = await build(recording);
    expect(find(T.namespace, "shop-namespace").inputs.metadata).toEqual({
      name: "shop",
      labels: {
        ...LABELS,
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "latest",
      },
    });
  });

  test("runs the pods under a ServiceAccount that mounts no API token", async () => {
    const { find } = await build(recording);
    const serviceAccount = find(T.serviceAccount, "shop-service-account").inputs;
    expect([serviceAccount.metadata, serviceAccount.automountServiceAccountToken]).toEqual([
      meta("shop"),
      false,
    ]);
  });

  test("deploys the replicas of the target as hardened, probed, resource-bounded pods", async () => {
    const { find } = await build(recording);
    const deployment = find(T.deployment, "shop").inputs as {
      metadata: unknown;
      spec: {
        replicas: number;
        selector: unknown;
        strategy: unknown;
        template: {
          metadata: unknown;
          spec: Record<string, unknown> & { containers: Record<string, unknown>[] };
        };
      };
    };
    const { spec } = deployment;
    const pod = spec.template.spec;
    const [container] = pod.containers;
    expect(deployment.metadata).toEqual(meta("shop"));
    expect([spec.replicas, spec.selector, spec.strategy, spec.template.metadata]).toEqual([
      2,
      { matchLabels: SELECTOR },
      { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      { labels: LABELS },
    ]);
    expect(pod.containers).toHaveLength(1);
    expect({ ...pod, containers: undefined }).toEqual({
      serviceAccountName: "shop",
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: POD_SECURITY_CONTEXT,
      imagePullSecrets: [{ name: "sovereign-registry" }],
      containers: undefined,
      volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: "topology.kubernetes.io/zone",
          whenUnsatisfiable: "ScheduleAnyway",
          labelSelector: { matchLabels: SELECTOR },
        },
        {
          maxSkew: 1,
          topologyKey: "kubernetes.io/hostname",
          whenUnsatisfiable: "ScheduleAnyway",
          labelSelector: { matchLabels: SELECTOR },
        },
      ],
    });
    expect({ ...container, env: undefined }).toEqual({
      name: "shop",
      // The copy in the target's own registry, not the build registry's image.
      image: "rg.fr-par.scw.cloud/eu-fleet-par-registry/shop:1.4.2",
      imagePullPolicy: "IfNotPresent",
      ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
      env: undefined,
      resources: {
        requests: { cpu: "100m", memory: "128Mi" },
        limits: { cpu: "500m", memory: "256Mi" },
      },
      securityContext: CONTAINER_SECURITY_CONTEXT,
      ...probesOf("/healthz"),
      volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
    });
  });

  test("wires plain env as values and every connection variable from its Secret", async () => {
    const { find } = await build(recording);
    const spec = find(T.deployment, "shop").inputs.spec as {
      template: { spec: { containers: { env: unknown[] }[] } };
    };
    const fromSecret = (secret: string, key: string) => ({
      name: key,
      valueFrom: { secretKeyRef: { name: secret, key, optional: false } },
    });
    expect(spec.template.spec.containers[0]?.env).toEqual([
      { name: "FEATURE_CART", value: "on" },
      { name: "LOG_LEVEL", value: "info" },
      ...PG_KEYS.map((k) => fromSecret("shop-database", k)),
      ...S3_KEYS.map((k) => fromSecret("shop-object-store", k)),
    ]);
  });

  test("keeps the connections in Secrets whose whole stringData is recorded as secret", async () => {
    const { find } = await build(recording);
    const database = find(T.secret, "shop-database");
    const objectStore = find(T.secret, "shop-object-store");
    expect([database.inputs, objectStore.inputs]).toEqual([
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: meta("shop-database"),
        type: "Opaque",
        stringData: {
          PGHOST: "10.10.0.5",
          PGPORT: "5432",
          PGDATABASE: "shop",
          PGUSER: "shop_app",
          PGPASSWORD: DB_PASSWORD,
          PGSSLMODE: "require",
        },
      },
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: meta("shop-object-store"),
        type: "Opaque",
        stringData: {
          S3_ENDPOINT: "https://s3.fr-par.scw.cloud",
          S3_BUCKET: "eu-fleet-par-shop-1a2b3c",
          S3_REGION: "fr-par",
          AWS_ACCESS_KEY_ID: S3_ACCESS_KEY,
          AWS_SECRET_ACCESS_KEY: S3_SECRET_KEY,
        },
      },
    ]);
    expect([[...database.secretPaths].sort(), [...objectStore.secretPaths].sort()]).toEqual([
      ["PGDATABASE", "PGHOST", "PGPASSWORD", "PGPORT", "PGSSLMODE", "PGUSER"].map(
        (k) => `stringData.${k}`,
      ),
      ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "S3_BUCKET", "S3_ENDPOINT", "S3_REGION"].map(
        (k) => `stringData.${k}`,
      ),
    ]);
  });

  test("lets passwords and keys appear in no input but the Secrets' stringData", async () => {
    const { resources } = await build(recording);
    const leaks = resources.flatMap((r) => {
      const { stringData: _stringData, ...rest } = r.inputs;
      const text = JSON.stringify(rest);
      return SECRET_VALUES.filter((v) => text.includes(v)).map((v) => `${r.name}: ${v}`);
    });
    const holders = resources
      .filter((r) => SECRET_VALUES.some((v) => JSON.stringify(r.inputs).includes(v)))
      .map((r) => r.name)
      .sort();
    expect([leaks, holders]).toEqual([[], ["shop-database", "shop-object-store"]]);
  });
});
