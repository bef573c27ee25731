import { beforeEach, describe, expect, test } from "vitest";
import type { RecordedResource, Recording } from "../../../cli/engine/recorder";
import { deployFleet, nextOtherVendor, planCopies, type RingSite } from "../../../components/fleet";
import { containersOf, podSpecOf } from "../../../domain/pods";
import { recordingMocks, settle, unwrap } from "../../helpers/mocks";
import { fleetConfig, platformsOf, type FleetFixture } from "./fixtures";

let recording: Recording;
beforeEach(() => {
  recording = recordingMocks({ stack: "eu-fleet" });
});

async function build(f: FleetFixture = {}) {
  const config = fleetConfig(f);
  await unwrap(deployFleet("eu-fleet", { config, platforms: platformsOf(config, f) }).urn);
  const resources = await settle(recording);
  const find = (name: string): RecordedResource => {
    const found = resources.find((r) => r.name === name);
    if (!found) throw new Error(`no resource ${name}`);
    return found;
  };
  return {
    resources,
    find,
    cronJobs: resources.filter((r) => r.type === "kubernetes:batch/v1:CronJob"),
  };
}

const site = (name: string, vendor: string, objects = true, database = true): RingSite => ({
  name,
  vendor,
  objects,
  database,
});

describe("planCopies", () => {
  test("pairs each data service with the next target of another vendor that has a bucket", () => {
    const sites = [
      site("par", "scaleway"),
      site("gra", "ovhcloud"),
      site("ske", "stackit", false),
      site("ionos", "ionos", false),
    ];
    expect(planCopies(sites).copies.map((c) => `${c.kind}:${c.source}->${c.destination}`)).toEqual([
      "objects:par->gra",
      "database:par->gra",
      "objects:gra->par",
      "database:gra->par",
      "database:ske->par",
      "database:ionos->par",
    ]);
  });

  test("skips a neighbour of the same vendor", () => {
    const sites = [site("par", "scaleway"), site("ams", "scaleway"), site("gra", "ovhcloud")];
    expect(nextOtherVendor(sites, sites[0] as RingSite)?.name).toBe("gra");
    expect(nextOtherVendor(sites, sites[2] as RingSite)?.name).toBe("par");
  });

  test("plans no copy when every target runs at one vendor, yet lists every data service", () => {
    const plan = planCopies([site("par", "scaleway"), site("ams", "scaleway", true, false)]);
    expect(plan).toEqual({
      stateful: [
        { target: "par", vendor: "scaleway", kind: "objects" },
        { target: "par", vendor: "scaleway", kind: "database" },
        { target: "ams", vendor: "scaleway", kind: "objects" },
      ],
      copies: [],
    });
  });
});

