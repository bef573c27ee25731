import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  chartCommonLabels,
  createIngressController,
  ingressAnnotations,
  ingressValues,
} from "../../../components/platform/ingress";
import Ajv2020 from "ajv/dist/2020";
import { CHART_VALUES_SCHEMAS, readChartValuesSchema } from "../../../config/kubernetes/sources";
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
    { provider, ingressClass: "traefik", labels: LABELS, images },
    parent,
  );
  const address = await unwrap(ingress.address);
  const resources = await settle(recording);
  const byName = (name: string) => resources.find((r) => r.name === name);
  return { address, resources, byName };
}

describe("createIngressController", () => {
  it("creates the namespace, the Helm release, our LoadBalancer Service and the HTTPS redirect through the cluster's provider", async () => {
    const { resources } = await build();
    expect(shapeOf(resources).filter((r) => r.parent === "parent")).toEqual([
      { type: "kubernetes:core/v1:Namespace", name: "ske-ingress-namespace", parent: "parent" },
      { type: "kubernetes:core/v1:Secret", name: "ske-ingress-pull-secret", parent: "parent" },
      { type: "kubernetes:core/v1:Service", name: "ske-ingress-load-balancer", parent: "parent" },
      { type: "kubernetes:helm.sh/v3:Release", name: "ske-ingress", parent: "parent" },
      {
        type: "kubernetes:traefik.io/v1alpha1:Middleware",
        name: "ske-ingress-https-redirect",
        parent: "parent",
      },
      { type: "pulumi:providers:kubernetes", name: "cluster", parent: "parent" },
    ]);
    for (const r of resources.filter((x) => x.type.startsWith("kubernetes:")))
      expect(r.provider).toMatch(/::cluster::/);
  });

  it("installs the pinned chart from the target's mirror, with the mirror's credential and pull Secret", async () => {
    const { byName } = await build();
    expect(byName("ske-ingress-namespace")?.inputs.metadata).toEqual({
      name: "traefik",
      labels: LABELS,
    });
    expect(byName("ske-ingress")?.inputs).toMatchObject({
      name: "traefik",
      namespace: "traefik",
      chart: "oci://rg.fr-par.scw.cloud/eu-fleet-ske-registry/charts/traefik",
      version: "41.3.0",
      repositoryOpts: { username: "nologin", password: REGISTRY_PASSWORD },
      values: {
        ...ingressValues("traefik", "rg.fr-par.scw.cloud/eu-fleet-ske-registry", [
          { name: "sovereign-registry" },
        ]),
        commonLabels: OWN_LABELS,
      },
    });
    const pull = byName("ske-ingress-pull-secret")?.inputs;
    expect(pull?.metadata).toEqual({
      name: "sovereign-registry",
      namespace: "traefik",
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

  it("pulls the image from the mirror it is given, with the pull Secret only for a private mirror", async () => {
    const mirror = { ...privateRegistry("harbor.example.eu/mirror"), credential: undefined };
    const { byName } = await build({ mirror, pullCredentials: [] });
    expect(byName("ske-ingress-pull-secret")).toBeUndefined();
    const release = byName("ske-ingress")?.inputs;
    expect(release?.chart).toBe("oci://harbor.example.eu/mirror/charts/traefik");
    const values = release?.values as { image: unknown; deployment: unknown };
    expect(values.image).toEqual({
      registry: "harbor.example.eu/mirror",
      repository: "traefik",
      tag: "v3.7.11",
    });
    expect(values.deployment).toEqual({ replicas: 2, imagePullSecrets: [] });
  });

  it("serves its own IngressClass without taking the cluster default, and publishes our Service in the Ingress status", () => {
    const values = ingressValues("public", "m");
    expect(values.ingressClass).toEqual({ enabled: true, isDefaultClass: false, name: "public" });
    expect(values.service).toEqual({ enabled: false });
    expect(values.providers).toEqual({
      kubernetesIngress: {
        enabled: true,
        publishedService: { enabled: true, pathOverride: "traefik/sovereign-ingress" },
      },
    });
  });

  it("runs two controller pods spread over nodes, with a PDB, requests and no call home", () => {
    const values = ingressValues("traefik", "m");
    expect(values.podDisruptionBudget).toEqual({ enabled: true, maxUnavailable: 1 });
    expect(values.topologySpreadConstraints).toEqual([
      {
        maxSkew: 1,
        topologyKey: "kubernetes.io/hostname",
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector: {
          matchLabels: {
            "app.kubernetes.io/name": "traefik",
            "app.kubernetes.io/instance": "traefik-traefik",
          },
        },
      },
    ]);
    expect(values.resources).toEqual({
      requests: { cpu: "100m", memory: "128Mi" },
      limits: { memory: "512Mi" },
    });
    expect(values.global).toEqual({ checkNewVersion: false, sendAnonymousUsage: false });
  });

  it("fronts the controller pods with a LoadBalancer Service whose address is the ingress address", async () => {
    const { address, byName } = await build();
    const service = byName("ske-ingress-load-balancer");
    expect(service?.inputs.spec).toEqual({
      type: "LoadBalancer",
      externalTrafficPolicy: "Local",
      selector: {
        "app.kubernetes.io/name": "traefik",
        "app.kubernetes.io/instance": "traefik-traefik",
      },
      ports: [
        { name: "http", port: 80, targetPort: "web", protocol: "TCP" },
        { name: "https", port: 443, targetPort: "websecure", protocol: "TCP" },
      ],
    });
    expect(service?.dependencies).toContain(byName("ske-ingress")?.urn);
    expect(address).toMatch(/^192\.0\.2\.\d+$/);
  });
});

describe("the HTTP to HTTPS redirect", () => {
  it("is a Traefik redirectScheme Middleware in the controller's namespace, after the chart's CRDs", async () => {
    const { byName } = await build();
    const redirect = byName("ske-ingress-https-redirect");
    expect(redirect?.inputs).toMatchObject({
      apiVersion: "traefik.io/v1alpha1",
      kind: "Middleware",
      metadata: { name: "redirect-https", namespace: "traefik", labels: LABELS },
      spec: { redirectScheme: { scheme: "https", permanent: true } },
    });
    expect(redirect?.dependencies).toContain(byName("ske-ingress")?.urn);
  });

  it("is named on each Ingress by the annotation the platform hands workloads", () => {
    expect(ingressAnnotations()).toEqual({
      "traefik.ingress.kubernetes.io/router.middlewares": "traefik-redirect-https@kubernetescrd",
    });
  });
});

describe("chartCommonLabels", () => {
  it("keeps our own labels and leaves the app.kubernetes.io keys to the chart", () => {
    expect(chartCommonLabels(LABELS)).toEqual(OWN_LABELS);
  });
});

describe("the release's values against the chart's values.schema.json (Helm refuses values it rejects)", () => {
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
    readChartValuesSchema(CHART_VALUES_SCHEMAS.traefik),
  );
  const errors = (values: unknown) =>
    validate(values) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

  it("accepts the values the platform installs Traefik with", async () => {
    const { byName } = await build();
    const values = byName("ske-ingress")?.inputs.values;
    expect(values).toBeDefined();
    expect(errors(values)).toEqual([]);
  });

  it("refuses what the chart does not know, so a stale or misspelt key fails here rather than at `up`", () => {
    expect(errors({ controller: { replicaCount: 2 } })).toEqual([
      " must NOT have additional properties",
    ]);
    expect(errors({ ingressClass: { name: "traefik", default: false } })).toEqual([
      "/ingressClass must NOT have additional properties",
    ]);
    expect(errors({ podDisruptionBudget: { enabled: "yes" } })).toEqual([
      "/podDisruptionBudget/enabled must be boolean",
    ]);
  });
});
