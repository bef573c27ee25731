/**
 * API versions Kubernetes stopped serving: the "Removed APIs by release" table of the upstream Deprecated API
 * Migration Guide (kubernetes.io/docs/reference/using-api/deprecation-guide/, Apache-2.0 docs), cross-checked
 * against FairwindsOps/pluto `versions.yaml` (Apache-2.0, 2026-04-27), the table Pluto users run. Read 2026-12-02.
 * Pluto's later alpha/beta DRA rows are left out: the vendored 1.36 OpenAPI document still defines those versions.
 * A version counts as deprecated from the minor that serves its replacement until `removedIn`.
 */

export interface RemovedApi {
  /** `policy/v1beta1`. */
  readonly apiVersion: string;
  readonly kinds: readonly string[];
  /** The first minor that no longer serves this version. */
  readonly removedIn: string;
  /** The apiVersion to move to, or undefined when the API was dropped with no successor. */
  readonly replacement: string | undefined;
  /** The minor that first served the replacement (the guide's "available since"). */
  readonly replacementSince: string | undefined;
  /** The guide's section for the release that removed it. */
  readonly guide: string;
}

const GUIDE = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";
const row = (
  apiVersion: string,
  kinds: readonly string[],
  removedIn: string,
  replacement?: readonly [apiVersion: string, since: string],
): RemovedApi => ({
  apiVersion,
  kinds,
  removedIn,
  replacement: replacement?.[0],
  replacementSince: replacement?.[1],
  guide: `${GUIDE}#v${removedIn.replace(".", "-")}`,
});

const FLOW_CONTROL = ["FlowSchema", "PriorityLevelConfiguration"];
const FLOW_CONTROL_V1 = ["flowcontrol.apiserver.k8s.io/v1", "1.29"] as const;

export const REMOVED_APIS: readonly RemovedApi[] = [
  // v1.32
  row("flowcontrol.apiserver.k8s.io/v1beta3", FLOW_CONTROL, "1.32", FLOW_CONTROL_V1),
  // v1.29
  row("flowcontrol.apiserver.k8s.io/v1beta2", FLOW_CONTROL, "1.29", FLOW_CONTROL_V1),
  // v1.27
  row("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.27", ["storage.k8s.io/v1", "1.24"]),
  // v1.26 (the guide names v1beta3, since removed itself: v1 is where to go now)
  row("flowcontrol.apiserver.k8s.io/v1beta1", FLOW_CONTROL, "1.26", FLOW_CONTROL_V1),
  row("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.26", ["autoscaling/v2", "1.23"]),
  // v1.25
  row("batch/v1beta1", ["CronJob"], "1.25", ["batch/v1", "1.21"]),
  row("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.25", ["discovery.k8s.io/v1", "1.21"]),
  row("events.k8s.io/v1beta1", ["Event"], "1.25", ["events.k8s.io/v1", "1.19"]),
  row("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.25", ["autoscaling/v2", "1.23"]),
  row("policy/v1beta1", ["PodDisruptionBudget"], "1.25", ["policy/v1", "1.21"]),
  row("policy/v1beta1", ["PodSecurityPolicy"], "1.25"),
  row("node.k8s.io/v1beta1", ["RuntimeClass"], "1.25", ["node.k8s.io/v1", "1.20"]),
  // v1.22
  row(
    "admissionregistration.k8s.io/v1beta1",
    ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
    "1.22",
    ["admissionregistration.k8s.io/v1", "1.16"],
  ),
  row("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.22", [
    "apiextensions.k8s.io/v1",
    "1.16",
  ]),
  row("apiregistration.k8s.io/v1beta1", ["APIService"], "1.22", [
    "apiregistration.k8s.io/v1",
    "1.10",
  ]),
  row("authentication.k8s.io/v1beta1", ["TokenReview"], "1.22", [
    "authentication.k8s.io/v1",
    "1.6",
  ]),
  row(
    "authorization.k8s.io/v1beta1",
    ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview"],
    "1.22",
    ["authorization.k8s.io/v1", "1.6"],
  ),
  row("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.22", [
    "certificates.k8s.io/v1",
    "1.19",
  ]),
  row("coordination.k8s.io/v1beta1", ["Lease"], "1.22", ["coordination.k8s.io/v1", "1.14"]),
  row("extensions/v1beta1", ["Ingress"], "1.22", ["networking.k8s.io/v1", "1.19"]),
  row("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.22", [
    "networking.k8s.io/v1",
    "1.19",
  ]),
  row(
    "rbac.authorization.k8s.io/v1beta1",
    ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
    "1.22",
    ["rbac.authorization.k8s.io/v1", "1.8"],
  ),
  row("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.22", ["scheduling.k8s.io/v1", "1.14"]),
  row("storage.k8s.io/v1beta1", ["CSIDriver"], "1.22", ["storage.k8s.io/v1", "1.19"]),
  row("storage.k8s.io/v1beta1", ["CSINode"], "1.22", ["storage.k8s.io/v1", "1.17"]),
  row("storage.k8s.io/v1beta1", ["StorageClass"], "1.22", ["storage.k8s.io/v1", "1.6"]),
  row("storage.k8s.io/v1beta1", ["VolumeAttachment"], "1.22", ["storage.k8s.io/v1", "1.13"]),
  // v1.16
  row("extensions/v1beta1", ["NetworkPolicy"], "1.16", ["networking.k8s.io/v1", "1.8"]),
  row("extensions/v1beta1", ["PodSecurityPolicy"], "1.16", ["policy/v1beta1", "1.10"]),
  row("extensions/v1beta1", ["DaemonSet", "Deployment", "ReplicaSet"], "1.16", ["apps/v1", "1.9"]),
  row("apps/v1beta1", ["Deployment", "StatefulSet", "ReplicaSet"], "1.16", ["apps/v1", "1.9"]),
  row("apps/v1beta2", ["DaemonSet", "Deployment", "StatefulSet", "ReplicaSet"], "1.16", [
    "apps/v1",
    "1.9",
  ]),
];
