/**
 * The kubernetes adapter: any EU cluster through its kubeconfig (STACKIT SKE, IONOS, Proximus, POST...), with
 * in-cluster or external PostgreSQL and the vendor's S3 service. No network and no registry are created.
 */
import type { KubernetesTarget } from "../../../config/schema";
import type { PlatformAdapter } from "../../contract/types";
import { kubernetesCluster } from "./cluster";
import { kubernetesDatabase } from "./database";
import { kubernetesObjectStore } from "./object-store";

export const kubernetesAdapter: PlatformAdapter<KubernetesTarget> = {
  provider: "kubernetes",
  capabilities: {
    network: false,
    cluster: true,
    objectStore: true,
    database: true,
    registry: false,
  },
  network: () => undefined,
  cluster: kubernetesCluster,
  objectStore: kubernetesObjectStore,
  database: kubernetesDatabase,
  registry: () => undefined,
};
