import { describe, expect, test } from "vitest";
import {
  DNS_NAMESPACE,
  INGRESS_NAMESPACE,
  networkPolicies,
} from "../../../components/workload/network-policies";

const SELECTOR = { "app.kubernetes.io/name": "shop", "app.kubernetes.io/instance": "shop" };
const podSelector = { matchLabels: SELECTOR };
/** Traffic from the ingress controller's namespace, as both ingress rules admit it. */
const FROM_CONTROLLER = [
  { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "traefik" } } },
];

describe("networkPolicies", () => {
  test("uses the namespaces of the ingress controller and the cluster DNS", () => {
    expect([INGRESS_NAMESPACE, DNS_NAMESPACE]).toEqual(["traefik", "kube-system"]);
  });

  test("denies everything, then admits the ingress controller to the workload and to the HTTP-01 solver, DNS, then each connection", () => {
    const policies = networkPolicies({
      selector: SELECTOR,
      port: 8080,
      egress: [
        { connection: "database", port: 5432 },
        { connection: "objectStore", port: 443 },
      ],
    });
    expect(policies).toEqual([
      { role: "default-deny", spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
      {
        role: "allow-ingress",
        spec: {
          podSelector,
          policyTypes: ["Ingress"],
          ingress: [
            {
              from: FROM_CONTROLLER,
              ports: [{ protocol: "TCP", port: 8080 }],
            },
          ],
        },
      },
      {
        role: "allow-acme-solver",
        spec: {
          podSelector: { matchLabels: { "acme.cert-manager.io/http01-solver": "true" } },
          policyTypes: ["Ingress"],
          ingress: [
            {
              from: FROM_CONTROLLER,
              ports: [{ protocol: "TCP", port: 8089 }],
            },
          ],
        },
      },
      {
        role: "allow-dns",
        spec: {
          podSelector,
          policyTypes: ["Egress"],
          egress: [
            {
              to: [
                {
                  namespaceSelector: {
                    matchLabels: { "kubernetes.io/metadata.name": "kube-system" },
                  },
                },
              ],
              ports: [
                { protocol: "UDP", port: 53 },
                { protocol: "TCP", port: 53 },
              ],
            },
          ],
        },
      },
      {
        role: "allow-database",
        spec: {
          podSelector,
          policyTypes: ["Egress"],
          egress: [{ ports: [{ protocol: "TCP", port: 5432 }] }],
        },
      },
      {
        role: "allow-object-store",
        spec: {
          podSelector,
          policyTypes: ["Egress"],
          egress: [{ ports: [{ protocol: "TCP", port: 443 }] }],
        },
      },
    ]);
  });

  test("opens no egress beyond DNS when no connection is wired", () => {
    const policies = networkPolicies({ selector: SELECTOR, port: 8080, egress: [] });
    expect(policies.map((p) => p.role)).toEqual([
      "default-deny",
      "allow-ingress",
      "allow-acme-solver",
      "allow-dns",
    ]);
  });
});
