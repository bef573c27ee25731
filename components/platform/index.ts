/** One target's platform: adapter resources, the neutral ingress controller and the target's workloads. */
export * from "./args";
export * from "./ingress";
export * from "./platform";
