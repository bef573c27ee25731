/**
 * How pods get the images of their target (components/contract/types.ts `TargetImages`): the copy of a workload's
 * image in the target's registry, and the `kubernetes.io/dockerconfigjson` Secret that carries each registry's
 * credential into a namespace. Shared by the workload, the platform's own pods and the fleet's jobs.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { RegistryCredential, RegistryOutputs, TargetImages } from "./types";

/** Name of the `kubernetes.io/dockerconfigjson` Secret in every namespace whose pods pull from a private registry. */
export const PULL_SECRET = "sovereign-registry";

type Credentialed = RegistryOutputs & { readonly credential: RegistryCredential };

/** Basic-auth token of a Docker config entry. */
const authOf = (username: string, password: string) =>
  Buffer.from(`${username}:${password}`).toString("base64");

/**
 * `.dockerconfigjson` holding each credential, keyed by the registry's host and path (the kubelet matches image
 * references by host and path prefix, so two namespaces on one host keep their own credentials). Secret.
 */
export function dockerConfigJson(registries: readonly Credentialed[]): pulumi.Output<string> {
  const entries = registries.map((r) =>
    pulumi
      .all([r.endpoint, r.credential.username, r.credential.password])
      .apply(([endpoint, username, password]) => [
        endpoint,
        { username, password, auth: authOf(username, password) },
      ]),
  );
  return pulumi.secret(
    pulumi.all(entries).apply((pairs) => JSON.stringify({ auths: Object.fromEntries(pairs) })),
  );
}

/**
 * Creates the pull Secret `${name}-pull-secret` in `namespace` and returns the pods' `imagePullSecrets`: empty when
 * every registry the target pulls from is anonymous.
 */
export function pullSecretsIn(
  name: string,
  namespace: pulumi.Input<string>,
  images: TargetImages,
  labels: Readonly<Record<string, string>>,
  opts: pulumi.CustomResourceOptions,
): { name: pulumi.Output<string> }[] {
  if (images.pullCredentials.length === 0) return [];
  const secret = new k8s.core.v1.Secret(
    `${name}-pull-secret`,
    {
      metadata: { name: PULL_SECRET, namespace, labels: { ...labels } },
      type: "kubernetes.io/dockerconfigjson",
      stringData: { ".dockerconfigjson": dockerConfigJson(images.pullCredentials) },
    },
    opts,
  );
  return [{ name: secret.metadata.name }];
}

/** The copy of `image` in `registry`: its last path segment (name and tag or digest) under the registry. Pure. */
export function copiedImage(image: string, registry: string): string {
  const last = image.slice(image.lastIndexOf("/") + 1);
  return `${registry}/${last}`;
}

/** The image a workload's pods run on this target: its copy in the target's registry, else the image as configured. */
export function workloadImage(image: string, images: TargetImages): pulumi.Input<string> {
  return images.registry ? images.registry.endpoint.apply((r) => copiedImage(image, r)) : image;
}
