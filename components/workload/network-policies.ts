/**
 * The workload's NetworkPolicies: deny everything in the namespace, then allow only what it needs (traffic from the
 * ingress controller, DNS, and the egress of each wired connection). Pure: the rules are data, tested directly.
 */
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { CONNECTIONS, type ConnectionName } from "./secrets";

type NetworkPolicySpec = k8s.types.input.networking.v1.NetworkPolicySpec;

/**
 * Namespace of the ingress controller. The platform installs the controller there and the workload admits
 * traffic from it only; both import this constant.
 */
export const INGRESS_NAMESPACE = "traefik";

/**
 * cert-manager's HTTP-01 solver pods, which it runs in the Ingress's namespace for each challenge: their label and
 * port (cert-manager `pkg/apis/acme/v1/types.go` `SolverIdentificationLabelKey`, set to "true" in
 * `pkg/issuer/acme/http/pod.go`; `pkg/issuer/acme/http/http.go` `acmeSolverListenPort`). Without a policy admitting
 * the ingress controller to them, `default-deny` fails every challenge and no certificate is issued.
 */
export const ACME_HTTP01_SOLVER = {
  label: "acme.cert-manager.io/http01-solver",
  port: 8089,
} as const;

/** Namespace of the cluster DNS (CoreDNS / kube-dns) on every managed Kubernetes we target. */
export const DNS_NAMESPACE = "kube-system";

/** Label the API server sets on every namespace (Kubernetes ≥ 1.22), so policies can select namespaces by name. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

const DNS_PORT = 53;

/** One NetworkPolicy: its role names the child (`${name}-<role>`) and the Kubernetes object. */
export interface NamedNetworkPolicy {
  readonly role: string;
  readonly spec: NetworkPolicySpec;
}

/** A wired connection and the TCP port its egress reaches. */
export interface ConnectionEgress {
  readonly connection: ConnectionName;
  readonly port: pulumi.Input<number>;
}

export interface NetworkPolicyArgs {
  /** Labels selecting this workload's pods. */
  readonly selector: Readonly<Record<string, string>>;
  /** The container port the ingress controller reaches. */
  readonly port: number;
  readonly egress: readonly ConnectionEgress[];
}

const inNamespace = (name: string) => ({
  namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: name } },
});

/**
 * Policies in order: `default-deny` (every pod of the namespace, both directions), `allow-ingress`,
 * `allow-acme-solver` (the ingress controller to cert-manager's HTTP-01 solver pods), `allow-dns`, then
 * `allow-<connection role>` per wired connection. Connection egress names a port, not a destination: managed
 * PostgreSQL and S3 endpoints sit outside the cluster at addresses the provider may change.
 */
export function networkPolicies(args: NetworkPolicyArgs): NamedNetworkPolicy[] {
  const podSelector = { matchLabels: { ...args.selector } };
  return [
    { role: "default-deny", spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
    {
      role: "allow-ingress",
      spec: {
        podSelector,
        policyTypes: ["Ingress"],
        ingress: [
          { from: [inNamespace(INGRESS_NAMESPACE)], ports: [{ protocol: "TCP", port: args.port }] },
        ],
      },
    },
    {
      role: "allow-acme-solver",
      spec: {
        podSelector: { matchLabels: { [ACME_HTTP01_SOLVER.label]: "true" } },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [inNamespace(INGRESS_NAMESPACE)],
            ports: [{ protocol: "TCP", port: ACME_HTTP01_SOLVER.port }],
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
            to: [inNamespace(DNS_NAMESPACE)],
            ports: [
              { protocol: "UDP", port: DNS_PORT },
              { protocol: "TCP", port: DNS_PORT },
            ],
          },
        ],
      },
    },
    ...args.egress.map(({ connection, port }) => ({
      role: `allow-${CONNECTIONS[connection].role}`,
      spec: {
        podSelector,
        policyTypes: ["Egress"],
        egress: [{ ports: [{ protocol: "TCP", port }] }],
      },
    })),
  ];
}
