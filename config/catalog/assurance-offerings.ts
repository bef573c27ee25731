/**
 * The toolkit's own assessment of each cloud offering against the Cloud Sovereignty Framework (assurance.ts): a
 * SEAL per objective, each with a one-line rationale, a public source and the date it was assessed. The Commission
 * publishes no levels per provider; these are read from public facts and are overridable by a team's own file
 * (policies/assessments.json, docs/sovereignty.md). A vendor may sell several offerings (Google Cloud and S3NS,
 * AWS and its European Sovereign Cloud); assurance-detection.ts tells them apart from provider config.
 */
import type { ObjectiveId, Seal } from "./assurance";
import type { VendorId } from "./vendors";

export interface Source {
  readonly title: string;
  readonly url: string;
  /** When the source was published or last updated (ISO date, or year-month). */
  readonly published: string;
}

export interface LevelAssessment {
  readonly seal: Seal;
  readonly rationale: string;
  readonly source: Source;
  /** When the level was assessed (ISO date). */
  readonly assessed: string;
}

/**
 * Who controls an offering when that differs from its package's vendor (vendors.ts): the vendor rule of
 * eu-sovereignty judges the offering by this, not by the package (docs/sovereignty.md "Judged as itself").
 */
export interface Control {
  /** True when an EU company controls the operator, whatever its technology supplier. */
  readonly eu: boolean;
  readonly rationale: string;
  readonly source: Source;
}

export interface Offering {
  readonly name: string;
  /** The vendor in config/catalog/vendors.ts whose packages reach this offering. */
  readonly vendor: VendorId;
  /** Who runs it and contracts with the customer. */
  readonly operator: string;
  /** ISO 3166-1 alpha-2 country of the operator's legal seat. */
  readonly country: string;
  readonly levels: Readonly<Record<ObjectiveId, LevelAssessment>>;
  /** @default - the control of its vendor (vendors.ts: EU_VENDORS or not) */
  readonly control?: Control;
}

const ASSESSED = "2026-12-02";

const FRAMEWORK_SOURCE: Source = {
  title: "European Commission, Cloud Sovereignty Framework v1.2.1 (SEAL definitions)",
  url: "https://commission.europa.eu/document/download/09579818-64a6-4dd5-9577-446ab6219113_en",
  published: "2025-10",
};
const VENDOR_CATALOG: Source = {
  title:
    "Legal seat, parent and CLOUD Act exposure as recorded in this toolkit's vendor catalog, read against the framework's SEAL definitions",
  url: "config/catalog/vendors.ts",
  published: ASSESSED,
};
const S3NS_SECNUMCLOUD: Source = {
  title: "S3NS PREMI3NS receives ANSSI SecNumCloud 3.2 qualification (17 Dec 2025), Génération NT",
  url: "https://www.generation-nt.com/actualites/s3ns-thales-google-secnumcloud-certification-anssi-2068299",
  published: "2025-12-24",
};
const S3NS_OWNERSHIP: Source = {
  title:
    "Reuters: Thales creates S3NS with Google; S3NS is majority-owned by Thales, which has full control over the commercialisation of Google's services",
  url: "https://fa.news/amp/160642/",
  published: "2022-06-30",
};
const AWS_EUSC_LAUNCH: Source = {
  title:
    "AWS European Sovereign Cloud generally available: partition aws-eusc, German GmbH entities, EU-resident staff",
  url: "https://cuttlesoft.com/blog/2026/01/26/aws-european-sovereign-cloud",
  published: "2026-01-26",
};

type Levels = Readonly<Record<ObjectiveId, readonly [Seal, string]>>;

function assess(levels: Levels, sources: Partial<Record<ObjectiveId, Source>>, fallback: Source) {
  return Object.fromEntries(
    Object.entries(levels).map(([id, [seal, rationale]]) => [
      id,
      { seal, rationale, source: sources[id as ObjectiveId] ?? fallback, assessed: ASSESSED },
    ]),
  ) as Record<ObjectiveId, LevelAssessment>;
}

/** An EU-owned provider operating its own data centres in the EU; its hardware still comes from outside the EU. */
const EU_OWNED: Levels = {
  "SOV-1": [4, "EU-seated and EU-owned group; no non-EU controlling shareholder"],
  "SOV-2": [4, "EU contracting entity under EU law; no non-EU parent, so no CLOUD Act reach"],
  "SOV-3": [
    3,
    "Data stays in the EU region chosen; keys are managed by the provider, not in customer HSMs",
  ],
  "SOV-4": [3, "Operated and supported from the EU; managed control planes stay the provider's"],
  "SOV-5": [2, "Servers, CPUs and GPUs come from non-EU manufacturers (true of every cloud today)"],
  "SOV-6": [
    3,
    "Open interfaces (Kubernetes, S3 API, Terraform/Pulumi providers); some proprietary APIs",
  ],
  "SOV-7": [
    3,
    "Security operations in the EU under GDPR/NIS2; independent certification not reviewed here",
  ],
  "SOV-8": [2, "Energy and carbon data not reviewed for this assessment"],
};

