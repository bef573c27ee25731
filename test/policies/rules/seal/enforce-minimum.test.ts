import { describe, expect, test } from "vitest";
import { sealEnforceMinimum as policy } from "../../../../policies/rules/seal";
import {
  defaultProvider,
  explicitProvider,
  UNKNOWN,
  validateStack,
  type ResourceSpec,
} from "../../fixtures/args";

const S3NS = explicitProvider("gcp", "s3ns", { universeDomain: "s3nsapis.fr", project: "p" });
const GOOGLE = explicitProvider("gcp", "google", { project: "p" });
const EUSC = explicitProvider("aws", "eusc", { region: "eusc-de-east-1" });
const COMMERCIAL = explicitProvider("aws", "commercial", { region: "eu-west-3" });

const bucket = (type: string, provider: ResourceSpec["provider"], name = "data"): ResourceSpec => ({
  type,
  name,
  props: { location: "u-france-east1" },
  ...(provider ? { provider } : {}),
});
const workload = (vendor: string, classification: string, name = "shop"): ResourceSpec => ({
  type: "sovereign:workload:Workload",
  name: `${name}-${vendor}`,
  props: { name, vendor, classification },
});
const scalewayBucket = bucket(
  "scaleway:index/objectBucket:ObjectBucket",
  defaultProvider("scaleway", { region: "fr-par" }),
);

