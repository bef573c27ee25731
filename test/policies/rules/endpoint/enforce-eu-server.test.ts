import { describe, expect, test } from "vitest";
import { endpointKubeconfigEnforceEuServer as policy } from "../../../../policies/rules/endpoint/enforce-eu-server";
import { SECRET_PLACEHOLDER } from "../../../../domain/offline-placeholders";
import { defaultProvider, UNKNOWN, validate, type ResourceSpec } from "../../fixtures/args";
import {
  EU_SERVERS,
  kubeconfigJson,
  kubeconfigYaml,
  kubernetesProvider,
} from "../../fixtures/kubernetes";
import { deferred, OFFLINE_UNKNOWN, OVH_EU_SITES, PREVIEW_UNKNOWN } from "../../fixtures/messages";

const NAME = "endpoint-kubeconfig-enforce-eu-server";
const FIX =
  "Point the provider at a cluster of an EU vendor (Kapsule, MKS, SKE), or list the host in allowedEndpoints in this policy's config if your security team accepts it.";
const US_VENDOR = (service: string, vendor: string) =>
  `is ${service}, run by ${vendor} (seat US, subject to the US CLOUD Act), which is not an EU vendor. ${FIX}`;
const EKS = "https://4F2A9C1B7E3D5A6B8C9D0E1F2A3B4C5D.gr7.eu-west-3.eks.amazonaws.com";
const AKS = "https://shop-dns-1a2b3c4d.hcp.westeurope.azmk8s.io:443";
const server = (url: string, cluster = "main") => `API server '${url}' of cluster '${cluster}'`;
const unplaceable = (url: string, host: string) =>
  `${server(url)} cannot be placed: host '${host}' matches no pattern in the catalog (config/catalog/hosts.ts). ${FIX}`;
const asDefault = (props: Record<string, unknown>): ResourceSpec => {
  const p = defaultProvider("kubernetes", props);
  return { type: p.type, name: p.name, props: p.props };
};