/** A US-owned hyperscaler's commercial regions, EU regions included. */
const US_HYPERSCALER: Levels = {
  "SOV-1": [0, "US-owned and US-governed group"],
  "SOV-2": [
    1,
    "EU law applies in EU regions but the US parent is subject to the CLOUD Act and FISA 702",
  ],
  "SOV-3": [1, "EU regions available; the provider can be compelled to hand over data"],
  "SOV-4": [0, "Operated by the global organisation, support and access from outside the EU"],
  "SOV-5": [0, "Supply chain under the non-EU provider's sole control"],
  "SOV-6": [1, "Mostly proprietary APIs and services; Kubernetes and some open standards"],
  "SOV-7": [1, "Security operations and compliance controlled by the non-EU provider"],
  "SOV-8": [2, "Energy and carbon data not reviewed for this assessment"],
};

/** A provider seated outside the EU: the framework's SEAL-0 description. */
const NON_EU: Levels = {
  "SOV-1": [0, "Owned and governed outside the EU"],
  "SOV-2": [0, "Contracting entity under non-EU law"],
  "SOV-3": [0, "Data under the control of a non-EU party"],
  "SOV-4": [0, "Operated outside the EU"],
  "SOV-5": [0, "Supply chain under non-EU control"],
  "SOV-6": [1, "Some open interfaces"],
  "SOV-7": [0, "Security operations outside the EU"],
  "SOV-8": [2, "Energy and carbon data not reviewed for this assessment"],
};

const withLevels = (base: Levels, changes: Partial<Levels>): Levels => ({ ...base, ...changes });

const euOwned = (vendor: VendorId, name: string, operator: string, country: string) =>
  ({ name, vendor, operator, country, levels: assess(EU_OWNED, {}, VENDOR_CATALOG) }) as const;

const nonEu = (vendor: VendorId, name: string, operator: string, country: string) =>
  ({ name, vendor, operator, country, levels: assess(NON_EU, {}, VENDOR_CATALOG) }) as const;

