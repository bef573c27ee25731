/**
 * Runs a Pulumi program's registrations through Pulumi's own mock monitor and records everything the engine
 * would see: the full RegisterResource request (parent, protect, retainOnDelete, provider, dependencies) and the
 * inputs with their secrets and unknowns marked. Used by the offline engine and by the component tests alike.
 *
 * The `pulumi` argument is the `@pulumi/pulumi` instance the program resolves, so the mocks sit on the runtime
 * the program actually registers through.
 */
import type * as PulumiModule from "@pulumi/pulumi";
import { UNKNOWN_DURING_PREVIEW } from "../../domain/unknown";
import { CheckError } from "./errors";
import { plainOf } from "./runtime-values";
import { VERIFIED_SDK, type InternalsInUse, type SdkInternal } from "./sdk-internals";

type Pulumi = typeof PulumiModule;

/**
 * The mock monitor's registration path: the engine answers `registerResource` and `invoke` itself, names URNs
 * through the monitor's `newUrn` and keeps its `resources` map, instead of the monitor's four-fold encoding.
 */
export const REGISTRATION_PATH: SdkInternal = {
  name: "the mock monitor's registration path (registerResource, invoke, newUrn, resources)",
  verified: VERIFIED_SDK,
  fallback:
    "registrations were recorded on their way through Pulumi's own mock monitor (slower), URNs named as the engine names them",
};

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
export const UNKNOWN = UNKNOWN_DURING_PREVIEW;

export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly id: string;
  /** URN of the parent, or undefined for resources at the stack's root. */
  readonly parent: string | undefined;
  /** Provider reference `urn::id`, or undefined for the default provider (and for components). */
  readonly provider: string | undefined;
  /** Inputs as plain JSON: secrets unwrapped, resource references as their URN, unknowns as `UNKNOWN`. */
  readonly inputs: Record<string, unknown>;
  /** Property paths (`spec.password`, `env[2].value`) whose value was a secret. */
  readonly secretPaths: readonly string[];
  /** Property paths whose value was unknown. */
  readonly unknownPaths: readonly string[];
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly deleteBeforeReplace: boolean;
  readonly ignoreChanges: readonly string[];
  readonly additionalSecretOutputs: readonly string[];
  readonly dependencies: readonly string[];
  readonly aliases: number;
  /** Alias URNs, computed from the alias specs the way the engine does. */
  readonly aliasUrns: readonly string[];
  /** Property name → URNs of the resources that property depends on. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** Custom timeouts as given (`5m`, `1h30m`); empty strings when unset. */
  readonly customTimeouts: {
    readonly create: string;
    readonly update: string;
    readonly delete: string;
  };
  /** True when the program set `deleteBeforeReplace` (either way). */
  readonly deleteBeforeReplaceDefined: boolean;
  /** Version of the SDK package that registered it (decides the default provider), or "" when none. */
  readonly version: string;
  /** The SDK's plugin download URL (part of the default provider's name), or "". */
  readonly pluginDownloadURL: string;
  /** A multi-language component its package's provider plugin builds (`remote: true`): its children are not seen. */
  readonly remote?: boolean;
  /** Outputs the mocks returned. */
  readonly outputs: Record<string, unknown>;
  /** Where the program declared it: the SDK's `sourcePosition` (first frame outside the Pulumi SDKs). */
  readonly source?: { readonly uri: string; readonly line: number };
}

/** A registration's options when the program set none: what resources the engine adds itself carry. */
export const NO_OPTIONS = {
  protect: false,
  retainOnDelete: false,
  deleteBeforeReplace: false,
  deleteBeforeReplaceDefined: false,
  ignoreChanges: [],
  additionalSecretOutputs: [],
  dependencies: [],
  aliases: 0,
  aliasUrns: [],
  propertyDependencies: {},
  customTimeouts: { create: "", update: "", delete: "" },
} as const satisfies Partial<RecordedResource>;

export interface RecordedInvoke {
  readonly token: string;
  readonly inputs: Record<string, unknown>;
  readonly answered: boolean;
}

/**
 * A read (`Resource.get`) or an invoke made without an explicit provider: the engine serves it with the package's
 * default provider, which it registers (and the analyzer judges) like any other resource.
 */
export interface DefaultProviderUse {
  /** The resource type or invoke token (its package names the provider). */
  readonly token: string;
  readonly version: string;
  readonly pluginDownloadURL: string;
}

