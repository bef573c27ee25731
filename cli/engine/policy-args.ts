/**
 * The arguments CrossGuard hands to policies, built as @pulumi/policy's analyzer server builds them (server.js):
 * props behind its unknownCheckingProxy's checks (props-proxy.ts: reading a value unknown during preview throws
 * UnknownValueError), `provider` = `{ type, props, urn, name }`, `opts` from the registration, `getConfig`,
 * `notApplicable`.
 * Props are the resource's inputs with secrets unwrapped, for resource and stack policies alike (a preview has
 * no other outputs to show).
 */
import type {
  PolicyCustomTimeouts,
  PolicyProviderResource,
  PolicyResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
} from "@pulumi/policy";
import * as policyProxy from "@pulumi/policy/proxy";
import { checkingProxy } from "./props-proxy";
import type { RecordedResource } from "./recorder";
import { providerUrnOf } from "./providers";

interface ProxyModule {
  UnknownValueError: new (...args: never[]) => Error;
}
const { UnknownValueError } = policyProxy as unknown as ProxyModule;

/** True for the error the props proxy throws when a policy reads a value unknown during preview. */
export function isUnknownValueError(e: unknown): boolean {
  return e instanceof UnknownValueError;
}

/** Thrown by `args.notApplicable(reason)`. */
export class NotApplicable extends Error {
  override readonly name = "NotApplicable";
}

/** One NotApplicable per reason, for the reasons policies repeat; past this many, each throw gets its own. */
const REUSED_REASONS = 256;
const byReason = new Map<string, NotApplicable>();

/**
 * Throws NotApplicable, built once per reason and without a stack: the engine drops it unread, and policies
 * throw it for most resources (tens of thousands of times in a large fleet), where building the error with its
 * stack frames cost more than the policy itself.
 */
export function throwNotApplicable(reason: string | undefined): never {
  const message = reason ?? "Policy does not apply";
  let error = byReason.get(message);
  if (error === undefined) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    error = new NotApplicable(message);
    Error.stackTraceLimit = limit;
    if (byReason.size < REUSED_REASONS) byReason.set(message, error);
  }
  throw error;
}
const notApplicable = (reason?: string): never => throwNotApplicable(reason);

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** Go's `time.ParseDuration` in seconds (`1h30m` → 5400); 0 for "" or anything unparsable, as the engine. */
export function durationSeconds(text: string): number {
  if (text === "") return 0;
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return 0;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
    total += Number(m[1]) * (DURATION_UNITS[m[2] ?? "s"] ?? 0);
  return total;
}

function timeoutsOf(r: RecordedResource): PolicyCustomTimeouts {
  return {
    createSeconds: durationSeconds(r.customTimeouts.create),
    updateSeconds: durationSeconds(r.customTimeouts.update),
    deleteSeconds: durationSeconds(r.customTimeouts.delete),
  };
}

/** `opts` as the analyzer builds it from the registration. */
export function optionsOf(r: RecordedResource): PolicyResourceOptions {
  const opts: PolicyResourceOptions = {
    protect: r.protect,
    ignoreChanges: [...r.ignoreChanges],
    aliases: [...r.aliasUrns],
    customTimeouts: timeoutsOf(r),
    additionalSecretOutputs: [...r.additionalSecretOutputs],
  };
  if (r.deleteBeforeReplaceDefined) opts.deleteBeforeReplace = r.deleteBeforeReplace;
  if (r.parent) opts.parent = r.parent;
  return opts;
}

type ResourceClass = { __pulumiType?: string; isInstance?: (o: unknown) => boolean };

/** The analyzer's `isTypeOf`: the class's `__pulumiType`, else its `isInstance`. */
function isTypeOf(type: string, resourceClass: unknown): boolean {
  const cls = resourceClass as ResourceClass;
  if (cls.__pulumiType) return cls.__pulumiType === type;
  return typeof cls.isInstance === "function" && cls.isInstance({ __pulumiType: type }) === true;
}

const NO_TAGS: ReadonlyMap<string, string> = new Map();

// Factories rather than inline arrows: the transpiler names every arrow bound to a name or property (keepNames),
// a defineProperty per resource; the arrows these return are anonymous.
const typeTest = (type: string) => (cls: unknown) => isTypeOf(type, cls);
const typeCast = (type: string, props: unknown) => (cls: unknown) =>
  isTypeOf(type, cls) ? props : undefined;

/** The per-resource part of the analyzer's arguments; `getConfig` is added per policy. */
export type BaseResourceArgs = Omit<ResourceValidationArgs, "getConfig">;

