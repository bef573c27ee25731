/** The kubernetes adapter's context and the connection settings its target names in config. */
import type { KubernetesTarget } from "../../../config/schema";
import type { TargetContext } from "../../contract/types";

export type KubernetesContext = TargetContext<KubernetesTarget>;
export type DatabaseSettings = KubernetesTarget["database"];
export type DatabaseMode = DatabaseSettings["mode"];
export type DatabaseOf<M extends DatabaseMode> = Extract<DatabaseSettings, { mode: M }>;
export type ObjectStoreSettings = KubernetesTarget["objectStore"];
export type ObjectStoreMode = ObjectStoreSettings["mode"];
export type ObjectStoreOf<M extends ObjectStoreMode> = Extract<ObjectStoreSettings, { mode: M }>;
