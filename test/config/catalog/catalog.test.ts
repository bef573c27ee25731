import { describe, expect, it, test } from "vitest";
import { SITES } from "../../../config/catalog/regions";
import { placeOf, siteIds } from "../../../config/catalog/places";
import {
  EU_VENDORS,
  NEUTRAL_PACKAGES,
  VENDORS,
  packageOfType,
  vendorOfPackage,
} from "../../../config/catalog/vendors";
import {
  JURISDICTION_GROUPS,
  groupAllows,
  jurisdictionOf,
} from "../../../config/catalog/jurisdictions";
import {
  CONTAINER_REGISTRIES,
  KUBERNETES_ENDPOINTS,
  matchHost,
} from "../../../config/catalog/hosts";
import { OVH_OFFERINGS, SCALEWAY_OFFERINGS } from "../../../config/catalog/offerings";
import { SIZES, SIZE_CLASSES } from "../../../config/catalog/sizes";

describe("catalog invariants", () => {
  it("places every Scaleway region in the EU", () => {
    for (const site of siteIds("scaleway"))
      expect(placeOf("scaleway", site)?.jurisdiction).toBe("EU");
  });

  it("offers managed platforms only in EU sites the region table knows", () => {
    const offered = [
      ...Object.keys(SCALEWAY_OFFERINGS).map((s) => placeOf("scaleway", s)),
      ...Object.keys(OVH_OFFERINGS).map((s) => placeOf("ovhcloud", s)),
    ];
    expect(offered.every((p) => p?.jurisdiction === "EU")).toBe(true);
  });

  it("spells each OVHcloud offering's OpenStack and service regions as the same site", () => {
    for (const [site, o] of Object.entries(OVH_OFFERINGS)) {
      expect([
        placeOf("ovhcloud", o.openstackRegion)?.site,
        placeOf("ovhcloud", o.serviceRegion)?.site,
      ]).toEqual([site, site]);
    }
  });

  it("lists each Scaleway offering's zones exactly as the region table does", () => {
    for (const [site, o] of Object.entries(SCALEWAY_OFFERINGS))
      expect(o.zones).toEqual(SITES.scaleway[site as keyof typeof SITES.scaleway].zones);
  });

  it("gives no two sites of one vendor the same name, zone or alias", () => {
    for (const [vendor, sites] of Object.entries(SITES)) {
      const names = Object.entries(sites).flatMap(([id, s]) =>
        [id, ...s.zones, ...("aliases" in s ? s.aliases : [])].map((n) => n.toLowerCase()),
      );
      expect(new Set(names).size, vendor).toBe(names.length);
    }
  });

  it("maps every size class of every managed provider to a node type and a database type", () => {
    for (const provider of Object.values(SIZES)) {
      expect(Object.keys(provider).sort()).toEqual([...SIZE_CLASSES].sort());
      for (const s of Object.values(provider))
        expect([s.node.length > 0, s.database.length > 0]).toEqual([true, true]);
    }
  });

  it("claims each Pulumi package for one vendor at most, and never for a vendor and neutrality both", () => {
    const packages = Object.values(VENDORS).flatMap((v) => [...v.packages]);
    expect(new Set(packages).size).toBe(packages.length);
    expect(packages.filter((p) => Object.hasOwn(NEUTRAL_PACKAGES, p))).toEqual([]);
  });

  it("seats every EU vendor in an EU country", () => {
    expect(Object.values(EU_VENDORS).filter((v) => jurisdictionOf(v.seat) !== "EU")).toEqual([]);
  });

  it("anchors every host pattern at both ends", () => {
    for (const { pattern } of [...CONTAINER_REGISTRIES, ...KUBERNETES_ENDPOINTS]) {
      expect([pattern.source.startsWith("^"), pattern.source.endsWith("$")]).toEqual([true, true]);
    }
  });
});

describe("placeOf", () => {
  test.each([
    ["scaleway", "fr-par-2", "fr-par", "FR", "EU"],
    ["scaleway", "PL-WAW", "pl-waw", "PL", "EU"],
    ["ovhcloud", "GRA9", "GRA", "FR", "EU"],
    ["ovhcloud", "gra", "GRA", "FR", "EU"],
    ["ovhcloud", "eu-west-par-b", "EU-WEST-PAR", "FR", "EU"],
    ["ovhcloud", "DE1", "DE", "DE", "EU"],
    ["ovhcloud", "UK1", "UK", "GB", "ADEQUACY"],
    ["ovhcloud", "BHS5", "BHS", "CA", "ADEQUACY"],
    ["ovhcloud", "SGP1", "SGP", "SG", "THIRD"],
    ["ovhcloud", "EU-NORTH-LZ-OSL-A", "eu-north-lz-osl", "NO", "EEA"],
    ["ovhcloud", "eu-west-lz-zrh", "eu-west-lz-zrh", "CH", "ADEQUACY"],
    ["stackit", "eu01-2", "eu01", "DE", "EU"],
    ["ionos", "de/fra", "de/fra", "DE", "EU"],
    ["ionos", "us/las", "us/las", "US", "THIRD"],
  ] as const)("places %s %s at %s, %s (%s)", (vendor, name, site, country, jurisdiction) => {
    expect(placeOf(vendor, name)).toMatchObject({ site, country, jurisdiction });
  });

  test.each([
    ["scaleway", "us-east-1"],
    ["ovhcloud", "GRA99"],
    ["stackit", "eu03"],
  ] as const)("fails to place %s %s, which the catalog does not know", (vendor, name) => {
    expect(placeOf(vendor, name)).toBeUndefined();
  });
});