export const OFFERINGS = {
  scaleway: euOwned("scaleway", "Scaleway", "Scaleway SAS", "FR"),
  ovhcloud: euOwned("ovhcloud", "OVHcloud (EU)", "OVH SAS", "FR"),
  "ovhcloud-ca": {
    name: "OVHcloud Canada",
    vendor: "ovhcloud",
    operator: "OVH Hosting Inc.",
    country: "CA",
    levels: assess(
      withLevels(EU_OWNED, {
        "SOV-2": [2, "Canadian contracting entity (EU adequacy decision); EU parent"],
        "SOV-3": [1, "Data held under Canadian law in Canadian regions"],
        "SOV-4": [2, "Operated from Canada by a subsidiary of an EU group"],
      }),
      {},
      VENDOR_CATALOG,
    ),
  },
  "ovhcloud-us": {
    name: "OVHcloud US",
    vendor: "ovhcloud",
    operator: "OVHcloud US LLC",
    country: "US",
    levels: assess(
      withLevels(EU_OWNED, {
        "SOV-1": [1, "US subsidiary of an EU group"],
        "SOV-2": [0, "US contracting entity, subject to US law and the CLOUD Act"],
        "SOV-3": [0, "Data held by a US entity in US regions"],
        "SOV-4": [1, "Operated from the US"],
        "SOV-7": [1, "Security operations under US jurisdiction"],
      }),
      {},
      VENDOR_CATALOG,
    ),
  },
  stackit: euOwned("stackit", "STACKIT", "STACKIT GmbH & Co. KG", "DE"),
  ionos: euOwned("ionos", "IONOS Cloud", "IONOS SE", "DE"),
  proximus: euOwned("proximus", "Proximus Sovereign Cloud", "Proximus SA", "BE"),
  post: euOwned("post", "POST Luxembourg Cloud", "POST Luxembourg", "LU"),
  hetzner: euOwned("hetzner", "Hetzner Cloud", "Hetzner Online GmbH", "DE"),
  upcloud: euOwned("upcloud", "UpCloud", "UpCloud Ltd", "FI"),
  outscale: euOwned("outscale", "3DS OUTSCALE", "Outscale SAS", "FR"),
  "google-cloud": {
    name: "Google Cloud",
    vendor: "gcp",
    operator: "Google Cloud (Alphabet Inc.)",
    country: "US",
    levels: assess(US_HYPERSCALER, {}, VENDOR_CATALOG),
  },
  s3ns: {
    name: "S3NS PREMI3NS (Cloud de Confiance)",
    vendor: "gcp",
    operator: "S3NS SAS (Thales, Google minority)",
    country: "FR",
    control: {
      eu: true,
      rationale:
        "S3NS SAS is a French company majority-owned and controlled by Thales (FR); Google supplies the technology as a minority shareholder",
      source: S3NS_OWNERSHIP,
    },
    levels: assess(
      {
        "SOV-1": [
          3,
          "French company controlled by Thales; Google holds a minority stake and sets the roadmap",
        ],
        "SOV-2": [3, "French law; SecNumCloud 3.2 requires immunity from extraterritorial law"],
        "SOV-3": [3, "Data in French data centres administered only by S3NS staff"],
        "SOV-4": [
          2,
          "Operated by S3NS staff; software updates come from Google through a quarantine zone",
        ],
        "SOV-5": [1, "Google hardware and software supply chain"],
        "SOV-6": [1, "Google Cloud's proprietary APIs (universe domain s3nsapis.fr)"],
        "SOV-7": [3, "ANSSI SecNumCloud 3.2 qualification, December 2025"],
        "SOV-8": [2, "Energy and carbon data not reviewed for this assessment"],
      },
      {
        "SOV-1": S3NS_SECNUMCLOUD,
        "SOV-2": S3NS_SECNUMCLOUD,
        "SOV-3": S3NS_SECNUMCLOUD,
        "SOV-4": S3NS_SECNUMCLOUD,
        "SOV-7": S3NS_SECNUMCLOUD,
      },
      FRAMEWORK_SOURCE,
    ),
  },
  aws: {
    name: "Amazon Web Services (commercial partition)",
    vendor: "aws",
    operator: "Amazon Web Services, Inc.",
    country: "US",
    levels: assess(US_HYPERSCALER, {}, VENDOR_CATALOG),
  },
  "aws-european-sovereign-cloud": {
    name: "AWS European Sovereign Cloud",
    vendor: "aws",
    operator: "AWS European Sovereign Cloud GmbH (Amazon.com, Inc.)",
    country: "DE",
    control: {
      eu: false,
      rationale:
        "German GmbH entities wholly owned by Amazon.com, Inc. (US): the US parent, subject to the CLOUD Act, keeps control",
      source: AWS_EUSC_LAUNCH,
    },
    levels: assess(
      {
        "SOV-1": [1, "German GmbH entities with an EU advisory board, wholly owned by Amazon (US)"],
        "SOV-2": [2, "German law; the US parent remains subject to the CLOUD Act"],
        "SOV-3": [2, "Separate partition aws-eusc: data and metadata stay in the EU"],
        "SOV-4": [2, "Operated by EU-resident staff, with a source-code replica for emergencies"],
        "SOV-5": [1, "Amazon's hardware and software supply chain"],
        "SOV-6": [1, "AWS's proprietary APIs"],
        "SOV-7": [
          2,
          "Own EU security operations centre; independent EU certification not reviewed here",
        ],
        "SOV-8": [2, "Energy and carbon data not reviewed for this assessment"],
      },
      {
        "SOV-1": AWS_EUSC_LAUNCH,
        "SOV-2": AWS_EUSC_LAUNCH,
        "SOV-3": AWS_EUSC_LAUNCH,
        "SOV-4": AWS_EUSC_LAUNCH,
        "SOV-7": AWS_EUSC_LAUNCH,
      },
      FRAMEWORK_SOURCE,
    ),
  },
  azure: {
    name: "Microsoft Azure",
    vendor: "azure",
    operator: "Microsoft Corporation",
    country: "US",
    levels: assess(US_HYPERSCALER, {}, VENDOR_CATALOG),
  },
  digitalocean: nonEu("digitalocean", "DigitalOcean", "DigitalOcean, LLC", "US"),
  oracle: {
    name: "Oracle Cloud Infrastructure",
    vendor: "oracle",
    operator: "Oracle Corporation",
    country: "US",
    levels: assess(US_HYPERSCALER, {}, VENDOR_CATALOG),
  },
  akamai: nonEu("akamai", "Akamai Cloud (Linode)", "Akamai Technologies", "US"),
  vultr: nonEu("vultr", "Vultr", "The Constant Company", "US"),
  cloudflare: nonEu("cloudflare", "Cloudflare", "Cloudflare, Inc.", "US"),
  ibm: nonEu("ibm", "IBM Cloud", "IBM", "US"),
  redhat: nonEu("redhat", "Red Hat Quay", "Red Hat (IBM)", "US"),
  docker: nonEu("docker", "Docker Hub", "Docker, Inc.", "US"),
  github: nonEu("github", "GitHub", "GitHub (Microsoft)", "US"),
  cncf: nonEu("cncf", "Kubernetes project registry", "The Linux Foundation", "US"),
  alibaba: nonEu("alibaba", "Alibaba Cloud", "Alibaba Group", "CN"),
  tencent: nonEu("tencent", "Tencent Cloud", "Tencent Holdings", "CN"),
  huawei: nonEu("huawei", "Huawei Cloud", "Huawei Technologies", "CN"),
  "pulumi-cloud": nonEu("pulumi", "Pulumi Cloud", "Pulumi Corporation", "US"),
} as const satisfies Record<string, Offering>;

export type OfferingId = keyof typeof OFFERINGS;
export const OFFERING_IDS = Object.keys(OFFERINGS) as OfferingId[];

export function isOfferingId(id: string): id is OfferingId {
  return Object.hasOwn(OFFERINGS, id);
}
