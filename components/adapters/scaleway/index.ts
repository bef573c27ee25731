/** The Scaleway adapter: VPC + private network, Kapsule, Object Storage, managed PostgreSQL, registry namespace. */
import type { ScalewayTarget } from "../../../config/schema";
import type { PlatformAdapter } from "../../contract/types";
import { scalewayCluster } from "./cluster";
import { scalewayDatabase } from "./database";
import { scalewayNetwork } from "./network";
import { scalewayObjectStore } from "./object-store";
import { scalewayRegistry } from "./registry";

export const scalewayAdapter: PlatformAdapter<ScalewayTarget> = {
  provider: "scaleway",
  capabilities: { network: true, cluster: true, objectStore: true, database: true, registry: true },
  network: scalewayNetwork,
  cluster: scalewayCluster,
  objectStore: scalewayObjectStore,
  database: scalewayDatabase,
  registry: scalewayRegistry,
};
