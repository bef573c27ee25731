import { describe, expect, test } from "vitest";
import { dependencyModel, type DependencyResource } from "../../../domain/dependencies";
import { UNKNOWN } from "../../../cli/engine/recorder";
import {
  clusterIssuer,
  deployment,
  dnsRecord,
  GRA,
  ingress,
  onTarget,
  OVH_RECORD,
  PAR,
  providerRef,
  SCALEWAY_RECORD,
  SKE,
  urnOf,
} from "../../fixtures/plan";

/** `target kind endpoint vendor country` of every dependency, in plan order. */
const rows = (resources: readonly DependencyResource[]) =>
  dependencyModel([...resources]).dependencies.map(
    (d) => `${d.target} ${d.kind} ${d.endpoint} ${d.vendor} ${d.country ?? "-"}`,
  );

describe("dependencyModel: images", () => {
  test("reads regular, init and ephemeral containers and attributes each registry", () => {
    const pod = onTarget(PAR, "kubernetes:core/v1:Pod", "debug", {
      spec: {
        containers: [{ name: "app", image: "rg.fr-par.scw.cloud/acme/shop:1.4.2" }],
        initContainers: [{ name: "migrate", image: "ghcr.io/acme/migrate:2" }],
        ephemeralContainers: [{ name: "sh", image: "busybox:1.36" }],
      },
    });
    expect(rows([pod])).toEqual([
      "par image rg.fr-par.scw.cloud/acme/shop:1.4.2 scaleway FR",
      "par image ghcr.io/acme/migrate:2 github US",
      "par image busybox:1.36 docker US",
    ]);
  });

  test("reads CronJobs, whose needs are the data side of the target", () => {
    const job = onTarget(GRA, "kubernetes:batch/v1:CronJob", "copy", {
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: "rclone",
                    image: "abc.c1.gra.container-registry.ovh.net/mirror/rclone:1.68.2",
                    env: [
                      {
                        name: "RCLONE_CONFIG_DST_ENDPOINT",
                        value: "https://s3.eu-south-2.ionoscloud.com",
                      },
                      { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "https://otel.example.eu" },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    });
    const model = dependencyModel([job]);
    expect(
      model.dependencies.map((d) => [d.kind, d.endpoint, d.vendor, d.country, d.serving]),
    ).toEqual([
      [
        "image",
        "abc.c1.gra.container-registry.ovh.net/mirror/rclone:1.68.2",
        "ovhcloud",
        "FR",
        false,
      ],
      ["backup", "https://s3.eu-south-2.ionoscloud.com", "ionos", "ES", false],
    ]);
    expect(model.dependencies[0]?.resource).toBe("CronJob copy");
  });

  test.each([
    [
      "imageName",
      { imageName: "rg.fr-par.scw.cloud/mirror/postgresql:16.4" },
      ["par image rg.fr-par.scw.cloud/mirror/postgresql:16.4 scaleway FR"],
    ],
    [
      "nothing: the operator's default image",
      {},
      ["par image ghcr.io/cloudnative-pg/postgresql github US"],
    ],
    [
      "an image catalog: the catalog names it",
      { imageCatalogRef: { name: "pg", kind: "ImageCatalog" } },
      [],
    ],
  ])("reads a CloudNativePG Cluster that sets %s", (_, spec, expected) => {
    const cluster = onTarget(PAR, "kubernetes:postgresql.cnpg.io/v1:Cluster", "db", { spec });
    expect(rows([cluster])).toEqual(expected);
  });

  test("reads CloudNativePG image catalogs and Poolers", () => {
    const catalog = onTarget(SKE, "kubernetes:postgresql.cnpg.io/v1:ImageCatalog", "pg", {
      spec: { images: [{ major: 16, image: "registry.onstackit.cloud/acme/postgresql:16.4" }] },
    });
    const pooler = onTarget(SKE, "kubernetes:postgresql.cnpg.io/v1:Pooler", "pool", {
      spec: { cluster: { name: "db" } },
    });
    expect(rows([catalog, pooler])).toEqual([
      "ske image registry.onstackit.cloud/acme/postgresql:16.4 stackit DE",
      "ske image ghcr.io/cloudnative-pg/pgbouncer github US",
    ]);
  });

  test("reads images with a registry host in Helm values, and the chart's source", () => {
    const release = onTarget(SKE, "kubernetes:helm.sh/v3:Release", "ingress", {
      chart: "oci://registry.onstackit.cloud/acme/charts/ingress-nginx",
      values: {
        controller: {
          image: {
            registry: "registry.onstackit.cloud/acme",
            image: "ingress-nginx/controller",
            tag: "v1.12.1",
          },
        },
        certManager: {
          image: { repository: "quay.io/jetstack/cert-manager-controller", tag: "v1.21.2" },
        },
        sidecar: { image: "ghcr.io/acme/sidecar:3" },
        // No host: the chart's template decides the registry, which only the rendered chart shows.
        redis: { image: { repository: "bitnami/redis", tag: "7" } },
      },
    });
    expect(rows([release])).toEqual([
      "ske image registry.onstackit.cloud/acme/ingress-nginx/controller:v1.12.1 stackit DE",
      "ske image quay.io/jetstack/cert-manager-controller:v1.21.2 redhat US",
      "ske image ghcr.io/acme/sidecar:3 github US",
      "ske chart oci://registry.onstackit.cloud/acme/charts/ingress-nginx stackit DE",
    ]);
  });

  test("leaves out images unknown during preview or made up offline", () => {
    const pod = onTarget(PAR, "kubernetes:core/v1:Pod", "p", {
      spec: {
        containers: [
          { name: "a", image: UNKNOWN },
          { name: "b", image: "offline-placeholder:assumed" },
        ],
      },
    });
    expect(rows([pod])).toEqual([]);
  });
});

describe("dependencyModel: charts", () => {
  test.each([
    [
      "a repository URL the catalog cannot place",
      {
        chart: "ingress-nginx",
        repositoryOpts: { repo: "https://kubernetes.github.io/ingress-nginx" },
      },
      "ske chart https://kubernetes.github.io/ingress-nginx unknown -",
    ],
    ["a repository alias", { chart: "bitnami/redis" }, "ske chart bitnami/redis unknown -"],
  ])("fails closed on %s", (_, inputs, expected) => {
    const release = onTarget(SKE, "kubernetes:helm.sh/v3:Release", "r", inputs);
    const model = dependencyModel([release]);
    expect(rows([release])).toEqual([expected]);
    expect(model.dependencies[0]?.problem).toMatch(/catalog|alias/);
  });

  test("needs nothing for a chart packaged with the program", () => {
    expect(
      rows([onTarget(SKE, "kubernetes:helm.sh/v3:Release", "r", { chart: "./charts/shop" })]),
    ).toEqual([]);
  });
});

describe("dependencyModel: DNS", () => {
  test("attributes every name a target serves to each vendor serving its zone, the longest zone first", () => {
    const plan = [
      dnsRecord(SCALEWAY_RECORD, "shop-scw", "apps.example.eu"),
      dnsRecord(OVH_RECORD, "shop-ovh", "apps.example.eu"),
      dnsRecord(OVH_RECORD, "apex", "example.eu"),
      ingress(PAR, ["shop.apps.example.eu", "www.example.eu"]),
    ];
    expect(rows(plan)).toEqual([
      "par dns apps.example.eu scaleway FR",
      "par dns apps.example.eu ovhcloud FR",
      "par dns example.eu ovhcloud FR",
    ]);
  });

  test("fails closed on a name no declared zone covers", () => {
    const model = dependencyModel([ingress(GRA, ["shop.example.org"])]);
    expect(model.dependencies.map((d) => [d.kind, d.endpoint, d.vendor])).toEqual([
      ["dns", "shop.example.org", "unknown"],
    ]);
    expect(model.dependencies[0]?.problem).toContain(
      "no DNS zone the plan declares records in covers 'shop.example.org'",
    );
  });
});

describe("dependencyModel: certificate issuers", () => {
  const LE = "https://acme-v02.api.letsencrypt.org/directory";
  const HARICA = "https://acme.harica.gr/acme-eu/directory";

  test("attributes an ACME issuer to its CA, and the Ingresses that name it on the same target", () => {
    const plan = [
      clusterIssuer(PAR, "eu-ca", HARICA),
      ingress(PAR, [], "eu-ca"),
      clusterIssuer(GRA, "le", LE),
    ];
    expect(
      dependencyModel(plan).dependencies.map(
        (d) => `${d.target} ${d.endpoint} ${d.vendor} ${d.country ?? "-"} ${d.resource}`,
      ),
    ).toEqual([
      `par ${HARICA} harica GR ClusterIssuer eu-ca`,
      `par ${HARICA} harica GR Ingress shop`,
      `gra ${LE} letsencrypt US ClusterIssuer le`,
    ]);
  });

  test("fails closed on an issuer the plan does not declare on the Ingress's target", () => {
    const plan = [clusterIssuer(PAR, "letsencrypt", LE), ingress(GRA, [], "letsencrypt")];
    const model = dependencyModel(plan);
    expect(rows(plan)).toEqual([
      `par certificate-issuer ${LE} letsencrypt US`,
      "gra certificate-issuer ClusterIssuer letsencrypt unknown -",
    ]);
    expect(model.dependencies[1]?.problem).toContain("not declared on target gra");
  });
});

describe("dependencyModel: object storage and backups", () => {
  test("reads S3 endpoints of long-running pods and CloudNativePG backup destinations", () => {
    const app = onTarget(SKE, "kubernetes:apps/v1:Deployment", "app", {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "app",
                image: "registry.onstackit.cloud/acme/app:1",
                env: [
                  {
                    name: "AWS_ENDPOINT_URL",
                    value: "https://object.storage.eu01.onstackit.cloud",
                  },
                ],
              },
            ],
          },
        },
      },
    });
    const inTree = onTarget(SKE, "kubernetes:postgresql.cnpg.io/v1:Cluster", "db", {
      spec: {
        imageName: "registry.onstackit.cloud/acme/postgresql:16.4",
        backup: {
          barmanObjectStore: {
            destinationPath: "s3://acme-backups/db",
            endpointURL: "https://s3.gra.io.cloud.ovh.net",
          },
        },
      },
    });
    const plugin = onTarget(SKE, "kubernetes:barmancloud.cnpg.io/v1:ObjectStore", "store", {
      spec: { configuration: { destinationPath: "s3://acme-backups/db" } },
    });
    expect(rows([app, inTree, plugin])).toEqual([
      "ske image registry.onstackit.cloud/acme/app:1 stackit DE",
      "ske object-store https://object.storage.eu01.onstackit.cloud stackit DE",
      "ske image registry.onstackit.cloud/acme/postgresql:16.4 stackit DE",
      "ske backup https://s3.gra.io.cloud.ovh.net ovhcloud FR",
      // No endpoint: Barman Cloud writes to Amazon S3.
      "ske backup s3://acme-backups/db aws US",
    ]);
  });
});

