/** One dependency a resource creates, before the caller adds the target and the resource. */
import type { Attribution } from "./attribute";
import type { DependencyKind } from "./model";

export interface Found extends Attribution {
  readonly kind: DependencyKind;
  readonly endpoint: string;
}
