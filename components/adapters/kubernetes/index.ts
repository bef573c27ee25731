/**
 * The kubernetes adapter: any EU cluster through its kubeconfig (STACKIT SKE, IONOS, Proximus, POST...), with
 * in-cluster or external PostgreSQL, the vendor's S3 service and the registry named in config. Nothing is created
 * at the vendor.
 */
import type { KubernetesTarget } from "../../../config/schema";
import type { PlatformAdapter } from "../../contract/types";
import { kubernetesCluster } from "./cluster";
import { kubernetesDatabase } from "./database";
import { kubernetesObjectStore } from "./object-store";
import { kubernetesRegistry } from "./registry";

export const kubernetesAdapter: PlatformAdapter<KubernetesTarget> = {
  provider: "kubernetes",
  capabilities: {
    network: false,
    cluster: true,
    objectStore: true,
    database: true,
    registry: true,
  },
  network: () => undefined,
  cluster: kubernetesCluster,
  objectStore: kubernetesObjectStore,
  database: kubernetesDatabase,
  registry: kubernetesRegistry,
};