describe("dependencyModel: targets", () => {
  test("gives an unlabelled object the target of the labelled objects sharing its provider", () => {
    const release = onTarget(
      GRA,
      "kubernetes:helm.sh/v3:Release",
      "r",
      { chart: "oci://rg.fr-par.scw.cloud/m/charts/x" },
      false,
    );
    const model = dependencyModel([
      release,
      deployment(GRA, "shop", 2, "rg.fr-par.scw.cloud/acme/shop:1"),
    ]);
    expect(model.dependencies.map((d) => `${d.target} ${d.kind} ${d.resource}`)).toEqual([
      "gra chart Release r",
      "gra image Deployment shop",
    ]);
    expect(model.targets).toEqual([GRA]);
  });

  test("names a target without labels after its provider, placed by the caller when it can", () => {
    const pod: DependencyResource = {
      type: "kubernetes:core/v1:Pod",
      urn: urnOf("kubernetes:core/v1:Pod", "p"),
      provider: providerRef("edge"),
      inputs: { spec: { containers: [{ name: "a", image: "nginx:1.27" }] } },
    };
    const placed = dependencyModel([pod], (urn) =>
      urn.endsWith("edge-kubernetes") ? { vendor: "ionos", country: "DE" } : undefined,
    );
    expect(placed.targets).toEqual([{ name: "edge-kubernetes", vendor: "ionos", country: "DE" }]);
    expect(dependencyModel([{ ...pod }]).targets).toEqual([
      { name: "edge-kubernetes", vendor: "unknown", country: null },
    ]);
  });
});
