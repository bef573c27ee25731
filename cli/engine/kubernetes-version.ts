/** The `--kubernetes-version` option, read without loading the engine (argument errors stay fast). */
import { minorOf } from "../../config/catalog/kubernetes-releases";
import { DEFAULT_KUBERNETES_VERSION, SCHEMA_VERSIONS } from "../../config/kubernetes/sources";
import { CheckError } from "./errors";

/**
 * `--kubernetes-version`: the minor it names (`1.36`, `v1.36` and `1.36.2` name `1.36`), which must have a
 * vendored schema; a CheckError naming the vendored minors otherwise.
 */
export function kubernetesVersionOption(text: string): string {
  const minor = minorOf(text);
  if (minor === undefined) {
    throw new CheckError(
      `--kubernetes-version ${text}: expected a Kubernetes minor such as ${DEFAULT_KUBERNETES_VERSION}`,
    );
  }
  if (!SCHEMA_VERSIONS.includes(minor)) {
    throw new CheckError(
      `--kubernetes-version ${text}: no vendored Kubernetes schema for ${minor}; use one of ${SCHEMA_VERSIONS.join(", ")} (config/kubernetes/README.md says how to add one)`,
    );
  }
  return minor;
}
