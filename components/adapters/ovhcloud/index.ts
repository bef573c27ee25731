/** The OVHcloud adapter: vRack network + subnet, MKS, S3 Object Storage, managed PostgreSQL, private registry. */
import type { OvhTarget } from "../../../config/schema";
import type { PlatformAdapter } from "../../contract/types";
import { ovhCluster } from "./cluster";
import { ovhDatabase } from "./database";
import { ovhNetwork } from "./network";
import { ovhObjectStore } from "./object-store";
import { ovhRegistry } from "./registry";

export const ovhcloudAdapter: PlatformAdapter<OvhTarget> = {
  provider: "ovhcloud",
  capabilities: { network: true, cluster: true, objectStore: true, database: true, registry: true },
  network: ovhNetwork,
  cluster: ovhCluster,
  objectStore: ovhObjectStore,
  database: ovhDatabase,
  registry: ovhRegistry,
};
