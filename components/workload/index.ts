/** The provider-neutral Kubernetes workload (no cloud SDK): the component and its pure rules. */
export * from "./workload";
export * from "./container";
export * from "./env";
export * from "./network-policies";
export * from "./scaling";
export * from "./secrets";
