/**
 * Whether an object's API version is removed or deprecated in a Kubernetes minor, from the upstream deprecation
 * guide's table (config/catalog/kubernetes-removed-apis.ts), worded as Pluto reports it.
 */
import { compareMinors } from "../../config/catalog/kubernetes-releases";
import { REMOVED_APIS, type RemovedApi } from "../../config/catalog/kubernetes-removed-apis";
import { apiLabel, type GroupVersionKind } from "./gvk";

export interface ApiStatus {
  readonly status: "removed" | "deprecated";
  readonly api: RemovedApi;
  readonly message: string;
}

const byApi = new Map<string, RemovedApi>(
  REMOVED_APIS.flatMap((api) =>
    api.kinds.map((kind) => [`${api.apiVersion} ${kind}`, api] as const),
  ),
);

function moveTo(api: RemovedApi): string {
  return api.replacement === undefined
    ? "it has no successor API: remove the object"
    : `use ${api.replacement} (served since ${api.replacementSince ?? "?"})`;
}

/**
 * `removed` when `minor` no longer serves the object's API version; `deprecated` when it still does but already
 * serves the replacement; undefined otherwise.
 */
export function apiStatusIn(gvk: GroupVersionKind, minor: string): ApiStatus | undefined {
  const api = byApi.get(apiLabel(gvk));
  if (api === undefined) return undefined;
  if (compareMinors(minor, api.removedIn) >= 0) {
    return {
      status: "removed",
      api,
      message: `${apiLabel(gvk)} was removed in Kubernetes ${api.removedIn} and is not served by ${minor}; ${moveTo(api)}`,
    };
  }
  const since = api.replacementSince;
  if (since !== undefined && compareMinors(minor, since) >= 0) {
    return {
      status: "deprecated",
      api,
      message: `${apiLabel(gvk)} is deprecated in Kubernetes ${minor} and removed in ${api.removedIn}; ${moveTo(api)}`,
    };
  }
  return undefined;
}
