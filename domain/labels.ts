/**
 * The label keys every Kubernetes object and taggable cloud resource of ours carries. Components write them
 * (components/contract/labels.ts); policies, fleet facts and reports read vendor, region and country back from them.
 */
export const LABEL = {
  name: "app.kubernetes.io/name",
  instance: "app.kubernetes.io/instance",
  partOf: "app.kubernetes.io/part-of",
  managedBy: "app.kubernetes.io/managed-by",
  component: "app.kubernetes.io/component",
  vendor: "sovereign.eu/vendor",
  region: "sovereign.eu/region",
  country: "sovereign.eu/country",
  target: "sovereign.eu/target",
} as const;
