/**
 * The props policies read, behind the same checks as @pulumi/policy's `unknownCheckingProxy` (proxy.js): reading
 * a value unknown during preview throws the SDK's own `UnknownValueError` with the path read, every object is
 * handed out proxied, `__isSpecialProxy` / `__getSpecialProxyTarget` reveal the proxy and its target, and
 * non-configurable read-only data properties come back as they are (the Proxy invariant). One difference: the
 * SDK wraps a nested object in a new proxy on every read, this one keeps the proxy of each property while its
 * value stays the same, so a resource's twenty policies reading the same pod spec allocate it once.
 * test/cli/engine/props-proxy.test.ts reads both proxies every way a policy does and compares the outcomes.
 */
import { policyProxy as sdk, UNKNOWN_SENTINELS as UNKNOWNS } from "../../policies/lib/unknown";

interface Child {
  readonly value: object;
  readonly proxy: object;
}

function proxyAt<T extends object>(target: T, path: readonly PropertyKey[]): T {
  let children: Map<PropertyKey, Child> | undefined;
  return new Proxy(target, {
    // A method, not an arrow property: the transpiler would name every handler's arrow (a defineProperty each).
    get(obj, prop) {
      if (prop === sdk.isSpecialProxy) return true;
      if (prop === sdk.getSpecialProxyTarget) return obj;
      const field: unknown = (obj as Record<PropertyKey, unknown>)[prop];
      if (UNKNOWNS.has(field)) throw new sdk.UnknownValueError(field as string, [...path, prop]);
      if (!(field instanceof Object)) return field;
      const desc = Object.getOwnPropertyDescriptor(obj, prop);
      if (desc && "value" in desc && desc.configurable === false && desc.writable === false)
        return field;
      const child = children?.get(prop);
      if (child !== undefined && child.value === field) return child.proxy;
      const proxy = proxyAt(field, [...path, prop]);
      (children ??= new Map()).set(prop, { value: field, proxy });
      return proxy;
    },
  });
}

/** `props` behind the analyzer's unknown checks; anything but an object is returned as is. */
export function checkingProxy<T>(props: T): T {
  return props instanceof Object ? proxyAt(props, []) : props;
}
