/**
 * Our size words mapped to each provider's SKUs. Components and config speak only `small | medium | large`;
 * this table is the one place a node type or database flavour is named. A provider left out fails to compile.
 */

export const SizeClass = { small: "small", medium: "medium", large: "large" } as const;
export type SizeClass = (typeof SizeClass)[keyof typeof SizeClass];
export const SIZE_CLASSES = Object.values(SizeClass);

export interface ManagedSizes {
  /** Kubernetes worker node type. */
  readonly node: string;
  /** Managed PostgreSQL node type or flavour. */
  readonly database: string;
  /** Managed PostgreSQL plan, where the provider sells plans. */
  readonly databasePlan?: string;
  /** vCPU and memory (GiB) of one worker node, for capacity arithmetic. */
  readonly nodeCpu: number;
  readonly nodeMemoryGiB: number;
}

/**
 * Scaleway's small types were checked on 2026-12-02 against terraform-provider-scaleway (b2d45ed, 2026-08-21): its
 * k8s_pool docs still use DEV1-M (only DEV1-S, PLAY2-PICO and STARDUST are not eligible for pools) and its rdb tests
 * still create DB-DEV-S instances; neither is deprecated there.
 */
export const SIZES = {
  scaleway: {
    small: { node: "DEV1-M", database: "DB-DEV-S", nodeCpu: 3, nodeMemoryGiB: 4 },
    medium: { node: "PRO2-S", database: "DB-PRO2-XXS", nodeCpu: 8, nodeMemoryGiB: 32 },
    large: { node: "PRO2-M", database: "DB-PRO2-S", nodeCpu: 16, nodeMemoryGiB: 64 },
  },
  ovhcloud: {
    small: {
      node: "b3-8",
      database: "db1-4",
      databasePlan: "essential",
      nodeCpu: 2,
      nodeMemoryGiB: 8,
    },
    medium: {
      node: "b3-16",
      database: "db1-7",
      databasePlan: "business",
      nodeCpu: 4,
      nodeMemoryGiB: 16,
    },
    large: {
      node: "b3-32",
      database: "db1-15",
      databasePlan: "business",
      nodeCpu: 8,
      nodeMemoryGiB: 32,
    },
  },
} as const satisfies Record<"scaleway" | "ovhcloud", Record<SizeClass, ManagedSizes>>;

/** Container resources per workload size: requests are what the scheduler reserves, limits what the pod may use. */
export const CONTAINER_SIZES = {
  small: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
  medium: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
  large: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "2", memory: "1Gi" } },
} as const satisfies Record<
  SizeClass,
  { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } }
>;