describe("seal-enforce-minimum", () => {
  test("passes EU-owned offerings holding internal data at the default minimums", async () => {
    expect(await validateStack(policy, [scalewayBucket, workload("scaleway", "internal")])).toEqual(
      { violations: [] },
    );
  });

  test("judges S3NS by its own levels, not Google Cloud's", async () => {
    const s3ns = await validateStack(policy, [bucket("gcp:storage/bucket:Bucket", S3NS)]);
    const google = await validateStack(policy, [bucket("gcp:storage/bucket:Bucket", GOOGLE)]);
    expect(s3ns.violations).toEqual([]);
    expect(google.violations.map((m) => m.split(";")[0])).toEqual([
      "relies on Google Cloud (google-cloud, Google Cloud (Alphabet Inc.), US), assessed SEAL-1 for SOV-2 Legal and jurisdictional sovereignty",
      "relies on Google Cloud (google-cloud, Google Cloud (Alphabet Inc.), US), assessed SEAL-1 for SOV-3 Data and AI sovereignty",
    ]);
  });

  test("judges the AWS European Sovereign Cloud apart from commercial AWS", async () => {
    const config = { "seal-enforce-minimum": { minimum: { "SOV-4": 2 } } };
    const eusc = await validateStack(policy, [bucket("aws:s3/bucket:Bucket", EUSC)], config);
    const aws = await validateStack(policy, [bucket("aws:s3/bucket:Bucket", COMMERCIAL)], config);
    expect(eusc.violations).toEqual([]);
    expect(aws.violations.map((m) => m.split(";")[0])).toEqual([
      "relies on Amazon Web Services (commercial partition) (aws, Amazon Web Services, Inc., US), assessed SEAL-1 for SOV-2 Legal and jurisdictional sovereignty",
      "relies on Amazon Web Services (commercial partition) (aws, Amazon Web Services, Inc., US), assessed SEAL-1 for SOV-3 Data and AI sovereignty",
      "relies on Amazon Web Services (commercial partition) (aws, Amazon Web Services, Inc., US), assessed SEAL-0 for SOV-4 Operational sovereignty",
    ]);
  });

  test("blocks exactly the offerings below a raised minimum, naming level, requirement and source", async () => {
    const resources = [
      scalewayBucket,
      bucket("gcp:storage/bucket:Bucket", S3NS, "s3ns-data"),
      bucket("aws:s3/bucket:Bucket", EUSC, "eusc-data"),
    ];
    const outcome = await validateStack(policy, resources, {
      "seal-enforce-minimum": { minimum: { "SOV-4": 3 } },
    });
    expect(outcome.violations).toEqual([
      "relies on S3NS PREMI3NS (Cloud de Confiance) (s3ns, S3NS SAS (Thales, Google minority), FR), assessed SEAL-2 for SOV-4 Operational sovereignty; the minimum is SEAL-3. Assessment by toolkit, 2026-12-02: Operated by S3NS staff; software updates come from Google through a quarantine zone (source: S3NS PREMI3NS receives ANSSI SecNumCloud 3.2 qualification (17 Dec 2025), Génération NT, https://www.generation-nt.com/actualites/s3ns-thales-google-secnumcloud-certification-anssi-2068299, 2025-12-24).",
      "relies on AWS European Sovereign Cloud (aws-european-sovereign-cloud, AWS European Sovereign Cloud GmbH (Amazon.com, Inc.), DE), assessed SEAL-2 for SOV-4 Operational sovereignty; the minimum is SEAL-3. Assessment by toolkit, 2026-12-02: Operated by EU-resident staff, with a source-code replica for emergencies (source: AWS European Sovereign Cloud generally available: partition aws-eusc, German GmbH entities, EU-resident staff, https://cuttlesoft.com/blog/2026/01/26/aws-european-sovereign-cloud, 2026-01-26).",
    ]);
  });

  test("applies the class of the workloads running on an offering", async () => {
    const outcome = await validateStack(policy, [
      bucket("gcp:storage/bucket:Bucket", S3NS),
      workload("scaleway", "restricted"),
    ]);
    expect(outcome.violations).toEqual([]);
    const restricted = await validateStack(policy, [
      bucket(
        "ovh:CloudProject/database:Database",
        explicitProvider("ovh", "us", { endpoint: "ovh-us" }),
      ),
      workload("ovhcloud", "restricted"),
    ]);
    // ovhcloud-us is not the ovhcloud offering the workload names: it is judged at the default class.
    expect(restricted.violations.map((m) => m.split(";")[0])).toEqual([
      "relies on OVHcloud US (ovhcloud-us, OVHcloud US LLC, US), assessed SEAL-0 for SOV-2 Legal and jurisdictional sovereignty",
      "relies on OVHcloud US (ovhcloud-us, OVHcloud US LLC, US), assessed SEAL-0 for SOV-3 Data and AI sovereignty",
    ]);
  });

  test("raises the defaults per class from byClassification", async () => {
    const outcome = await validateStack(
      policy,
      [bucket("gcp:storage/bucket:Bucket", S3NS), workload("stackit", "public")],
      {
        "seal-enforce-minimum": {
          defaultClassification: "restricted",
          byClassification: { restricted: { "SOV-2": 4 } },
        },
      },
    );
    expect(outcome.violations.map((m) => m.split(";")[0])).toContain(
      "relies on S3NS PREMI3NS (Cloud de Confiance) (s3ns, S3NS SAS (Thales, Google minority), FR), assessed SEAL-3 for SOV-2 Legal and jurisdictional sovereignty",
    );
  });

  test("fails closed when the offering cannot be told", async () => {
    const outcome = await validateStack(policy, [
      bucket("aws:s3/bucket:Bucket", defaultProvider("aws")),
    ]);
    expect(outcome.violations).toEqual([
      "the offering this resource relies on cannot be told: Amazon Web Services's offerings (aws-european-sovereign-cloud, aws) are told apart by the provider's 'region', which is not set (it falls back to the environment, which no policy sees): set aws:region.",
    ]);
  });

  test("leaves an offering decided by a value unknown during preview to the engine", async () => {
    const provider = explicitProvider("gcp", "later", { universeDomain: UNKNOWN });
    expect(await validateStack(policy, [bucket("gcp:storage/bucket:Bucket", provider)])).toEqual({
      violations: [],
    });
  });

  test("places a Kubernetes cluster by its kubeconfig's API server", async () => {
    const kubeconfig = [
      "apiVersion: v1",
      "clusters: [{name: c, cluster: {server: 'https://0b9f.api.k8s.fr-par.scw.cloud:6443'}}]",
      "contexts: [{name: c, context: {cluster: c}}]",
      "current-context: c",
    ].join("\n");
    const outcome = await validateStack(
      policy,
      [{ type: "pulumi:providers:kubernetes", name: "par", props: { kubeconfig } }],
      { "seal-enforce-minimum": { minimum: { "SOV-5": 3 } } },
    );
    expect(outcome.violations.map((m) => m.split(";")[0])).toEqual([
      "relies on Scaleway (scaleway, Scaleway SAS, FR), assessed SEAL-2 for SOV-5 Supply chain sovereignty",
    ]);
  });

  test.each([
    [{ minimum: { "SOV-1": 5 } }, ["minimum.SOV-1: must be 0, 1, 2, 3 or 4"]],
    [{ enforcementLevel: "mandatory", minimum: { "SOV-1": 4 } }, []],
  ])("checks pack config %j", (config, problems) => {
    expect(policy.configProblems?.(config)).toEqual(problems);
  });
});
