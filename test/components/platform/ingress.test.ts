import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  chartCommonLabels,
  createIngressController,
  ingressValues,
} from "../../../components/platform/ingress";
import { recordingMocks, settle, shapeOf, unwrap } from "../../helpers/mocks";
import { ownRegistryImages, privateRegistry, REGISTRY_PASSWORD } from "../images-fixture";
import type { TargetImages } from "../../../components/contract/types";

const OWN_LABELS = { "sovereign.eu/vendor": "stackit", "sovereign.eu/target": "ske" };
/** As contract/labels.ts builds them: the chart writes the app.kubernetes.io keys itself. */
const LABELS = {
  "app.kubernetes.io/part-of": "sovereign-deploy",
  "app.kubernetes.io/managed-by": "pulumi",
  ...OWN_LABELS,
};

const OWN = ownRegistryImages("eu-fleet-ske-registry");

async function build(images: TargetImages = OWN) {
  const recording = recordingMocks();
  const parent = new pulumi.ComponentResource("test:index:Parent", "parent");
  const provider = new k8s.Provider("cluster", { kubeconfig: "apiVersion: v1" }, { parent });
  const ingress = createIngressController(
    "ske",
    { provider, ingressClass: "nginx", labels: LABELS, images },
    parent,
  );
  const address = await unwrap(ingress.address);
  const resources = await settle(recording);
  const byName = (name: string) => resources.find((r) => r.name === name);
  return { address, resources, byName };
}

describe("createIngressController", () => {
  it("creates the namespace, the Helm release and our LoadBalancer Service through the cluster's provider", async () => {
    const { resources } = await build();
    expect(shapeOf(resources).filter((r) => r.parent === "parent")).toEqual([
      { type: "kubernetes:core/v1:Namespace", name: "ske-ingress-namespace", parent: "parent" },
      { type: "kubernetes:core/v1:Secret", name: "ske-ingress-pull-secret", parent: "parent" },
      { type: "kubernetes:core/v1:Service", name: "ske-ingress-load-balancer", parent: "parent" },
      { type: "kubernetes:helm.sh/v3:Release", name: "ske-ingress", parent: "parent" },
      { type: "pulumi:providers:kubernetes", name: "cluster", parent: "parent" },
    ]);
    for (const r of resources.filter((x) => x.type.startsWith("kubernetes:")))
      expect(r.provider).toMatch(/::cluster::/);
  });

  it("installs the pinned chart from the target's mirror, with the mirror's credential and pull Secret", async () => {
    const { byName } = await build();
    expect(byName("ske-ingress-namespace")?.inputs.metadata).toEqual({
      name: "ingress-nginx",
      labels: LABELS,
    });
    expect(byName("ske-ingress")?.inputs).toMatchObject({
      name: "ingress-nginx",
      namespace: "ingress-nginx",
      chart: "oci://rg.fr-par.scw.cloud/eu-fleet-ske-registry/charts/ingress-nginx",
      version: "4.12.1",
      repositoryOpts: { username: "nologin", password: REGISTRY_PASSWORD },
      values: {
        ...ingressValues("nginx", "rg.fr-par.scw.cloud/eu-fleet-ske-registry", [
          { name: "sovereign-registry" },
        ]),
        commonLabels: OWN_LABELS,
      },
    });
    const pull = byName("ske-ingress-pull-secret")?.inputs;
    expect(pull?.metadata).toEqual({
      name: "sovereign-registry",
      namespace: "ingress-nginx",
      labels: LABELS,
    });
    expect(pull?.type).toBe("kubernetes.io/dockerconfigjson");
    expect(
      JSON.parse((pull?.stringData as Record<string, string>)[".dockerconfigjson"] ?? ""),
    ).toEqual({
      auths: {
        "rg.fr-par.scw.cloud/eu-fleet-ske-registry": {
          username: "nologin",
          password: REGISTRY_PASSWORD,
          auth: Buffer.from(`nologin:${REGISTRY_PASSWORD}`).toString("base64"),
        },
      },
    });
  });

  it("pulls every image from the mirror it is given, without upstream digests", async () => {
    const mirror = { ...privateRegistry("harbor.example.eu/mirror"), credential: undefined };
    const { byName } = await build({ mirror, pullCredentials: [] });
    expect(byName("ske-ingress-pull-secret")).toBeUndefined();
    const values = byName("ske-ingress")?.inputs.values as {
      controller: { image: unknown; admissionWebhooks: { patch: { image: unknown } } };
    };
    expect(byName("ske-ingress")?.inputs.chart).toBe(
      "oci://harbor.example.eu/mirror/charts/ingress-nginx",
    );
    expect(values.controller.image).toEqual({
      registry: "harbor.example.eu/mirror",
      image: "ingress-nginx/controller",
      tag: "v1.12.1",
      digest: "",
      digestChroot: "",
    });
    expect(values.controller.admissionWebhooks.patch.image).toEqual({
      registry: "harbor.example.eu/mirror",
      image: "ingress-nginx/kube-webhook-certgen",
      tag: "v1.5.2",
      digest: "",
    });
  });

  it("turns the chart's Service off and publishes ours in the Ingress status", () => {
    const controller = ingressValues("public", "m").controller as Record<string, unknown>;
    expect(controller.service).toEqual({ enabled: false });
    expect(controller.publishService).toEqual({
      enabled: true,
      pathOverride: "ingress-nginx/sovereign-ingress",
    });
    expect(controller.ingressClassResource).toEqual({
      name: "public",
      enabled: true,
      default: false,
    });
    expect(controller.ingressClass).toBe("public");
  });

  it("fronts the controller pods with a LoadBalancer Service whose address is the ingress address", async () => {
    const { address, byName } = await build();
    const service = byName("ske-ingress-load-balancer");
    expect(service?.inputs.spec).toEqual({
      type: "LoadBalancer",
      externalTrafficPolicy: "Local",
      selector: {
        "app.kubernetes.io/name": "ingress-nginx",
        "app.kubernetes.io/instance": "ingress-nginx",
        "app.kubernetes.io/component": "controller",
      },
      ports: [
        { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
        { name: "https", port: 443, targetPort: "https", protocol: "TCP" },
      ],
    });
    expect(service?.dependencies).toContain(byName("ske-ingress")?.urn);
    expect(address).toMatch(/^192\.0\.2\.\d+$/);
  });
});

describe("chartCommonLabels", () => {
  it("keeps our own labels and leaves the app.kubernetes.io keys to the chart", () => {
    expect(chartCommonLabels(LABELS)).toEqual(OWN_LABELS);
  });
});
