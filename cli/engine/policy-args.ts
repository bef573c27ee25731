/**
 * The arguments CrossGuard hands to policies, built as @pulumi/policy's analyzer server builds them (server.js):
 * props behind its unknownCheckingProxy (reading a value unknown during preview throws UnknownValueError),
 * `provider` = `{ type, props, urn, name }`, `opts` from the registration, `getConfig`, `notApplicable`.
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
import type { RecordedResource } from "./recorder";
import { providerUrnOf } from "./providers";

interface ProxyModule {
  unknownCheckingProxy<T extends object>(value: T): T;
  UnknownValueError: new (...args: never[]) => Error;
}
const { unknownCheckingProxy, UnknownValueError } = policyProxy as unknown as ProxyModule;

/** True for the error the props proxy throws when a policy reads a value unknown during preview. */
export function isUnknownValueError(e: unknown): boolean {
  return e instanceof UnknownValueError;
}

/** Thrown by `args.notApplicable(reason)`. */
export class NotApplicable extends Error {
  override readonly name = "NotApplicable";
}

/**
 * Throws NotApplicable without capturing a stack: the engine drops it unread, and policies throw it for most
 * resources (tens of thousands of times in a large fleet), where capturing frames was the dearest part.
 */
export function throwNotApplicable(reason: string | undefined): never {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const error = new NotApplicable(reason ?? "Policy does not apply");
  Error.stackTraceLimit = limit;
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

/** The per-resource part of the analyzer's arguments; `getConfig` is added per policy. */
export type BaseResourceArgs = Omit<ResourceValidationArgs, "getConfig">;

/** Builds validation arguments, sharing one proxied `provider` per provider resource. */
export function createArgsBuilder(byUrn: ReadonlyMap<string, RecordedResource>) {
  const providers = new Map<string, PolicyProviderResource | undefined>();
  const providerOf = (r: RecordedResource): PolicyProviderResource | undefined => {
    if (!r.provider) return undefined;
    const urn = providerUrnOf(r.provider);
    if (!providers.has(urn)) {
      const p = byUrn.get(urn);
      providers.set(
        urn,
        p && { type: p.type, props: unknownCheckingProxy(p.inputs), urn: p.urn, name: p.name },
      );
    }
    return providers.get(urn);
  };

  const resourceArgs = (r: RecordedResource): BaseResourceArgs => {
    const props = unknownCheckingProxy(r.inputs);
    const args: BaseResourceArgs = {
      type: r.type,
      props,
      urn: r.urn,
      name: r.name,
      opts: optionsOf(r),
      stackTags: NO_TAGS,
      isType: (cls) => isTypeOf(r.type, cls),
      asType: ((cls: unknown) =>
        isTypeOf(r.type, cls) ? props : undefined) as BaseResourceArgs["asType"],
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
      const props = unknownCheckingProxy(r.inputs);
      const resource: PolicyResource = {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: optionsOf(r),
        dependencies: [],
        propertyDependencies: {},
        isType: (cls) => isTypeOf(r.type, cls),
        asType: ((cls: unknown) =>
          isTypeOf(r.type, cls) ? props : undefined) as PolicyResource["asType"],
      };
      const provider = providerOf(r);
      if (provider) resource.provider = provider;
      linked.set(r.urn, resource);
    }
    const lookup = (urns: readonly string[]) =>
      urns.map((u) => linked.get(u)).filter((x): x is PolicyResource => x !== undefined);
    for (const r of resources) {
      const resource = linked.get(r.urn);
      if (!resource) continue;
      const parent = r.parent ? linked.get(r.parent) : undefined;
      if (parent) resource.parent = parent;
      resource.dependencies = lookup(r.dependencies);
      for (const [key, urns] of Object.entries(r.propertyDependencies))
        resource.propertyDependencies[key] = lookup(urns);
    }
    return [...linked.values()];
  };

  return { resourceArgs, stackResources };
}
