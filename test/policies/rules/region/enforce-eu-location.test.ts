import { describe, expect, test } from "vitest";
import { regionResourceEnforceEuLocation as policy } from "../../../../policies/rules/region/enforce-eu-location";
import { SECRET_PLACEHOLDER } from "../../../../domain/offline-placeholders";
import { defaultProvider, UNKNOWN, UNKNOWN_ARRAY, validate } from "../../fixtures/args";
import { bucket, database, kube, ovh, scw } from "../../fixtures/locations";
import {
  deferred,
  OFFLINE_UNKNOWN,
  OVH_EU_SITES,
  outsideEu,
  PREVIEW_UNKNOWN,
  SCALEWAY_EU_SITES,
  uncatalogued,
} from "../../fixtures/messages";

const NAME = "region-resource-enforce-eu-location";

describe("region-resource-enforce-eu-location", () => {
  describe("blocks placements outside the EU", () => {
    test.each([
      ["BHS5", "Beauharnois, CA (ADEQUACY)"],
      ["SGP1", "Singapore, SG (THIRD)"],
      ["SYD1", "Sydney, AU (THIRD)"],
      ["US-EAST-VA-1", "Vint Hill, US (THIRD)"],
    ])("fails when an OVH cluster is in %s", async (region, place) => {
      expect(await validate(policy, kube(region))).toEqual({
        violations: [outsideEu(`region '${region}'`, place, OVH_EU_SITES)],
      });
    });

    test.each([
      ["BHS", "Beauharnois, CA (ADEQUACY)"],
      ["SGP", "Singapore, SG (THIRD)"],
      ["SYD", "Sydney, AU (THIRD)"],
      ["US-WEST-OR", "Hillsboro, US (THIRD)"],
    ])("fails when an OVH bucket is in %s", async (region, place) => {
      expect(await validate(policy, bucket(region))).toEqual({
        violations: [outsideEu(`regionName '${region}'`, place, OVH_EU_SITES)],
      });
    });

    test.each([
      ["BHS", "Beauharnois, CA (ADEQUACY)"],
      ["SGP", "Singapore, SG (THIRD)"],
      ["SYD", "Sydney, AU (THIRD)"],
    ])("fails when an OVH database node is in %s", async (region, place) => {
      expect(await validate(policy, database([{ region }], [region]))).toEqual({
        violations: [
          outsideEu(`nodes[0].region '${region}'`, place, OVH_EU_SITES),
          outsideEu(`backupRegions[0] '${region}'`, place, OVH_EU_SITES),
        ],
      });
    });

    test("fails when a database backup goes outside the EU", async () => {
      expect(await validate(policy, database([{ region: "GRA" }], ["GRA", "BHS"]))).toEqual({
        violations: [
          outsideEu("backupRegions[1] 'BHS'", "Beauharnois, CA (ADEQUACY)", OVH_EU_SITES),
        ],
      });
    });

    test("fails when OVHcloud's documented default backup region is outside the EU", async () => {
      expect(await validate(policy, database([{ region: "SGP" }]))).toEqual({
        violations: [
          outsideEu("nodes[0].region 'SGP'", "Singapore, SG (THIRD)", OVH_EU_SITES),
          outsideEu(
            "backupRegions is not set, so OVHcloud's documented default off-site backup region for nodes[0].region 'SGP' applies: 'BHS'",
            "Beauharnois, CA (ADEQUACY)",
            OVH_EU_SITES,
          ),
        ],
      });
    });

    test("fails when OVHcloud documents no default backup region for the database's region", async () => {
      expect(await validate(policy, database([{ region: "RBX" }]))).toEqual({
        violations: [
          `backupRegions is not set, and OVHcloud documents no default off-site backup region for nodes[0].region 'RBX' (config/catalog/documented-defaults.ts), so where that data goes cannot be placed. Set backupRegions explicitly, choosing from ${OVH_EU_SITES}.`,
        ],
      });
    });

    test("fails when a database names neither nodes nor backup regions", async () => {
      expect(await validate(policy, database(undefined))).toEqual({
        violations: [
          "The resource cannot be placed: it sets neither nodes[].region nor backupRegions and OVHcloud providers carry no location. Set nodes[].region or backupRegions on the resource.",
        ],
      });
    });

    test("fails when a bucket replicates outside the EU", async () => {
      const replication = {
        rules: [
          { destination: { name: "copy", region: "sbg" } },
          { destination: { name: "far", region: "bhs" } },
        ],
      };
      expect(await validate(policy, bucket("GRA", { replication }))).toEqual({
        violations: [
          outsideEu(
            "replication.rules[1].destination.region 'bhs'",
            "Beauharnois, CA (ADEQUACY)",
            OVH_EU_SITES,
          ),
        ],
      });
    });

    test.each<[string, Record<string, unknown>, string]>([
      ["with an empty region list", { regions: [] }, "empty"],
      ["without a region list", {}, "not set"],
    ])("fails when an OVH network is %s, which means every region", async (_name, props, state) => {
      expect(
        await validate(
          policy,
          ovh("ovh:CloudProject/networkPrivate:NetworkPrivate", { vlanId: 1, ...props }),
        ),
      ).toEqual({
        violations: [
          `regions is ${state}, which means the network spans every region of the project, including regions outside the EU. List the regions explicitly, choosing from ${OVH_EU_SITES}.`,
        ],
      });
    });

    test("fails when an OVH network lists one region outside the EU", async () => {
      const spec = ovh("ovh:CloudProject/networkPrivate:NetworkPrivate", {
        regions: ["GRA9", "SGP1"],
      });
      expect(await validate(policy, spec)).toEqual({
        violations: [outsideEu("regions[1] 'SGP1'", "Singapore, SG (THIRD)", OVH_EU_SITES)],
      });
    });

    test.each([
      "scaleway:object/bucket:Bucket",
      "scaleway:index/objectBucket:ObjectBucket",
      "scaleway:kubernetes/cluster:Cluster",
      "scaleway:index/kubernetesCluster:KubernetesCluster",
    ])("fails when %s names a region the catalog does not know", async (type) => {
      expect(await validate(policy, scw(type, { region: "us-east-1" }))).toEqual({
        violations: [uncatalogued("region 'us-east-1'", "Scaleway", SCALEWAY_EU_SITES)],
      });
    });

    test("fails when a Scaleway zone is not in the catalog", async () => {
      expect(
        await validate(
          policy,
          scw("scaleway:kubernetes/pool:Pool", { zone: "fr-par-9", nodeType: "PRO2-S" }),
        ),
      ).toEqual({
        violations: [uncatalogued("zone 'fr-par-9'", "Scaleway", SCALEWAY_EU_SITES)],
      });
    });

    test("fails when neither the resource nor its provider places it", async () => {
      expect(await validate(policy, scw("scaleway:object/bucket:Bucket", {}))).toEqual({
        violations: [
          "The resource cannot be placed: it sets neither region nor zone and its provider 'default_1_54_0' sets neither region nor zone. Set region on the resource, or scaleway:region in the stack config (default provider) or on its explicit provider.",
        ],
      });
    });

    test("fails when the provider's default region is not in the catalog", async () => {
      const spec = scw(
        "scaleway:object/bucket:Bucket",
        {},
        defaultProvider("scaleway", { region: "us-west" }),
      );
      expect(await validate(policy, spec)).toEqual({
        violations: [
          uncatalogued("provider 'default_1_54_0' region 'us-west'", "Scaleway", SCALEWAY_EU_SITES),
        ],
      });
    });

    test.each(["ovh:CloudProject/gateway:Gateway", "ovh:Dedicated/server:Server"])(
      "fails closed when an OVH resource (%s) names no region",
      async (type) => {
        expect(await validate(policy, ovh(type, {}))).toEqual({
          violations: [
            "The resource cannot be placed: it sets neither region nor regionName and OVHcloud providers carry no location. Set region or regionName on the resource.",
          ],
        });
      },
    );

    test("fails with allowedGroup eea when an OVH cluster is in the UK", async () => {
      const eea = OVH_EU_SITES.replace("'eu'", "'eea'").replace(
        "eu-north-lz-sto)",
        "eu-north-lz-sto, eu-north-lz-osl)",
      );
      const expected = `region 'UK1' is Erith, GB (ADEQUACY), outside the allowed group 'eea'. Use one of ${eea}, or widen allowedGroup in this policy's config.`;
      expect(await validate(policy, kube("UK1"), { [NAME]: { allowedGroup: "eea" } })).toEqual({
        violations: [expected],
      });
    });
  });

  describe("leaves values it cannot know yet to the engine", () => {
    test("defers a region computed by another resource", async () => {
      expect(await validate(policy, kube(UNKNOWN))).toEqual({
        violations: [],
        deferred: deferred(NAME, `region is ${PREVIEW_UNKNOWN}`),
      });
    });

    test("defers a node list computed by another resource", async () => {
      expect(await validate(policy, database(UNKNOWN_ARRAY, ["GRA"]))).toEqual({
        violations: [],
        deferred: deferred(NAME, `nodes is ${PREVIEW_UNKNOWN}`),
      });
    });

    test("reports known violations and defers the unknown rest", async () => {
      expect(await validate(policy, database([{ region: UNKNOWN }], ["GRA", "SGP"]))).toEqual({
        violations: [outsideEu("backupRegions[1] 'SGP'", "Singapore, SG (THIRD)", OVH_EU_SITES)],
        deferred: deferred(NAME, `nodes[0].region is ${PREVIEW_UNKNOWN}`),
      });
    });

    test("defers a provider region computed by another resource", async () => {
      const spec = scw(
        "scaleway:object/bucket:Bucket",
        {},
        defaultProvider("scaleway", { region: UNKNOWN }),
      );
      expect(await validate(policy, spec)).toEqual({
        violations: [],
        deferred: deferred(NAME, `provider 'default_1_54_0' region is ${PREVIEW_UNKNOWN}`),
      });
    });

    test("defers a secret the offline engine could not decrypt", async () => {
      expect(await validate(policy, kube(SECRET_PLACEHOLDER))).toEqual({
        violations: [],
        deferred: deferred(NAME, `region is ${OFFLINE_UNKNOWN}`),
      });
    });
  });

  test("fails when the config names no jurisdiction group", async () => {
    await expect(
      validate(policy, kube("GRA9"), { [NAME]: { allowedGroup: "europe" } }),
    ).rejects.toThrow(
      "policy config allowedGroup 'europe' is not a jurisdiction group; use one of eu, eea, eu+adequacy",
    );
  });
});
