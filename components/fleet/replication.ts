/**
 * Cross-vendor copies of every target's data: per source target a namespace, and per copy a Secret with the
 * credentials and a CronJob on the source's cluster that ships the data to the next target of another vendor.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { FleetConfig } from "../../config/fleet";
import { LABEL } from "../../domain/labels";
import { workloadLabels } from "../contract/labels";
import type { ObjectStoreOutputs } from "../contract/types";
import { FLEET_LABEL, type CopyKind } from "../../domain/fleet-facts";
import { mirroredImage } from "../../config/catalog/mirrored";
import { pullSecretsIn } from "../contract/images";
import {
  databaseBackupSpec,
  databaseSecretData,
  objectSyncSpec,
  remoteKeys,
  type CopyArgs,
  type JobImages,
} from "./jobs";
import { planCopies, ringSitesOf, type PlannedCopy, type PlatformEntry } from "./plan";

/** App name of the replication objects; their role per kind. Kubernetes names are these, the same on every target. */
export const REPLICATION_APP = "fleet-replication";
export const COPY_ROLE: Readonly<Record<CopyKind, string>> = {
  objects: "object-sync",
  database: "database-backup",
};

/** The namespace runs only `restricted` pods, so a hardening slip fails at admission. */
const POD_SECURITY_LABELS = {
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/enforce-version": "latest",
} as const;

type Entry = PlatformEntry;

interface CopyContext {
  readonly copy: PlannedCopy;
  readonly from: Entry;
  readonly to: Entry;
  readonly namespace: pulumi.Output<string>;
  readonly images: JobImages;
  readonly replication: FleetConfig["replication"];
  readonly opts: pulumi.CustomResourceOptions;
}

const s3Keys = (remote: "SRC" | "DST", store: ObjectStoreOutputs) => {
  const keys = remoteKeys(remote);
  return {
    [keys.accessKeyId]: pulumi.secret(store.accessKeyId),
    [keys.secretAccessKey]: pulumi.secret(store.secretAccessKey),
  };
};

/** Per kind: what the Secret holds and how the CronJob's spec is built. */
const COPIES: Readonly<
  Record<
    CopyKind,
    {
      secretData(c: CopyContext, dst: ObjectStoreOutputs): Record<string, pulumi.Input<string>>;
      spec(c: CopyContext, args: CopyArgs): k8s.types.input.batch.v1.CronJobSpec;
    }
  >
> = {
  objects: {
    secretData: (c, dst) => ({ ...s3Keys("SRC", storeOf(c.from)), ...s3Keys("DST", dst) }),
    spec: (c, args) => objectSyncSpec({ ...args, sourceStore: storeOf(c.from) }),
  },
  database: {
    secretData: (c, dst) => ({ ...databaseSecretData(databaseOf(c.from)), ...s3Keys("DST", dst) }),
    spec: (c, args) => databaseBackupSpec({ ...args, db: databaseOf(c.from) }),
  },
};

function storeOf(entry: Entry): ObjectStoreOutputs {
  const store = entry.contract.objectStore;
  if (!store) throw new Error(`target ${entry.target.name} has no object store to copy`);
  return store;
}

function databaseOf(entry: Entry) {
  const db = entry.contract.database;
  if (!db) throw new Error(`target ${entry.target.name} has no database to back up`);
  return db;
}

/** Creates the namespaces, Secrets and CronJobs of every planned copy; returns the CronJobs. */
export function createReplication(
  name: string,
  parent: pulumi.Resource,
  fleet: FleetConfig,
  platforms: readonly Entry[],
): k8s.batch.v1.CronJob[] {
  const { copies } = planCopies(ringSitesOf(platforms));
  const byName = new Map(platforms.map((p) => [p.target.name, p]));
  const namespaces = new Map<string, { name: pulumi.Output<string>; images: JobImages }>();
  return copies.map((copy) => {
    const from = byName.get(copy.source);
    const to = byName.get(copy.destination);
    if (!from || !to)
      throw new Error(`copy ${copy.source} → ${copy.destination} names an unknown target`);
    const opts: pulumi.CustomResourceOptions = { parent, provider: from.contract.kubernetes };
    const labels = workloadLabels(REPLICATION_APP, from.contract.labels).all;
    let namespace = namespaces.get(copy.source);
    if (!namespace) {
      const created = new k8s.core.v1.Namespace(
        `${name}-${copy.source}-replication`,
        {
          metadata: {
            name: fleet.replication.namespace,
            labels: { ...labels, ...POD_SECURITY_LABELS },
          },
        },
        opts,
      ).metadata.name;
      namespace = {
        name: created,
        images: jobImages(`${name}-${copy.source}-replication`, created, from, fleet, labels, opts),
      };
      namespaces.set(copy.source, namespace);
    }
    return createCopy(
      `${name}-${copy.source}-${COPY_ROLE[copy.kind]}`,
      {
        copy,
        from,
        to,
        namespace: namespace.name,
        images: namespace.images,
        replication: fleet.replication,
        opts,
      },
      labels,
    );
  });
}

/** The source target's job images (config, else its mirror) and the pull Secret of the replication namespace. */
function jobImages(
  name: string,
  namespace: pulumi.Output<string>,
  from: Entry,
  fleet: FleetConfig,
  labels: Readonly<Record<string, string>>,
  opts: pulumi.CustomResourceOptions,
): JobImages {
  const images = from.contract.images;
  const mirror = images.mirror.endpoint;
  return {
    rclone: fleet.replication.rcloneImage ?? mirror.apply((m) => mirroredImage(m, "rclone")),
    postgres:
      fleet.replication.postgresImage ??
      mirror.apply((m) => mirroredImage(m, "cloudNativePgPostgres")),
    pullSecrets: pullSecretsIn(name, namespace, images, labels, opts),
  };
}

function createCopy(
  childName: string,
  c: CopyContext,
  baseLabels: Readonly<Record<string, string>>,
): k8s.batch.v1.CronJob {
  const role = COPY_ROLE[c.copy.kind];
  const labels = {
    ...baseLabels,
    // Set from the plan, not only inherited: the diversification pack reads the copy's ends from these.
    [LABEL.target]: c.copy.source,
    [LABEL.vendor]: c.copy.sourceVendor,
    [LABEL.component]: role,
    [FLEET_LABEL.copyOf]: c.copy.kind,
    [FLEET_LABEL.copyToTarget]: c.copy.destination,
    [FLEET_LABEL.copyToVendor]: c.copy.destinationVendor,
  };
  const dst = storeOf(c.to);
  const secret = new k8s.core.v1.Secret(
    `${childName}-credentials`,
    {
      metadata: { name: `${role}-credentials`, namespace: c.namespace, labels },
      type: "Opaque",
      stringData: COPIES[c.copy.kind].secretData(c, dst),
    },
    c.opts,
  );
  const args: CopyArgs = {
    source: { target: c.copy.source, vendor: c.copy.sourceVendor },
    destination: { vendor: c.copy.destinationVendor, store: dst },
    secretName: secret.metadata.name,
    images: c.images,
    replication: c.replication,
    labels,
  };
  return new k8s.batch.v1.CronJob(
    childName,
    {
      metadata: { name: role, namespace: c.namespace, labels },
      spec: COPIES[c.copy.kind].spec(c, args),
    },
    c.opts,
  );
}
