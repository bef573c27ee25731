import { stringify } from "yaml";
import { describe, expect, test } from "vitest";
import { endpointKubeconfigEnforceEuServer as policy } from "../../../../policies/rules/endpoint/enforce-eu-server";
import { SECRET_PLACEHOLDER } from "../../../../domain/offline-placeholders";
import { validate } from "../../fixtures/args";
import { EU_SERVERS, kubeconfigObject, kubernetesProvider } from "../../fixtures/kubernetes";
import { deferred, OFFLINE_UNKNOWN } from "../../fixtures/messages";

const NAME = "endpoint-kubeconfig-enforce-eu-server";
const FIX =
  "Point the provider at a cluster of an EU vendor (Kapsule, MKS, SKE), or list the host in allowedEndpoints in this policy's config if your security team accepts it.";
const EKS = "https://4F2A9C1B7E3D5A6B8C9D0E1F2A3B4C5D.gr7.eu-west-3.eks.amazonaws.com";
const EKS_REASON = `API server '${EKS}' of cluster 'main' is Amazon EKS, run by Amazon Web Services (seat US, subject to the US CLOUD Act), which is not an EU vendor. ${FIX}`;

type Json = Record<string, unknown>;

/**
 * A kubeconfig as a program builds it around a `secure:` token (`pulumi.interpolate` over `requireSecret`): the
 * offline engine's placeholder sits where the token goes, the rest is plain.
 */
function withSecretToken(
  server: string,
  cluster: Json = {},
  format: "yaml" | "json" = "yaml",
): string {
  const doc = kubeconfigObject({ server });
  const clusters = doc.clusters as { cluster: Json }[];
  const [main] = clusters;
  if (main) main.cluster = { ...main.cluster, ...cluster };
  doc.users = [{ name: "main", user: { token: SECRET_PLACEHOLDER } }];
  return format === "yaml" ? stringify(doc) : JSON.stringify(doc);
}

describe("endpoint-kubeconfig-enforce-eu-server on a kubeconfig with a secret part", () => {
  test.each(["yaml", "json"] as const)(
    "fails when the plain server of a %s kubeconfig with a secret token is EKS",
    async (format) => {
      const kubeconfig = withSecretToken(EKS, {}, format);
      expect(await validate(policy, kubernetesProvider({ kubeconfig }))).toEqual({
        violations: [EKS_REASON],
      });
    },
  );

  test("passes an EU server whose token is secret, with nothing left to defer", async () => {
    const kubeconfig = withSecretToken(EU_SERVERS.kapsule);
    expect(await validate(policy, kubernetesProvider({ kubeconfig }))).toEqual({ violations: [] });
  });

  test("fails when the plain proxy-url of a kubeconfig with a secret token cannot be placed", async () => {
    const kubeconfig = withSecretToken(EU_SERVERS.kapsule, {
      "proxy-url": "http://squid.us-east.example.com:3128",
    });
    expect(await validate(policy, kubernetesProvider({ kubeconfig }))).toEqual({
      violations: [
        `proxy 'http://squid.us-east.example.com:3128' of cluster 'main', through which every API request passes, cannot be placed: host 'squid.us-east.example.com' matches no pattern in the catalog (config/catalog/hosts.ts). ${FIX}`,
      ],
    });
  });

  test("passes a proxy the pack config lists", async () => {
    const kubeconfig = withSecretToken(EU_SERVERS.kapsule, {
      "proxy-url": "http://proxy.corp.example.eu:3128",
    });
    expect(
      await validate(policy, kubernetesProvider({ kubeconfig }), {
        [NAME]: { allowedEndpoints: ["proxy.corp.example.eu"] },
      }),
    ).toEqual({ violations: [] });
  });

  test("defers only the server the secret hides", async () => {
    const kubeconfig = withSecretToken(SECRET_PLACEHOLDER, {
      "proxy-url": "http://squid.us-east.example.com:3128",
    });
    expect(await validate(policy, kubernetesProvider({ kubeconfig }))).toEqual({
      violations: [
        `proxy 'http://squid.us-east.example.com:3128' of cluster 'main', through which every API request passes, cannot be placed: host 'squid.us-east.example.com' matches no pattern in the catalog (config/catalog/hosts.ts). ${FIX}`,
      ],
      deferred: deferred(NAME, `kubeconfig cluster 'main' server is ${OFFLINE_UNKNOWN}`),
    });
  });

  test("defers when the secret part selects the context", async () => {
    const doc = kubeconfigObject({ server: EKS });
    doc["current-context"] = SECRET_PLACEHOLDER;
    expect(await validate(policy, kubernetesProvider({ kubeconfig: stringify(doc) }))).toEqual({
      violations: [],
      deferred: deferred(NAME, `kubeconfig is ${OFFLINE_UNKNOWN}`),
    });
  });
});