describe("jurisdiction groups", () => {
  test.each([
    ["eu", "EU", true],
    ["eu", "EEA", false],
    ["eea", "EEA", true],
    ["eea", "ADEQUACY", false],
    ["eu+adequacy", "ADEQUACY", true],
    ["eu+adequacy", "THIRD", false],
  ] as const)("group %s allows %s: %s", (group, cls, allowed) => {
    expect(groupAllows(group, cls)).toBe(allowed);
  });

  it("widens from eu to eea to eu+adequacy", () => {
    expect(Object.values(JURISDICTION_GROUPS).map((g) => g.length)).toEqual([1, 2, 3]);
  });

  test.each([
    ["fr", "EU"],
    ["NO", "EEA"],
    ["CH", "ADEQUACY"],
    ["US", "THIRD"],
  ] as const)("classes country %s as %s", (country, cls) => {
    expect(jurisdictionOf(country)).toBe(cls);
  });
});

describe("vendors by package", () => {
  test.each([
    ["aws:s3/bucket:Bucket", "aws", "aws"],
    ["pulumi:providers:azure-native", "azure-native", "azure"],
    ["scaleway:index/objectBucket:ObjectBucket", "scaleway", "scaleway"],
    ["ovh:CloudProject/kube:Kube", "ovh", "ovhcloud"],
    ["gcp:storage/bucket:Bucket", "gcp", "gcp"],
  ])("finds the package of %s and its vendor", (type, pkg, vendor) => {
    expect([packageOfType(type), vendorOfPackage(packageOfType(type))?.id]).toEqual([pkg, vendor]);
  });
});

describe("matchHost", () => {
  it("matches a host against a table once, however often it is asked, port and case aside", () => {
    const tried: string[] = [];
    class Counting extends RegExp {
      override test(text: string): boolean {
        tried.push(text);
        return super.test(text);
      }
    }
    const table = [
      { pattern: new Counting("^h\\.example$"), vendor: "scaleway", label: "H" },
    ] as const;
    const answers = [
      matchHost(table, "h.example"),
      matchHost(table, "H.example:443"),
      matchHost(table, "x"),
    ];
    expect([answers, tried]).toEqual([
      [
        { vendor: "scaleway", label: "H", site: undefined },
        { vendor: "scaleway", label: "H", site: undefined },
        undefined,
      ],
      ["h.example", "x"],
    ]);
  });

  test.each([
    ["rg.fr-par.scw.cloud", "scaleway", "fr-par"],
    ["abc123.c1.gra9.container-registry.ovh.net", "ovhcloud", "gra9"],
    ["registry.onstackit.cloud", "stackit", "eu01"],
    ["acme.cr.de-fra.ionos.com", "ionos", "de-fra"],
    ["docker.io", "docker", undefined],
    ["ghcr.io", "github", undefined],
    ["123456789012.dkr.ecr.eu-west-1.amazonaws.com", "aws", undefined],
    ["europe-docker.pkg.dev", "gcp", undefined],
    ["quay.io", "redhat", undefined],
  ])("places registry %s with %s", (host, vendor, site) => {
    expect(matchHost(CONTAINER_REGISTRIES, host)).toMatchObject({ vendor, site });
  });

  test.each([
    "ghcr.io.evil.example",
    "rg.fr-par.scw.cloud.example.com",
    "evil-rg.fr-par.scw.cloud",
  ])("does not place look-alike registry host %s", (host) => {
    expect(matchHost(CONTAINER_REGISTRIES, host)).toBeUndefined();
  });

  test.each([
    ["0b7e9c1e-1234-4abc-9def-0123456789ab.api.k8s.fr-par.scw.cloud:6443", "scaleway", "fr-par"],
    ["xyz123.c1.gra9.k8s.ovh.net", "ovhcloud", "gra9"],
    ["api.ske-demo.d2695c1f95.s.ske.eu01.onstackit.cloud", "stackit", "eu01"],
    ["ABCDEF0123456789.gr7.eu-central-1.eks.amazonaws.com", "aws", undefined],
    ["myaks-dns-1a2b3c.hcp.westeurope.azmk8s.io:443", "azure", undefined],
  ])("places Kubernetes API server %s with %s", (host, vendor, site) => {
    expect(matchHost(KUBERNETES_ENDPOINTS, host)).toMatchObject({ vendor, site });
  });

  it("does not place a bare IP", () => {
    expect(matchHost(KUBERNETES_ENDPOINTS, "34.76.12.9")).toBeUndefined();
  });
});