export interface MockAnswers {
  /** Outputs beyond the inputs for a resource type (computed ids, endpoints, kubeconfigs). */
  outputs(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown>;
  /** The result of an invoke, or undefined when nothing can answer it. */
  invoke(token: string, inputs: Record<string, unknown>): Record<string, unknown> | undefined;
  /** For an invoke `invoke` cannot answer: its result's shape with unknown values. @default - an empty result */
  shape?(token: string): Record<string, unknown> | undefined;
}

export interface Recording {
  readonly resources: RecordedResource[];
  readonly invokes: RecordedInvoke[];
  /** Reads and invokes that the engine would serve with a default provider. */
  readonly defaultProviderUses: DefaultProviderUse[];
}

export interface RecordOptions {
  readonly project: string;
  readonly stack: string;
  /** Run as a preview: the engine's `isDryRun()` is true. @default true */
  readonly preview?: boolean;
  readonly organization?: string;
  /** The SDK's version, deciding whether the registration path may be used. @default - used when present */
  readonly internals?: InternalsInUse;
}

interface Decoded {
  value: unknown;
  secrets: string[];
  unknowns: string[];
}

const join = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;

/**
 * Turns the wire form of properties into plain JSON, noting where secrets and unknowns were. Resource references
 * become their URN, through `urnOf` where the URNs on the wire are not the engine's.
 */
export function decodeProperties(raw: unknown, urnOf: (urn: string) => string = (u) => u): Decoded {
  const secrets: string[] = [];
  const unknowns: string[] = [];
  // The keys down to the value being walked; joined into a path only for a secret or an unknown, which few are.
  const keys: (string | number)[] = [];
  const path = () => keys.reduce<string>(join, "");
  const walk = (v: unknown, secret: boolean): unknown => {
    if (v === UNKNOWN) {
      unknowns.push(path());
      return UNKNOWN;
    }
    if (Array.isArray(v))
      return v.map((x, i) => {
        keys.push(i);
        const decoded = walk(x, secret);
        keys.pop();
        return decoded;
      });
    if (v === null || typeof v !== "object") {
      if (secret) secrets.push(path());
      return v;
    }
    const obj = v as Record<string, unknown>;
    switch (obj[SIG_KEY]) {
      case SECRET_SIG:
        return walk(obj.value, true);
      case RESOURCE_SIG:
        return typeof obj.urn === "string" ? urnOf(obj.urn) : obj.urn;
      case OUTPUT_SIG:
        if (obj.secret === true) return walk(obj.value ?? UNKNOWN, true);
        return walk(obj.value ?? UNKNOWN, secret);
      case ASSET_SIG:
      case ARCHIVE_SIG:
        return { asset: obj.path ?? obj.uri ?? "<inline>" };
      default:
        return Object.fromEntries(
          Object.entries(obj).map(([k, x]) => {
            keys.push(k);
            const decoded = walk(x, secret);
            keys.pop();
            return [k, decoded];
          }),
        );
    }
  };
  return { value: walk(raw, false), secrets, unknowns };
}

interface WireObject {
  toJavaScript(): unknown;
}

interface AliasSpec {
  getName(): string;
  getType(): string;
  getStack(): string;
  getProject(): string;
  getParenturn(): string;
  getNoparent(): boolean;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProvider(): string;
  getObject(): WireObject | undefined;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDeletebeforereplace(): boolean;
  getDeletebeforereplacedefined(): boolean;
  getIgnorechangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getDependenciesList(): string[];
  getAliasesList(): { getUrn(): string; getSpec(): AliasSpec | undefined }[];
  getPropertydependenciesMap(): {
    forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void;
  };
  getCustomtimeouts():
    { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
  getVersion(): string;
  getPlugindownloadurl(): string;
  getImportid(): string;
  getSourceposition(): { getUri(): string; getLine(): number } | undefined;
  getRemote(): boolean;
  getProvidersMap(): { get(pkg: string): string | undefined };
}

/** What the engine reads of a ReadResource or Invoke request to pick its provider. */
interface ProviderRequest {
  getProvider(): string;
  getVersion(): string;
  getPlugindownloadurl(): string;
}

interface ReadRequest extends ProviderRequest {
  getType(): string;
}

interface InvokeRequest extends ProviderRequest {
  getTok(): string;
  getArgs(): WireObject | undefined;
}

type Callback = (err: unknown, resp: unknown) => void;

interface Monitor {
  registerResource(req: RegisterRequest, cb: Callback): void;
  readResource(req: ReadRequest, cb: Callback): void;
  invoke(req: InvokeRequest, cb: Callback): void;
  newUrn: (parent: string, type: string, name: string) => string;
  /** The mock monitor's registered resources: `registerResourceOutputs` and the `getResource` invoke read it. */
  resources: Map<string, { urn: string; id: string | null; state: unknown }>;
}

/**
 * What the runtime reads of a RegisterResource response (runtime/resource.js uses the same shape for a failed
 * registration), with the outputs already in their wire form.
 */
function registerResponse(urn: string, id: string, outputs: Record<string, unknown>) {
  return {
    getUrn: () => urn,
    getId: () => id,
    getObject: (): WireObject => ({ toJavaScript: () => outputs }),
    getPropertydependenciesMap: () => undefined,
    getResult: () => 0, // Result.SUCCESS: the outputs hold no unknowns to keep
  };
}

/** The built-in invoke through which the runtime reads a registered resource (the mock monitor answers it). */
const GET_RESOURCE = "pulumi:pulumi:getResource";

/** What the runtime reads of an Invoke response: the result as plain JSON, which is its own wire form. */
function invokeResponse(result: Record<string, unknown>) {
  // Through JSON: an answer's undefined fields would fail the runtime's deserialization.
  const wire = JSON.parse(JSON.stringify(result)) as unknown;
  return {
    getFailuresList: () => [],
    getReturn: (): WireObject => ({ toJavaScript: () => wire }),
  };
}

function sourceOf(req: RegisterRequest): { source?: { uri: string; line: number } } {
  const position = req.getSourceposition();
  return position && position.getUri()
    ? { source: { uri: position.getUri(), line: position.getLine() } }
    : {};
}

/** The engine's root stack type: never part of its children's qualified types. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>` → the qualified type (`Parent$Child`). */
function qualifiedTypeOf(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/**
 * A URN as the engine makes it: the parent's full qualified type chain (`A$B$C`), and no prefix for children of
 * the root stack. Pulumi's MockMonitor keeps only the parent's last type and prefixes the stack type.
 */
export function engineUrn(
  stack: string,
  project: string,
  parent: string,
  type: string,
  name: string,
): string {
  const parentType = parent ? qualifiedTypeOf(parent) : "";
  const qualified = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function aliasUrnsOf(req: RegisterRequest, stack: string, project: string): string[] {
  return req.getAliasesList().map((alias) => {
    const spec = alias.getSpec();
    if (!spec) return alias.getUrn();
    const parent = spec.getNoparent() ? "" : spec.getParenturn() || req.getParent();
    return engineUrn(
      spec.getStack() || stack,
      spec.getProject() || project,
      parent,
      spec.getType() || req.getType(),
      spec.getName() || req.getName(),
    );
  });
}

function propertyDependenciesOf(req: RegisterRequest): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((v, k) => {
    out[k] = v.getUrnsList();
  });
  return out;
}

/**
 * Installs Pulumi's mocks on `pulumi` with `answers`, and records every registration and invoke from then on.
 * Registration is asynchronous: read `resources` after the program's outputs have settled.
 */
export function startRecording(
  pulumi: Pulumi,
  answers: MockAnswers,
  opts: RecordOptions,
): Recording {
  const recording: Recording = { resources: [], invokes: [], defaultProviderUses: [] };
  const noteDefaultProvider = (token: string, req: ProviderRequest) => {
    if (req.getProvider()) return;
    recording.defaultProviderUses.push({
      token,
      version: req.getVersion(),
      pluginDownloadURL: req.getPlugindownloadurl(),
    });
  };
  const answerInvoke = (token: string, inputs: Record<string, unknown>) => {
    const result = answers.invoke(token, inputs);
    recording.invokes.push({ token, inputs, answered: result !== undefined });
    // Throwing here would lose the message and hang Output-form invokes (see PROVIDERS.md §3): answer
    // unknown values of the result's shape, else nothing, and let the engine report the unanswered invoke.
    return result ?? answers.shape?.(token) ?? {};
  };
  /** A resource's state as the mocks answer it: its inputs, with the canned outputs of its type on top. */
  const stateOf = (type: string, name: string, inputs: Record<string, unknown>) => ({
    ...inputs,
    ...answers.outputs(type, name, inputs),
  });
  const mocks: PulumiModule.runtime.Mocks = {
    // Reads of existing resources (`Resource.get`), and registrations on the public path. The inputs come
    // deserialized (live Resources, assets, unknowns) and go back as they came, under the canned outputs.
    newResource: (args) => {
      const plain = plainOf(pulumi, args.inputs) as Record<string, unknown>;
      const state = { ...args.inputs, ...answers.outputs(args.type, args.name, plain) };
      return { id: args.id ?? `${args.name}-id`, state };
    },
    // Methods of resources (`Call`); invokes too on the public path (the verified one answers them below).
    call: (args) =>
      answerInvoke(args.token, plainOf(pulumi, args.inputs) as Record<string, unknown>),
  };
  void pulumi.runtime.setMocks(
    mocks,
    opts.project,
    opts.stack,
    opts.preview ?? true,
    opts.organization ?? "organization",
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as Partial<Monitor> | undefined;
  if (typeof monitor?.registerResource !== "function") {
    const sdk = opts.internals
      ? `@pulumi/pulumi ${opts.internals.sdkVersion}`
      : "this @pulumi/pulumi";
    throw new CheckError(
      `${sdk} has no mock monitor to record registrations through (runtime.getMonitor().registerResource after setMocks), which the engine requires: check the program with \`pulumi preview --json\` and --preview-json instead`,
    );
  }
  if (typeof monitor.readResource === "function") {
    const readResource = monitor.readResource.bind(monitor);
    monitor.readResource = (req, cb) => {
      noteDefaultProvider(req.getType(), req);
      readResource(req, cb);
    };
  }
  const direct =
    typeof monitor.newUrn === "function" &&
    monitor.resources instanceof Map &&
    typeof monitor.invoke === "function";
  const context: RecordingContext = { recording, opts, stateOf, noteDefaultProvider, answerInvoke };
  if (opts.internals ? opts.internals.use(REGISTRATION_PATH, direct) : direct)
    answerRegistrations(monitor as Monitor, context);
  else observeRegistrations(monitor as Pick<Monitor, "registerResource">, context);
  return recording;
}

/** What both registration paths record into and answer with. */
interface RecordingContext {
  readonly recording: Recording;
  readonly opts: RecordOptions;
  readonly stateOf: (
    type: string,
    name: string,
    inputs: Record<string, unknown>,
  ) => Record<string, unknown>;
  readonly noteDefaultProvider: (token: string, req: ProviderRequest) => void;
  readonly answerInvoke: (
    token: string,
    inputs: Record<string, unknown>,
  ) => Record<string, unknown>;
}

/** The verified path: invokes and registrations answered here, the monitor's URN naming and resource map kept. */
function answerRegistrations(monitor: Monitor, context: RecordingContext): void {
  const { recording, opts, stateOf, noteDefaultProvider, answerInvoke } = context;
  monitor.newUrn = (parent, type, name) => engineUrn(opts.stack, opts.project, parent, type, name);
  const invoke = monitor.invoke.bind(monitor);
  // Answered here to see the provider, version and plugin URL the engine picks the provider by.
  monitor.invoke = (req, cb) => {
    const token = req.getTok();
    if (token === GET_RESOURCE) {
      invoke(req, cb);
      return;
    }
    let response: ReturnType<typeof invokeResponse>;
    try {
      noteDefaultProvider(token, req);
      const inputs = decodeProperties(req.getArgs()?.toJavaScript() ?? {}).value;
      response = invokeResponse(answerInvoke(token, inputs as Record<string, unknown>));
    } catch (e) {
      cb(e, undefined);
      return;
    }
    cb(null, response);
  };
  // Answered here rather than by the mock monitor, which would turn the inputs into Pulumi values, hand them to
  // `newResource`, serialize the state back (a promise per property) and encode it as a protobuf Struct for the
  // runtime to decode again: the same JSON, produced once per resource instead of four times.
  monitor.registerResource = (req, cb) => {
    let response: ReturnType<typeof registerResponse>;
    try {
      const decoded = decodeProperties(req.getObject()?.toJavaScript() ?? {});
      const inputs = decoded.value as Record<string, unknown>;
      const [type, name] = [req.getType(), req.getName()];
      const urn = monitor.newUrn(req.getParent(), type, name);
      // An import id, or "" for a new resource: its id stays unknown, as in a real preview.
      const id = req.getImportid();
      const outputs = stateOf(type, name, inputs);
      monitor.resources.set(urn, { urn, id: id || null, state: outputs });
      recording.resources.push(
        recordOf(req, decoded, outputs, opts, {
          urn,
          id,
          parent: req.getParent() || undefined,
          provider: req.getProvider() || undefined,
          dependencies: req.getDependenciesList(),
          propertyDependencies: propertyDependenciesOf(req),
        }),
      );
      response = registerResponse(urn, id, outputs);
    } catch (e) {
      cb(e, undefined);
      return;
    }
    cb(null, response);
  };
}

interface RegisterReply {
  getUrn(): string;
  getId(): string;
  getObject(): WireObject | undefined;
}

/**
 * The public path: Pulumi's own mock monitor answers (invokes through the mocks' `call`, registrations through
 * `newResource`), and each registration is recorded from its request and the monitor's reply. The monitor names
 * URNs its own way (only the parent's last type), so the engine's URN is rebuilt from the parent's and every
 * reference is mapped to it.
 */
function observeRegistrations(
  monitor: Pick<Monitor, "registerResource"> & Partial<Pick<Monitor, "invoke">>,
  context: RecordingContext,
): void {
  const { recording, opts, noteDefaultProvider } = context;
  if (typeof monitor.invoke === "function") {
    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (req, cb) => {
      if (req.getTok() !== GET_RESOURCE) noteDefaultProvider(req.getTok(), req);
      invoke(req, cb);
    };
  }
  const original = monitor.registerResource.bind(monitor);
  const engineUrns = new Map<string, string>();
  const toEngine = (urn: string) => engineUrns.get(urn) ?? urn;
  const providerRef = (ref: string) => {
    const at = ref.lastIndexOf("::");
    return at < 0 ? ref : `${toEngine(ref.slice(0, at))}${ref.slice(at)}`;
  };
  monitor.registerResource = (req, cb) => {
    original(req, (err, reply) => {
      if (err || !reply) {
        cb(err, reply);
        return;
      }
      try {
        const answer = reply as RegisterReply;
        const parent = req.getParent() ? toEngine(req.getParent()) : "";
        const urn = engineUrn(opts.stack, opts.project, parent, req.getType(), req.getName());
        engineUrns.set(answer.getUrn(), urn);
        const decoded = decodeProperties(req.getObject()?.toJavaScript() ?? {}, toEngine);
        const outputs = decodeProperties(answer.getObject()?.toJavaScript() ?? {}, toEngine).value;
        const dependencies = Object.entries(propertyDependenciesOf(req));
        recording.resources.push(
          recordOf(req, decoded, outputs as Record<string, unknown>, opts, {
            urn,
            id: answer.getId(),
            parent: parent || undefined,
            provider: req.getProvider() ? providerRef(req.getProvider()) : undefined,
            dependencies: req.getDependenciesList().map(toEngine),
            propertyDependencies: Object.fromEntries(
              dependencies.map(([k, urns]) => [k, urns.map(toEngine)]),
            ),
          }),
        );
      } catch (e) {
        cb(e, undefined);
        return;
      }
      cb(null, reply);
    });
  };
}

/** Where a registration sits in the engine's graph: what the two paths work out differently. */
interface GraphPosition {
  readonly urn: string;
  readonly id: string;
  readonly parent: string | undefined;
  readonly provider: string | undefined;
  readonly dependencies: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

/** The recorded resource of one registration request. */
function recordOf(
  req: RegisterRequest,
  decoded: Decoded,
  outputs: Record<string, unknown>,
  opts: RecordOptions,
  at: GraphPosition,
): RecordedResource {
  const timeouts = req.getCustomtimeouts();
  return {
    urn: at.urn,
    type: req.getType(),
    name: req.getName(),
    custom: req.getCustom(),
    id: at.id,
    parent: at.parent,
    provider: at.provider,
    inputs: decoded.value as Record<string, unknown>,
    secretPaths: decoded.secrets,
    unknownPaths: decoded.unknowns,
    protect: req.getProtect() ?? false,
    retainOnDelete: req.getRetainondelete() ?? false,
    deleteBeforeReplace: req.getDeletebeforereplace(),
    deleteBeforeReplaceDefined: req.getDeletebeforereplacedefined(),
    ignoreChanges: req.getIgnorechangesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    dependencies: at.dependencies,
    aliases: req.getAliasesList().length,
    aliasUrns: aliasUrnsOf(req, opts.stack, opts.project),
    propertyDependencies: at.propertyDependencies,
    customTimeouts: {
      create: timeouts?.getCreate() ?? "",
      update: timeouts?.getUpdate() ?? "",
      delete: timeouts?.getDelete() ?? "",
    },
    version: req.getVersion(),
    pluginDownloadURL: req.getPlugindownloadurl(),
    ...(req.getRemote() ? { remote: true } : {}),
    outputs,
    ...sourceOf(req),
  };
}