/**
 * `{ ...base, getConfig }`, written out: the engine builds one per resource and policy, and V8 copies an object
 * that gained `provider` after its literal through its slow path, a few microseconds each.
 */
export function withGetConfig(
  base: BaseResourceArgs,
  getConfig: ResourceValidationArgs["getConfig"],
): ResourceValidationArgs {
  const { type, props, urn, name, opts, stackTags, isType, asType, notApplicable: na } = base;
  if (!("provider" in base))
    return {
      type,
      props,
      urn,
      name,
      opts,
      stackTags,
      isType,
      asType,
      notApplicable: na,
      getConfig,
    };
  const { provider } = base;
  return {
    type,
    props,
    urn,
    name,
    opts,
    stackTags,
    isType,
    asType,
    notApplicable: na,
    provider,
    getConfig,
  };
}

/**
 * Builds validation arguments, sharing one proxied `provider` per provider resource, one `isType` per type, and
 * a resource's props proxy and `opts` between its resource and stack policies (as its policies already share them).
 */
export function createArgsBuilder(byUrn: ReadonlyMap<string, RecordedResource>) {
  const providers = new Map<string, PolicyProviderResource | undefined>();
  const providerOf = (r: RecordedResource): PolicyProviderResource | undefined => {
    if (!r.provider) return undefined;
    // Keyed by the reference itself: thousands of objects share a handful of providers.
    if (!providers.has(r.provider)) {
      const p = byUrn.get(providerUrnOf(r.provider));
      providers.set(
        r.provider,
        p && { type: p.type, props: checkingProxy(p.inputs), urn: p.urn, name: p.name },
      );
    }
    return providers.get(r.provider);
  };
  const typeTests = new Map<string, (cls: unknown) => boolean>();
  const typeTestOf = (type: string) => {
    let test = typeTests.get(type);
    if (test === undefined) typeTests.set(type, (test = typeTest(type)));
    return test;
  };
  const proxies = new Map<string, Record<string, unknown>>();
  const propsOf = (r: RecordedResource) => {
    let props = proxies.get(r.urn);
    if (props === undefined) proxies.set(r.urn, (props = checkingProxy(r.inputs)));
    return props;
  };
  const options = new Map<string, PolicyResourceOptions>();
  const optsOf = (r: RecordedResource) => {
    let opts = options.get(r.urn);
    if (opts === undefined) options.set(r.urn, (opts = optionsOf(r)));
    return opts;
  };

  const resourceArgs = (r: RecordedResource): BaseResourceArgs => {
    const props = propsOf(r);
    const args: BaseResourceArgs = {
      type: r.type,
      props,
      urn: r.urn,
      name: r.name,
      opts: optsOf(r),
      stackTags: NO_TAGS,
      isType: typeTestOf(r.type),
      asType: typeCast(r.type, props) as BaseResourceArgs["asType"],
      notApplicable,
    };
    const provider = providerOf(r);
    if (provider) args.provider = provider;
    return args;
  };

  /** Every resource as a PolicyResource, with parent, dependencies and property dependencies linked. */
  const stackResources = (resources: readonly RecordedResource[]): PolicyResource[] => {
    const linked = new Map<string, PolicyResource>();
    for (const r of resources) {
      const props = propsOf(r);
      const resource: PolicyResource = {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: optsOf(r),
        dependencies: [],
        propertyDependencies: {},
        isType: typeTestOf(r.type),
        asType: typeCast(r.type, props) as PolicyResource["asType"],
      };
      const provider = providerOf(r);
      if (provider) resource.provider = provider;
      linked.set(r.urn, resource);
    }
    // The linked resources of `urns`, in order; one pass, as every resource has a few such lists.
    const lookup = (urns: readonly string[]): PolicyResource[] => {
      const found: PolicyResource[] = [];
      for (const urn of urns) {
        const resource = linked.get(urn);
        if (resource !== undefined) found.push(resource);
      }
      return found;
    };
    for (const r of resources) {
      const resource = linked.get(r.urn);
      if (!resource) continue;
      const parent = r.parent ? linked.get(r.parent) : undefined;
      if (parent) resource.parent = parent;
      resource.dependencies = lookup(r.dependencies);
      const byProperty = r.propertyDependencies;
      for (const key in byProperty)
        if (Object.hasOwn(byProperty, key))
          resource.propertyDependencies[key] = lookup(byProperty[key] ?? []);
    }
    return [...linked.values()];
  };

  return { resourceArgs, stackResources };
}