describe("fleet replication", () => {
  test("syncs par's bucket into gra's with rclone remotes whose keys come from a Secret", async () => {
    const { find } = await build();
    const job = find("eu-fleet-par-object-sync");
    const spec = podSpecOf(job.type, job.inputs);
    const [rclone] = containersOf(spec ?? {});
    const fromSecret = (key: string) => ({
      secretKeyRef: { name: "object-sync-credentials", key },
    });
    expect(rclone?.container.args).toEqual([
      "sync",
      "src:$(SRC_BUCKET)",
      "dst:$(DST_BUCKET)/fleet-replicas/par",
      "--exclude",
      "/fleet-replicas/**",
      "--exclude",
      "/fleet-backups/**",
      "--fast-list",
    ]);
    expect(rclone?.container.env).toEqual([
      { name: "HOME", value: "/tmp" },
      { name: "XDG_CACHE_HOME", value: "/tmp/cache" },
      { name: "RCLONE_CONFIG_SRC_TYPE", value: "s3" },
      { name: "RCLONE_CONFIG_SRC_PROVIDER", value: "Scaleway" },
      { name: "RCLONE_CONFIG_SRC_ENDPOINT", value: "https://s3.par.example.eu" },
      { name: "RCLONE_CONFIG_SRC_REGION", value: "region-par" },
      { name: "RCLONE_CONFIG_SRC_NO_CHECK_BUCKET", value: "true" },
      { name: "RCLONE_CONFIG_SRC_ACCESS_KEY_ID", valueFrom: fromSecret("SRC_ACCESS_KEY_ID") },
      {
        name: "RCLONE_CONFIG_SRC_SECRET_ACCESS_KEY",
        valueFrom: fromSecret("SRC_SECRET_ACCESS_KEY"),
      },
      { name: "SRC_BUCKET", value: "bucket-par" },
      { name: "RCLONE_CONFIG_DST_TYPE", value: "s3" },
      { name: "RCLONE_CONFIG_DST_PROVIDER", value: "Other" },
      { name: "RCLONE_CONFIG_DST_ENDPOINT", value: "https://s3.gra.example.eu" },
      { name: "RCLONE_CONFIG_DST_REGION", value: "region-gra" },
      { name: "RCLONE_CONFIG_DST_NO_CHECK_BUCKET", value: "true" },
      { name: "RCLONE_CONFIG_DST_ACCESS_KEY_ID", valueFrom: fromSecret("DST_ACCESS_KEY_ID") },
      {
        name: "RCLONE_CONFIG_DST_SECRET_ACCESS_KEY",
        valueFrom: fromSecret("DST_SECRET_ACCESS_KEY"),
      },
      { name: "DST_BUCKET", value: "bucket-gra" },
    ]);
    expect(job.inputs.metadata).toEqual({
      name: "object-sync",
      namespace: "sovereign-fleet",
      labels: {
        "app.kubernetes.io/part-of": "sovereign-deploy",
        "app.kubernetes.io/managed-by": "pulumi",
        "app.kubernetes.io/name": "fleet-replication",
        "app.kubernetes.io/instance": "fleet-replication",
        "app.kubernetes.io/component": "object-sync",
        "sovereign.eu/vendor": "scaleway",
        "sovereign.eu/region": "fr-par",
        "sovereign.eu/country": "FR",
        "sovereign.eu/target": "par",
        "sovereign.eu/copy-of": "objects",
        "sovereign.eu/copy-to-target": "gra",
        "sovereign.eu/copy-to-vendor": "ovhcloud",
      },
    });
  });

  test("keeps every credential in Secrets marked secret", async () => {
    const { resources } = await build();
    const secrets = resources.filter((r) => r.type === "kubernetes:core/v1:Secret");
    expect(Object.fromEntries(secrets.map((s) => [s.name, [...s.secretPaths].sort()]))).toEqual({
      "eu-fleet-par-object-sync-credentials": [
        "stringData.DST_ACCESS_KEY_ID",
        "stringData.DST_SECRET_ACCESS_KEY",
        "stringData.SRC_ACCESS_KEY_ID",
        "stringData.SRC_SECRET_ACCESS_KEY",
      ],
      "eu-fleet-gra-object-sync-credentials": [
        "stringData.DST_ACCESS_KEY_ID",
        "stringData.DST_SECRET_ACCESS_KEY",
        "stringData.SRC_ACCESS_KEY_ID",
        "stringData.SRC_SECRET_ACCESS_KEY",
      ],
      ...Object.fromEntries(
        ["par", "gra", "ske", "ionos"].map((t) => [
          `eu-fleet-${t}-database-backup-credentials`,
          [
            "stringData.DST_ACCESS_KEY_ID",
            "stringData.DST_SECRET_ACCESS_KEY",
            "stringData.PGDATABASE",
            "stringData.PGHOST",
            "stringData.PGPASSWORD",
            "stringData.PGPORT",
            "stringData.PGUSER",
          ],
        ]),
      ),
      ...Object.fromEntries(
        ["par", "gra", "ske", "ionos"].map((t) => [
          `eu-fleet-${t}-replication-pull-secret`,
          ["stringData..dockerconfigjson"],
        ]),
      ),
    });
    const ske = resources.find((r) => r.name === "eu-fleet-ske-database-backup-credentials");
    expect(ske?.inputs.stringData).toEqual({
      PGHOST: "pg.ske.internal",
      PGPORT: "5432",
      PGDATABASE: "app",
      PGUSER: "app",
      PGPASSWORD: "PW-ske",
      DST_ACCESS_KEY_ID: "AK-par",
      DST_SECRET_ACCESS_KEY: "SK-par",
    });
  });

  test("never puts a credential in a job's plain environment", async () => {
    const { cronJobs } = await build();
    const plainValues = cronJobs.flatMap((j) =>
      containersOf(podSpecOf(j.type, j.inputs) ?? {}).flatMap((c) =>
        (c.container.env as { value?: string }[]).map((e) => e.value),
      ),
    );
    for (const secret of ["AK-", "SK-", "PW-"])
      expect(plainValues.filter((v) => v?.startsWith(secret))).toEqual([]);
    expect(cronJobs.flatMap((j) => j.secretPaths)).toEqual([]);
  });

  test("dumps ske's database and ships it into par's bucket, keeping 14 days", async () => {
    const { find } = await build();
    const job = find("eu-fleet-ske-database-backup");
    const spec = podSpecOf(job.type, job.inputs) ?? {};
    expect(
      containersOf(spec).map((c) => [
        c.role,
        c.container.name,
        c.container.image,
        c.container.command,
      ]),
    ).toEqual([
      [
        "containers",
        "rclone",
        "rg.fr-par.scw.cloud/eu-fleet-ske-registry/rclone:1.68.2",
        [
          "/bin/sh",
          "-c",
          'rclone copy /work "dst:$DST_BUCKET/fleet-backups/ske" && rclone delete --min-age 14d "dst:$DST_BUCKET/fleet-backups/ske"',
        ],
      ],
      [
        "initContainers",
        "pg-dump",
        "rg.fr-par.scw.cloud/eu-fleet-ske-registry/cloudnative-pg/postgresql:16.15-system-trixie",
        [
          "/bin/sh",
          "-c",
          "pg_dump --format=custom --no-owner --no-privileges --file=/work/$(date -u +%Y%m%dT%H%M%SZ).dump",
        ],
      ],
    ]);
    const pgDump = containersOf(spec).find((c) => c.role === "initContainers")?.container;
    const fromSecret = (key: string) => ({
      name: key,
      valueFrom: { secretKeyRef: { name: "database-backup-credentials", key } },
    });
    expect(pgDump?.env).toEqual([
      fromSecret("PGHOST"),
      fromSecret("PGPORT"),
      fromSecret("PGDATABASE"),
      fromSecret("PGUSER"),
      fromSecret("PGPASSWORD"),
      { name: "PGSSLMODE", value: "require" },
    ]);
    expect(spec.volumes).toEqual([
      { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
      { name: "work", emptyDir: { sizeLimit: "20Gi" } },
    ]);
    expect(job.inputs.spec).toMatchObject({
      schedule: "0 * * * *",
      timeZone: "Etc/UTC",
      concurrencyPolicy: "Forbid",
    });
  });

  test("hardens every container of every job as the workload baseline asks", async () => {
    const { cronJobs } = await build();
    const containers = cronJobs.flatMap((j) => containersOf(podSpecOf(j.type, j.inputs) ?? {}));
    expect(containers).toHaveLength(10);
    for (const { container } of containers) {
      expect(container.securityContext).toEqual({
        runAsNonRoot: true,
        runAsUser: 10001,
        runAsGroup: 10001,
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
      });
      expect(Object.keys(container.resources as object).sort()).toEqual(["limits", "requests"]);
      expect(container.volumeMounts).toContainEqual({ name: "tmp", mountPath: "/tmp" });
      // From the source target's own mirror.
      expect(container.image).toMatch(
        /^rg\.fr-par\.scw\.cloud\/eu-fleet-[a-z]+-registry\/[a-z/-]+:[0-9][0-9a-z.-]*$/,
      );
    }
  });

  test("labels the replication namespace for restricted pods", async () => {
    const { find } = await build();
    expect(find("eu-fleet-gra-replication").inputs.metadata).toMatchObject({
      name: "sovereign-fleet",
      labels: {
        "pod-security.kubernetes.io/enforce": "restricted",
        "sovereign.eu/target": "gra",
        "sovereign.eu/vendor": "ovhcloud",
      },
    });
  });

  test("uses the schedules, namespace and images from config", async () => {
    const replication = {
      namespace: "dr",
      objectSchedule: "5 * * * *",
      rcloneImage: "rg.nl-ams.scw.cloud/m/rclone:1.69.0",
    };
    const { find } = await build({ fleet: { dns: { provider: "ovhcloud" }, replication } });
    const job = find("eu-fleet-gra-object-sync");
    expect(job.inputs.metadata).toMatchObject({ namespace: "dr" });
    expect(job.inputs.spec).toMatchObject({ schedule: "5 * * * *" });
    expect(
      containersOf(podSpecOf(job.type, job.inputs) ?? {}).map((c) => c.container.image),
    ).toEqual(["rg.nl-ams.scw.cloud/m/rclone:1.69.0"]);
  });

  test("creates no copy job in a single-vendor fleet", async () => {
    const { cronJobs } = await build({ targets: ["par"] });
    expect(cronJobs).toEqual([]);
  });
});
