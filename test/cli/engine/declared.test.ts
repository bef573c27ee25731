import { describe, expect, test } from "vitest";
import { declaredFacts, declaredProviderPlaces } from "../../../cli/engine/declared";
import { createPlacer } from "../../../cli/engine/placement";
import { providerUrnOf } from "../../../cli/engine/providers";
import type { RecordedResource } from "../../../cli/engine/recorder";
import { recorded } from "./recorded";

const PROVIDER = recorded({
  type: "pulumi:providers:kubernetes",
  name: "ske",
  inputs: { kubeconfig: "[secret]" },
});
const ref = `${PROVIDER.urn}::id`;

const labels = (target: string, vendor = "stackit", region = "eu01", country = "DE") => ({
  "sovereign.eu/vendor": vendor,
  "sovereign.eu/region": region,
  "sovereign.eu/country": country,
  "sovereign.eu/target": target,
  "app.kubernetes.io/name": "shop",
});

const object = (
  type: string,
  name: string,
  metadataLabels?: Record<string, string>,
  spec?: object,
) =>
  recorded({
    type,
    name,
    provider: ref,
    inputs: {
      metadata: metadataLabels ? { labels: metadataLabels } : {},
      ...(spec ? { spec } : {}),
    },
  });

function placeAll(resources: RecordedResource[]) {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const providerUrn = (r: RecordedResource) => (r.provider ? providerUrnOf(r.provider) : undefined);
  const place = createPlacer((r) => byUrn.get(providerUrn(r) ?? ""));
  const placed = resources.map(place);
  return { placed, declared: declaredProviderPlaces(resources, placed, providerUrn) };
}

describe("declaredFacts", () => {
  test.each([
    [
      "a Deployment with replicas",
      "kubernetes:apps/v1:Deployment",
      { replicas: 3 },
      { target: "ske", workload: "shop", replicas: 3 },
    ],
    [
      "a Deployment without replicas (Kubernetes defaults to 1)",
      "kubernetes:apps/v1:Deployment",
      {},
      { target: "ske", workload: "shop", replicas: 1 },
    ],
    [
      "a StatefulSet with computed replicas",
      "kubernetes:apps/v1:StatefulSet",
      { replicas: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
      { target: "ske", workload: "shop" },
    ],
    ["a Service", "kubernetes:core/v1:Service", {}, { target: "ske" }],
  ])("reads %s", (_, type, spec, facts) => {
    expect(declaredFacts(object(type, "x", labels("ske"), spec))).toEqual(facts);
  });

  test("says nothing of cloud resources", () => {
    expect(declaredFacts(recorded({ type: "scaleway:object/bucket:Bucket", name: "b" }))).toEqual(
      {},
    );
  });
});

describe("declaredProviderPlaces", () => {
  test("places a provider whose kubeconfig is unreadable where its labelled objects agree, with their target", () => {
    const { placed, declared } = placeAll([
      PROVIDER,
      object("kubernetes:apps/v1:Deployment", "web", labels("ske")),
      object("kubernetes:core/v1:Service", "web", labels("ske")),
      object("kubernetes:helm.sh/v3:Release", "ingress"),
    ]);
    expect(placed[0]?.vendor).toBe("unknown");
    expect(placed[1]).toMatchObject({ vendor: "stackit", declared: true });
    expect(placed[3]?.vendor).toBe("unknown");
    expect(declared.get(PROVIDER.urn)).toEqual({
      vendor: "stackit",
      region: "eu01",
      country: "DE",
      declared: true,
      target: "ske",
    });
  });

  test("fails when objects disagree: no place is made up", () => {
    const { declared } = placeAll([
      PROVIDER,
      object("kubernetes:core/v1:Service", "a", labels("ske")),
      object("kubernetes:core/v1:Service", "b", labels("par", "scaleway", "fr-par", "FR")),
    ]);
    expect(declared.has(PROVIDER.urn)).toBe(false);
  });

  test("keeps the place but not the target when only the targets differ", () => {
    const { declared } = placeAll([
      PROVIDER,
      object("kubernetes:core/v1:Service", "a", labels("ske")),
      object("kubernetes:core/v1:Service", "b", labels("ske-2")),
    ]);
    expect(declared.get(PROVIDER.urn)).toEqual({
      vendor: "stackit",
      region: "eu01",
      country: "DE",
      declared: true,
    });
  });
});
