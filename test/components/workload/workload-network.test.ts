import { beforeEach, describe, expect, test } from "vitest";
import type { Recording } from "../../../cli/engine/recorder";
import { recordingMocks } from "../../helpers/mocks";
import { SELECTOR, T, build, meta } from "./harness";

let recording: Recording;
beforeEach(() => {
  recording = recordingMocks();
});

describe("Workload network and scaling", () => {
  test("exposes the pods through a ClusterIP Service on port 80", async () => {
    const { find } = await build(recording);
    const service = find(T.service, "shop-service").inputs;
    expect([service.metadata, service.spec]).toEqual([
      meta("shop"),
      {
        type: "ClusterIP",
        selector: SELECTOR,
        ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
      },
    ]);
  });

  test("routes the host through the platform's ingress class with a cert-manager TLS certificate", async () => {
    const { find } = await build(recording);
    const ingress = find(T.ingress, "shop-ingress").inputs;
    expect([ingress.metadata, ingress.spec]).toEqual([
      { ...meta("shop"), annotations: { "cert-manager.io/cluster-issuer": "sovereign-acme" } },
      {
        ingressClassName: "traefik",
        tls: [{ hosts: ["shop.par.apps.example.eu"], secretName: "shop-tls" }],
        rules: [
          {
            host: "shop.par.apps.example.eu",
            http: {
              paths: [
                {
                  path: "/",
                  pathType: "Prefix",
                  backend: { service: { name: "shop", port: { name: "http" } } },
                },
              ],
            },
          },
        ],
      },
    ]);
  });

  test("autoscales the Deployment from the target's replicas to maxFactor times them on CPU", async () => {
    const { find } = await build(recording);
    const hpa = find(T.hpa, "shop-autoscaler").inputs;
    expect([hpa.metadata, hpa.spec]).toEqual([
      meta("shop"),
      {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "shop" },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [
          {
            type: "Resource",
            resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
          },
        ],
      },
    ]);
  });

  test("budgets disruptions with maxUnavailable and always evicts unhealthy pods", async () => {
    const { find } = await build(recording, { replicas: 8 });
    const pdb = find(T.pdb, "shop-disruption-budget").inputs;
    expect([pdb.metadata, pdb.spec]).toEqual([
      meta("shop"),
      {
        maxUnavailable: 2,
        selector: { matchLabels: SELECTOR },
        unhealthyPodEvictionPolicy: "AlwaysAllow",
      },
    ]);
  });

  test("denies all traffic, then allows ingress, DNS, PostgreSQL and HTTPS egress", async () => {
    const { find } = await build(recording);
    const policy = (role: string) => {
      const { metadata, spec } = find(T.networkPolicy, `shop-${role}`).inputs;
      expect(metadata).toEqual(meta(role));
      return spec;
    };
    const podSelector = { matchLabels: SELECTOR };
    const egressTo = (port: number) => [{ ports: [{ protocol: "TCP", port }] }];
    expect(policy("default-deny")).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    expect(policy("allow-ingress")).toEqual({
      podSelector,
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { "kubernetes.io/metadata.name": "traefik" },
              },
            },
          ],
          ports: [{ protocol: "TCP", port: 8080 }],
        },
      ],
    });
    expect(policy("allow-acme-solver")).toEqual({
      podSelector: { matchLabels: { "acme.cert-manager.io/http01-solver": "true" } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "traefik" } } },
          ],
          ports: [{ protocol: "TCP", port: 8089 }],
        },
      ],
    });
    expect(policy("allow-dns")).toEqual({
      podSelector,
      policyTypes: ["Egress"],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
            },
          ],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    });
    expect(policy("allow-database")).toEqual({
      podSelector,
      policyTypes: ["Egress"],
      egress: egressTo(5432),
    });
    expect(policy("allow-object-store")).toEqual({
      podSelector,
      policyTypes: ["Egress"],
      egress: egressTo(443),
    });
  });
});