describe("endpoint-kubeconfig-enforce-eu-server", () => {
  describe("passes EU clusters", () => {
    test.each(Object.entries(EU_SERVERS))("passes a YAML kubeconfig for %s", async (_name, url) => {
      expect(
        await validate(policy, kubernetesProvider({ kubeconfig: kubeconfigYaml({ server: url }) })),
      ).toEqual({ violations: [] });
    });

    test.each(Object.entries(EU_SERVERS))("passes a JSON kubeconfig for %s", async (_name, url) => {
      expect(
        await validate(policy, kubernetesProvider({ kubeconfig: kubeconfigJson({ server: url }) })),
      ).toEqual({ violations: [] });
    });

    test("passes the default provider built from kubernetes:kubeconfig in stack config", async () => {
      expect(
        await validate(
          policy,
          asDefault({ kubeconfig: kubeconfigYaml({ server: EU_SERVERS.ske }) }),
        ),
      ).toEqual({ violations: [] });
    });

    test("passes when context selects the EU cluster of a kubeconfig that also holds an EKS cluster", async () => {
      const kubeconfig = kubeconfigYaml({
        server: EU_SERVERS.mks,
        others: { eks: EKS },
        currentContext: "eks",
      });
      expect(await validate(policy, kubernetesProvider({ kubeconfig, context: "main" }))).toEqual({
        violations: [],
      });
    });

    test("passes when cluster overrides the context's cluster", async () => {
      const kubeconfig = kubeconfigYaml({ server: EKS, others: { ske: EU_SERVERS.ske } });
      expect(await validate(policy, kubernetesProvider({ kubeconfig, cluster: "ske" }))).toEqual({
        violations: [],
      });
    });

    test("passes an on-premises host listed in allowedEndpoints", async () => {
      const spec = kubernetesProvider({
        kubeconfig: kubeconfigYaml({ server: "https://10.20.0.5:6443" }),
      });
      expect(await validate(policy, spec, { [NAME]: { allowedEndpoints: ["10.20.0.5"] } })).toEqual(
        { violations: [] },
      );
    });

    test("passes a host under a *.domain entry of allowedEndpoints", async () => {
      const spec = kubernetesProvider({
        kubeconfig: kubeconfigYaml({ server: "https://api.prod.k8s.example.eu" }),
      });
      expect(
        await validate(policy, spec, { [NAME]: { allowedEndpoints: ["*.k8s.example.eu"] } }),
      ).toEqual({ violations: [] });
    });

    test("is not applicable to other providers", async () => {
      expect(await validate(policy, { type: "pulumi:providers:scaleway", props: {} })).toEqual({
        violations: [],
        notApplicable: "only Kubernetes providers",
      });
    });
  });

  describe("blocks clusters it cannot place in the EU", () => {
    test.each<[string, string, string]>([
      ["Amazon EKS", EKS, US_VENDOR("Amazon EKS", "Amazon Web Services")],
      ["Azure AKS", AKS, US_VENDOR("Azure AKS", "Microsoft Azure")],
      [
        "Google GKE (DNS endpoint)",
        "https://gke-0a1b2c3d.europe-west1.gke.goog",
        US_VENDOR("Google GKE", "Google Cloud"),
      ],
      [
        "DigitalOcean",
        "https://3e1f6a2b-aaaa-bbbb-cccc-0123456789ab.k8s.ondigitalocean.com",
        US_VENDOR("DigitalOcean Kubernetes", "DigitalOcean"),
      ],
    ])("fails when the kubeconfig points at %s", async (_name, url, reason) => {
      expect(
        await validate(policy, kubernetesProvider({ kubeconfig: kubeconfigYaml({ server: url }) })),
      ).toEqual({ violations: [`${server(url)} ${reason}`] });
    });

    test("fails when the default provider from stack config points at EKS", async () => {
      expect(
        await validate(policy, asDefault({ kubeconfig: kubeconfigJson({ server: EKS }) })),
      ).toEqual({
        violations: [`${server(EKS)} ${US_VENDOR("Amazon EKS", "Amazon Web Services")}`],
      });
    });

    test.each<[string, string, string | undefined, string]>([
      ["a bare IPv4", "https://34.77.120.5", undefined, "34.77.120.5"],
      ["a bare IPv6", "https://[2001:db8::1]:6443", undefined, "2001:db8::1"],
      ["an unknown host", "https://k8s.example.com", undefined, "k8s.example.com"],
    ])("fails when the server is %s", async (_name, url, _exec, host) => {
      expect(
        await validate(policy, kubernetesProvider({ kubeconfig: kubeconfigYaml({ server: url }) })),
      ).toEqual({ violations: [unplaceable(url, host)] });
    });

    test.each([
      ["gke-gcloud-auth-plugin", "Google GKE"],
      ["/usr/local/bin/aws", "Amazon EKS"],
      ["kubelogin", "Azure AKS"],
    ])("names the hyperscaler behind a bare IP whose user runs %s", async (exec, service) => {
      const url = "https://34.77.120.5";
      expect(
        await validate(
          policy,
          kubernetesProvider({ kubeconfig: kubeconfigYaml({ server: url, exec }) }),
        ),
      ).toEqual({
        violations: [
          `${unplaceable(url, "34.77.120.5")} Its user authenticates with '${exec}', which points to ${service}.`,
        ],
      });
    });

    test("fails when an MKS cluster is in Beauharnois", async () => {
      const url = "https://x7k2p9.c1.bhs5.k8s.ovh.net";
      expect(
        await validate(policy, kubernetesProvider({ kubeconfig: kubeconfigYaml({ server: url }) })),
      ).toEqual({
        violations: [
          `${server(url)} (OVHcloud Managed Kubernetes, site 'bhs5') is Beauharnois, CA (ADEQUACY), outside the allowed group 'eu'. Use one of ${OVH_EU_SITES}, or widen allowedGroup in this policy's config.`,
        ],
      });
    });

    test("fails on every cluster when nothing selects one", async () => {
      const kubeconfig = kubeconfigYaml({
        server: EU_SERVERS.kapsule,
        others: { eks: EKS },
        currentContext: null,
      });
      expect(await validate(policy, kubernetesProvider({ kubeconfig }))).toEqual({
        violations: [`${server(EKS, "eks")} ${US_VENDOR("Amazon EKS", "Amazon Web Services")}`],
      });
    });

    test("fails when the kubeconfig is a path", async () => {
      expect(
        await validate(policy, kubernetesProvider({ kubeconfig: "/home/ci/.kube/config" })),
      ).toEqual({
        violations: [
          "kubeconfig '/home/ci/.kube/config' is a file path, which a policy cannot read, so the API server cannot be placed. Pass the kubeconfig contents instead: pulumi config set --secret kubernetes:kubeconfig < /home/ci/.kube/config, or kubeconfig: <contents> on the provider.",
        ],
      });
    });

    test("fails when no kubeconfig is set", async () => {
      expect(await validate(policy, asDefault({}))).toEqual({
        violations: [
          "kubeconfig is not set, so the provider falls back to KUBECONFIG or ~/.kube/config, which no policy can read, and the API server cannot be placed. Set kubernetes:kubeconfig in the stack config (pulumi config set --secret kubernetes:kubeconfig < file) or kubeconfig on the provider to the kubeconfig contents.",
        ],
      });
    });

    test.each<[string, Record<string, unknown>, string]>([
      [
        "the context is not in the kubeconfig",
        { kubeconfig: kubeconfigYaml(), context: "prod" },
        "context 'prod' is not in it (contexts: main)",
      ],
      [
        "the cluster is not in the kubeconfig",
        { kubeconfig: kubeconfigYaml(), cluster: "prod" },
        "cluster 'prod' is not in it",
      ],
      [
        "the kubeconfig is a YAML list",
        { kubeconfig: "- a\n- b\n" },
        "it is not a YAML or JSON object",
      ],
    ])("fails when %s", async (_name, props, reason) => {
      expect(await validate(policy, kubernetesProvider(props))).toEqual({
        violations: [
          `kubeconfig cannot be read: ${reason}, so the API server cannot be placed. Pass a kubeconfig whose selected context names a cluster with a server.`,
        ],
      });
    });
  });

  describe("leaves values it cannot know yet to the engine", () => {
    test("defers a kubeconfig computed by the cluster being created", async () => {
      expect(await validate(policy, kubernetesProvider({ kubeconfig: UNKNOWN }))).toEqual({
        violations: [],
        deferred: deferred(NAME, `kubeconfig is ${PREVIEW_UNKNOWN}`),
      });
    });

    test("defers a kubeconfig the offline engine could not decrypt", async () => {
      expect(await validate(policy, asDefault({ kubeconfig: SECRET_PLACEHOLDER }))).toEqual({
        violations: [],
        deferred: deferred(NAME, `kubeconfig is ${OFFLINE_UNKNOWN}`),
      });
    });
  });
});
