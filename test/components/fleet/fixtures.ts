/**
 * The eu-fleet shape for fleet tests: four targets at four vendors (par/scaleway, gra/ovhcloud, ske/stackit,
 * ionos/ionos) running `shop`, with contracts built the way the platform layer builds them.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { placeOf } from "../../../config/catalog/places";
import { replicasByTarget } from "../../../domain/fleet-math";
import type { FleetConfigInput } from "../../../config/fleet";
import { parseStackConfig, vendorOfTarget, type StackConfig } from "../../../config/schema";
import { placementLabels } from "../../../components/contract/labels";
import type {
  DatabaseOutputs,
  ObjectStoreOutputs,
  PlatformContract,
} from "../../../components/contract/types";
import type { PlatformEntry } from "../../../components/fleet";
import { ownRegistryImages } from "../images-fixture";

export const TARGETS = [
  { name: "par", provider: "scaleway", region: "fr-par" },
  {
    name: "gra",
    provider: "ovhcloud",
    region: "GRA",
    serviceName: "0123456789abcdef0123456789abcdef",
  },
  {
    name: "ske",
    provider: "kubernetes",
    vendor: "stackit",
    region: "eu01",
    registry: { endpoint: "registry.onstackit.cloud/acme-shop" },
  },
  {
    name: "ionos",
    provider: "kubernetes",
    vendor: "ionos",
    region: "es/vit",
    registry: { endpoint: "acme.cr.de-fra.ionos.com" },
  },
] as const;

export const ADDRESSES: Readonly<Record<string, string>> = {
  par: "51.15.0.10",
  gra: "51.68.0.20",
  ske: "193.148.0.30",
  ionos: "85.215.0.40",
};

export interface FleetFixture {
  readonly fleet?: FleetConfigInput;
  /** Targets to keep, in this order. @default all four */
  readonly targets?: readonly string[];
  /** Targets with an object store. @default par and gra (managed) */
  readonly objectStores?: readonly string[];
  /** Targets with a database. @default all */
  readonly databases?: readonly string[];
  readonly replicas?: number;
  /** Ingress addresses by target. @default ADDRESSES */
  readonly addresses?: Readonly<Record<string, string>>;
}

export function fleetConfig(f: FleetFixture = {}): StackConfig {
  const names = f.targets ?? TARGETS.map((t) => t.name);
  return parseStackConfig({
    domain: "apps.example.eu",
    targets: names.map((n) => TARGETS.find((t) => t.name === n)),
    workloads: [
      { name: "shop", image: "rg.fr-par.scw.cloud/acme/shop:1.4.2", replicas: f.replicas ?? 8 },
    ],
    fleet: f.fleet ?? { dns: { provider: "scaleway" } },
  });
}

export const objectStoreOf = (target: string): ObjectStoreOutputs => ({
  bucket: pulumi.output(`bucket-${target}`),
  endpoint: pulumi.output(`https://s3.${target}.example.eu`),
  s3Region: `region-${target}`,
  accessKeyId: pulumi.secret(`AK-${target}`),
  secretAccessKey: pulumi.secret(`SK-${target}`),
});

export const databaseOf = (target: string): DatabaseOutputs => ({
  host: pulumi.output(`pg.${target}.internal`),
  port: pulumi.output(5432),
  database: pulumi.output("app"),
  user: pulumi.output("app"),
  password: pulumi.secret(`PW-${target}`),
  sslMode: "require",
});

/** One PlatformEntry per target, as stacks/deploy.ts hands them to deployFleet. */
export function platformsOf(config: StackConfig, f: FleetFixture = {}): PlatformEntry[] {
  const plan = replicasByTarget(config);
  const objectStores = f.objectStores ?? ["par", "gra"];
  const databases = f.databases ?? config.targets.map((t) => t.name);
  return config.targets.map((target) => {
    const vendor = vendorOfTarget(target);
    const place = placeOf(vendor, target.region);
    if (!place) throw new Error(`fixture target ${target.name} has no place`);
    const placement = {
      vendor,
      site: place.site,
      region: target.region,
      country: place.country,
      jurisdiction: place.jurisdiction,
    };
    const contract: PlatformContract = {
      targetName: target.name,
      provider: target.provider,
      placement,
      kubernetes: new k8s.Provider(target.name, { kubeconfig: `kubeconfig-of-${target.name}` }),
      ingressClass: "traefik",
      ingressAddress: pulumi.output(
        f.addresses?.[target.name] ?? ADDRESSES[target.name] ?? "0.0.0.0",
      ),
      domain: config.domain,
      objectStore: objectStores.includes(target.name) ? objectStoreOf(target.name) : undefined,
      database: databases.includes(target.name) ? databaseOf(target.name) : undefined,
      labels: placementLabels(target.name, placement),
      images: ownRegistryImages(`eu-fleet-${target.name}-registry`),
      clusterIssuer: "sovereign-acme",
    };
    const workloads = config.workloads.flatMap((w) => {
      const replicas = plan[w.name]?.[target.name];
      return replicas === undefined
        ? []
        : [
            {
              name: w.name,
              replicas,
              host: pulumi.output(`${w.name}.${target.name}.${config.domain}`),
            },
          ];
    });
    return { target, contract, workloads };
  });
}
