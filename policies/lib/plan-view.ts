/**
 * Stack-policy resources as the pure layer reads them: raw props (CrossGuard's unknown-checking proxy throws on
 * the first unknown field; the dependency model skips unknown values instead) and the provider's URN. One list
 * per stack validation, so every fleet policy shares the model computed from it.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { DependencyResource } from "../../domain/dependencies";
import { rawOf } from "./unknown";

const views = new WeakMap<readonly PolicyResource[], readonly DependencyResource[]>();

export function planView(resources: readonly PolicyResource[]): readonly DependencyResource[] {
  let view = views.get(resources);
  if (view === undefined) {
    view = resources.map((r) => ({
      type: r.type,
      urn: r.urn,
      name: r.name,
      props: rawOf(r.props),
      ...(r.provider ? { provider: r.provider } : {}),
    }));
    views.set(resources, view);
  }
  return view;
}
